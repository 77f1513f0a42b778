package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backpropviz.engine.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The NumPy export rebuilds the arrays exactly and carries what the app computed (checked by running it with NumPy by hand). */
class NumpyExportTest {
    @Test
    void theLessonsVectorExampleExportsItsArraysAndItsError() throws Exception {
        Scenario s = ScenarioFormat.read(NumpyExportTest.class.getResourceAsStream("/assets/presets/lesson-vector.json"));
        String py = NumpyExport.script(s, Trace.evaluate(s.inputs()));
        assertTrue(py.contains("x = np.array([0.057618, 0.04088931])"), py);
        assertTrue(py.contains("t = np.array([1, 0])"), "t keeps its integer dtype");
        assertTrue(py.contains("W1 = np.array([[0.07086644, 0.71153285, 0.0462262], [0.35796734, 0.58845011, 0.47938425]])"));
        assertTrue(py.contains("app_error = ('affine2', 'backward', 'shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)')"), py);
        assertTrue(py.contains("'forward loss': np.array(0.8264812010335935)"), py);
        assertTrue(py.contains("def backward(self, dout):"));
    }

    @Test
    void aCompletePassExportsEveryGradient() throws Exception {
        Scenario s = ScenarioFormat.read(NumpyExportTest.class.getResourceAsStream("/assets/presets/batch-of-4.json"));
        String py = NumpyExport.script(s, Trace.evaluate(s.inputs()));
        for (String g : new String[] {"'grad W1'", "'grad b1'", "'grad W2'", "'grad b2'", "'backward affine1'"}) assertTrue(py.contains(g), g);
        assertTrue(py.contains("app_error = None"));
        // what a learner reads, besides the agreement: the loss and every gradient, named with its shape
        assertTrue(py.contains("print('loss:', numpy['forward loss'])"), py);
        assertTrue(py.contains("print('d%s %s =\\n%s' % (w, np.shape(numpy['grad ' + w]), numpy['grad ' + w]))"), py);
    }

    /** Names and descriptions a hostile scenario file (or CSV file name) could carry into the script. */
    static List<String> hostile() {
        String payload = "__import__('os').system('touch PWNED')";
        return List.of(
                "x\n" + payload,
                "x\r" + payload,
                "x\r\n" + payload + "\n#",
                "it's a \"quote\" ' + " + payload + " + '",
                "back\\slash \\' \\\" " + payload,
                "''' + " + payload + " + '''",
                "\"\"\" + " + payload + " + \"\"\"",
                "a\u2028" + payload + "\u2029b\u0085c",
                "nul\0byte\0",
                "\f\u000b\u001c\u001d\u001e\u007f\t\u0001",
                "a lone \ud800 surrogate, a pair \ud83d\ude00 and a lone low \udc00",
                "bidi \u202e override, \u200b zero width, \ufeff BOM",
                "ends with a backslash \\",
                "Lesson: X (2,) \u00b7 W (2, 3), \ud559\uc2b5 \u5b66\u7fd2");
    }

