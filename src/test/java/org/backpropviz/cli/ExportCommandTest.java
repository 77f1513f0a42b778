package org.backpropviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.NumpyExport;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --numpy OUT.py FILE}: the window's NumPy script, written whole or not at all; refusals name the place. */
class ExportCommandTest {
    private static final String PAYLOAD = "__import__('os').system('touch PWNED')";

    /** A preset shipped with the app, copied to {@code dir}. */
    private static Path preset(Path dir, String name) throws IOException {
        Path p = dir.resolve(name + ".json");
        try (var in = ExportCommandTest.class.getResourceAsStream("/assets/presets/" + name + ".json")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    /** What the window exports once it has stepped through the whole iteration (its furthest snapshot). */
    private static String windowScript(Path file) throws Exception {
        Scenario s = ScenarioFormat.read(file);
        Trace t = Trace.start(s.inputs());
        while (t.next().isPresent()) t = t.step();
        return NumpyExport.script(s, t);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A refusal: exit status 2 and one line on standard error that names {@code place}, no stack trace. */
    private static void assertRefused(CliTest.Result r, String place) {
        assertEquals(Cli.INVALID, r.status(), r.err());
        assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1, "one line: " + r.err());
        assertTrue(r.err().contains(place), "names " + place + ": " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void writesTheWindowsScriptForEachPreset(@TempDir Path dir) throws Exception {
        for (String name : List.of("lesson-vector", "batch-of-4", "lesson-mismatch")) {
            Path file = preset(dir, name);
            Path out = dir.resolve(name + ".py");
            CliTest.Result r = CliTest.run("export", "--numpy", out.toString(), file.toString());
            assertEquals(Cli.OK, r.status(), r.err());
            assertTrue(r.err().isEmpty(), r.err());
            assertEquals(windowScript(file), Files.readString(out, StandardCharsets.UTF_8), name);
        }
        assertTrue(Files.readString(dir.resolve("lesson-vector.py")).contains("app_error = ('affine2', 'backward', "));
        assertEquals(List.of("batch-of-4.json", "batch-of-4.py", "lesson-mismatch.json", "lesson-mismatch.py",
                "lesson-vector.json", "lesson-vector.py"), names(dir), "no temporary file is left behind");
    }

    @Test
    void theOptionMayFollowTheFileAndAnOldScriptIsReplaced(@TempDir Path dir) throws Exception {
        Path file = preset(dir, "batch-of-4");
        Path out = dir.resolve("old.py");
        Files.writeString(out, "print('an older export')\n");
        CliTest.Result r = CliTest.run("export", file.toString(), "--numpy", out.toString());
        assertEquals(Cli.OK, r.status(), r.err());
        assertEquals(windowScript(file), Files.readString(out));
    }

    @Test
    void aHostileNameBecomesOneInertLiteral(@TempDir Path dir) throws Exception {
        String name = "x\n" + PAYLOAD + "\r" + PAYLOAD + "\u2028" + PAYLOAD + "\n# '''\"\"\"\\";
        Scenario lesson = ScenarioFormat.read(preset(dir, "lesson-vector"));
        Path file = dir.resolve("evil.json");
        ScenarioFormat.write(new Scenario(name, name, lesson.lr(), lesson.inputs()), file);
        Path out = dir.resolve("evil.py");
        CliTest.Result r = CliTest.run("export", "--numpy", out.toString(), file.toString());
        assertEquals(Cli.OK, r.status(), r.err());
        String script = Files.readString(out);
        assertEquals(windowScript(file), script);
        for (String line : script.split("\r\n|\r|\n|\u2028")) {
            assertFalse(line.startsWith(PAYLOAD), "the name's payload starts no line: " + line);
            if (line.contains(PAYLOAD)) {
                assertTrue(line.startsWith("name = '") || line.startsWith("description = '"), line);
            }
        }
        assertTrue(script.contains("name = " + NumpyExport.pythonString(name) + "\n"), script);
    }

    @Test
    void missingOrWrongArgumentsAreRefusedInOneLine(@TempDir Path dir) throws Exception {
        String file = preset(dir, "batch-of-4").toString();
        String out = dir.resolve("out.py").toString();
        assertRefused(CliTest.run("export"), "--numpy");
        assertRefused(CliTest.run("export", file), "--numpy");
        assertRefused(CliTest.run("export", "--numpy"), "--numpy");
        assertRefused(CliTest.run("export", file, "--numpy"), "--numpy");
        assertRefused(CliTest.run("export", "--numpy", out), "FILE");
        assertRefused(CliTest.run("export", "--numpy", out, file, file), "FILE");
        assertRefused(CliTest.run("export", "--numpy", out, "--numpy", out, file), "--numpy");
        assertRefused(CliTest.run("export", "--png", out, file), "--png");
        assertRefused(CliTest.run("export", "--numpy", "", file), "--numpy");
        assertEquals(List.of("batch-of-4.json"), names(dir), "nothing was written");
    }

    @Test
    void anUnreadableOrInvalidScenarioIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.py");
        Files.writeString(out, "print('kept')\n");
        Path missing = dir.resolve("missing.json");
        assertRefused(CliTest.run("export", "--numpy", out.toString(), missing.toString()), missing.toString());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"x\": [1, 2], \"w1\": 1}");
        assertRefused(CliTest.run("export", "--numpy", out.toString(), bad.toString()), bad.toString());
        Path notText = dir.resolve("binary.json");
        Files.write(notText, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertRefused(CliTest.run("export", "--numpy", out.toString(), notText.toString()), notText.toString());
        assertRefused(CliTest.run("export", "--numpy", out.toString(), dir.toString()), dir.toString());
        assertEquals("print('kept')\n", Files.readString(out), "the old script is kept");
        assertEquals(List.of("bad.json", "binary.json", "out.py"), names(dir));
    }

    @Test
    void anOutputThatCannotBeAFileIsRefusedAndTheScenarioIsKept(@TempDir Path dir) throws Exception {
        Path file = preset(dir, "batch-of-4");
        String before = Files.readString(file);
        Path inMissingFolder = dir.resolve("no-such-folder").resolve("out.py");
        assertRefused(CliTest.run("export", "--numpy", inMissingFolder.toString(), file.toString()), inMissingFolder.toString());
        assertFalse(Files.exists(dir.resolve("no-such-folder")), "the folder is not made");
        Path folder = Files.createDirectory(dir.resolve("scripts"));
        assertRefused(CliTest.run("export", "--numpy", folder.toString(), file.toString()), folder.toString());
        assertRefused(CliTest.run("export", "--numpy", file.toString(), file.toString()), file.toString());
        Path sameFile = dir.resolve(".").resolve("batch-of-4.json");
        assertRefused(CliTest.run("export", "--numpy", sameFile.toString(), file.toString()), sameFile.toString());
        assertEquals(before, Files.readString(file), "the scenario is not replaced by a script");
        assertEquals(List.of("batch-of-4.json", "scripts"), names(dir));
        assertEquals(List.of(), names(folder));
    }

    @Test
    void theUsageListsTheCommand() {
        assertTrue(CliTest.run("--help").out().contains("export --numpy OUT.py FILE"));
    }
}