    /** The script's lines as Python's tokenizer splits them: at \n, \r and \r\n. */
    private static List<String> pythonLines(String script) {
        return List.of(script.split("\r\n|\r|\n", -1));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aHostileNameOrDescriptionStaysOneInertLiteral(String text) throws Exception {
        Scenario lesson = ScenarioFormat.read(NumpyExportTest.class.getResourceAsStream("/assets/presets/lesson-vector.json"));
        Scenario plain = new Scenario("plain", "plain", lesson.lr(), lesson.inputs());
        Scenario evil = new Scenario(text, text, lesson.lr(), lesson.inputs());
        Trace trace = Trace.evaluate(lesson.inputs());
        // the window's export (with what the app computed) and the trained network's (without)
        for (boolean withTrace : new boolean[] {true, false}) {
            String expected = withTrace ? NumpyExport.script(plain, trace) : NumpyExport.script(plain);
            String actual = withTrace ? NumpyExport.script(evil, trace) : NumpyExport.script(evil);
            for (int i = 0; i < actual.length(); i += Character.charCount(actual.codePointAt(i))) {
                int c = actual.codePointAt(i); // a surrogate pair is one code point, a lone surrogate is not
                int type = Character.getType(c);
                assertTrue(c == '\n' || (c >= 0x20 && c != 0x7f && type != Character.CONTROL && type != Character.FORMAT
                        && type != Character.SURROGATE && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR),
                        "U+" + Integer.toHexString(c) + " at " + i + " of the script");
            }
            List<String> want = pythonLines(expected), got = pythonLines(actual);
            assertEquals(want.size(), got.size(), "one line per intended line:\n" + actual);
            List<String> literals = new ArrayList<>();
            for (int i = 0; i < want.size(); i++) {
                String line = want.get(i);
                if (line.equals("name = 'plain'") || line.equals("description = 'plain'")) {
                    String prefix = line.substring(0, line.indexOf('=') + 2);
                    assertTrue(got.get(i).startsWith(prefix), got.get(i));
                    assertEquals(text, PythonLiteral.decode(got.get(i).substring(prefix.length())), "line " + (i + 1));
                    literals.add(prefix);
                } else {
                    assertEquals(line, got.get(i), "line " + (i + 1));
                }
            }
            assertEquals(List.of("name = ", "description = "), literals, "the name and the description, each as one literal");
        }
    }

    @Test
    void oneFunctionQuotesEveryString() {
        assertEquals("'plain text'", NumpyExport.pythonString("plain text"));
        assertEquals("'it\\'s \\\\ \"x\"'", NumpyExport.pythonString("it's \\ \"x\""));
        assertEquals("'a\\nb\\rc\\td'", NumpyExport.pythonString("a\nb\rc\td"));
        assertEquals("'\\x00\\x0c\\x0b\\x1c\\x7f\\x85'", NumpyExport.pythonString("\0\f\u000b\u001c\u007f\u0085"));
        assertEquals("'\\u2028\\u2029\\u202e\\ufeff\\ud800'", NumpyExport.pythonString("\u2028\u2029\u202e\ufeff\ud800"));
        assertEquals("'\u00b7 \ud559\uc2b5 \ud83d\ude00'", NumpyExport.pythonString("\u00b7 \ud559\uc2b5 \ud83d\ude00"), "printable text stays readable");
        assertEquals("'\\U000f0000'", NumpyExport.pythonString(new String(Character.toChars(0xF0000))), "private use");
        assertEquals("''", NumpyExport.pythonString(""));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aScriptIsWrittenWholeOrNotAtAll(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("lesson.py");
        Files.writeString(out, "print('an older export')\n");
        IOException e = assertThrows(IOException.class, () -> NumpyExport.write(out, w -> {
            w.write("import numpy as np\nx = np.arr");
            throw new IOException("no space left on device");
        }));
        assertEquals("no space left on device", e.getMessage());
        assertEquals("print('an older export')\n", Files.readString(out), "the old script is kept");
        assertEquals(List.of("lesson.py"), names(dir), "no half-written file is left");
        NumpyExport.write(out, "print('\u00b7')\n");
        assertEquals("print('\u00b7')\n", Files.readString(out, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("lesson.py"), names(dir));
        NumpyExport.write(dir.resolve("new.py"), "print(1)\n");
        assertEquals(List.of("lesson.py", "new.py"), names(dir));
    }

    @Test
    void aDeeperNetExportsEachLayerKindOnceAndItsLayerList() throws Exception {
        Scenario s = ScenarioFormat.read(org.backpropviz.engine.NumpyFixtures.resourceDir("reference-cases/deep").resolve("case-008.json"));
        String py = NumpyExport.script(s, Trace.evaluate(s.inputs()));
        assertTrue(py.contains("layers = [('affine1', Affine(W1, b1)), ('relu1', Relu()), ('affine2', Affine(W2, b2)), ('sigmoid2', Sigmoid()),"
                + " ('affine3', Affine(W3, b3)), ('sigmoid3', Sigmoid()), ('affine4', Affine(W4, b4))]"), py);
        assertEquals(1, py.split("class Sigmoid:", -1).length - 1, "each class once");
        assertTrue(py.contains("        out = 1 / (1 + np.exp(-x))"));
        assertTrue(py.contains("W4 = np.array(") && py.contains("'grad W4'"));
        String repo = NumpyExport.script(s.withInputs(s.inputs().withNetwork(s.inputs().network().withAffine(org.backpropviz.engine.Affine.Variant.REPOSITORY))));
        assertTrue(repo.contains("        x = x.reshape(x.shape[0], -1)"), repo);
    }
}
