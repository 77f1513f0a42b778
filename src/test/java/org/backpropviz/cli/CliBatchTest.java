package org.backpropviz.cli;

import static org.backpropviz.cli.CliTest.ref;
import static org.backpropviz.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backpropviz.engine.NumpyFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad file never stops a batch: {@code run} and {@code gradcheck} print one line per file on standard output,
 * in argument order, each with its {@code "file"}, whatever happened to it; nothing about a file goes to standard
 * error; the exit status is the worst of the files' (0 all done, 1 a NumPy error, 2 a file refused or failed).
 */
class CliBatchTest {
    /**
     * A small valid scenario whose first product, x (40000, 1) · W1 (1, 40000), needs 1.6 billion doubles (12.8 GB):
     * more than any test heap, so the engine runs out of memory on it.
     */
    static Path outOfMemory(Path dir) throws IOException {
        int n = 40_000;
        StringBuilder x = new StringBuilder("[");
        StringBuilder w = new StringBuilder("[[");
        for (int i = 0; i < n; i++) {
            x.append(i == 0 ? "" : ",").append("[0.5]");
            w.append(i == 0 ? "" : ",").append("0.25");
        }
        x.append(']');
        w.append("]]");
        Path f = dir.resolve("huge-product.json");
        Files.writeString(f, "{\"x\": " + x + ", \"W1\": " + w + ", \"b1\": [0], \"W2\": [[1, 2]], \"b2\": [0, 0], \"t\": [1]}");
        return f;
    }

    static Path invalid(Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"x\": [1, 2], \"w1\": 1}");
        return bad;
    }

    private static void noStackTrace(CliTest.Result r) {
        for (String s : List.of(r.out(), r.err())) {
            assertFalse(s.contains("\tat "), s);
            assertFalse(s.contains("Exception"), s);
        }
    }

    @Test
    void aFileThatExhaustsMemoryBecomesItsOwnLineAndTheNextFilesStillRun(@TempDir Path dir) throws Exception {
        Path huge = outOfMemory(dir);
        Path good = ref("seed-batch.json");
        CliTest.Result r = run("run", good.toString(), huge.toString(), invalid(dir).toString(), good.toString());
        List<JsonNode> lines = r.lines();
        assertEquals(4, lines.size(), r.out() + r.err());
        assertEquals(List.of(good.toString(), huge.toString(), dir.resolve("bad.json").toString(), good.toString()),
                lines.stream().map(l -> l.get("file").asText()).toList());
        assertTrue(lines.get(0).has("forward"));
        assertEquals("LimitError", lines.get(1).get("error").get("kind").asText(), "refused by the engine's result-size limit");
        assertFalse(lines.get(1).get("forward").has("affine1"));
        assertEquals("unknown key \"w1\" (did you mean W1?)", lines.get(2).get("invalid").asText());
        assertEquals(lines.get(0), lines.get(3), "the file after the failures gives the same line as before them");
        assertEquals(2, r.status());
        assertEquals("", r.err(), "each file is reported once, on its line");
        noStackTrace(r);
    }

    @Test
    void anEngineThatRunsOutOfMemoryOnAFileFailsThatFileOnly(@TempDir Path dir) throws Exception {
        Path good = ref("seed-batch.json");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int[] calls = {0};
        int status = FileBatch.run(new String[] {good.toString(), good.toString()}, new java.io.PrintStream(bytes, true, "UTF-8"), (s, o) -> {
            if (calls[0]++ == 0) throw new OutOfMemoryError("Java heap space");
            o.put("ok", true);
            return Cli.OK;
        });
        List<String> out = bytes.toString("UTF-8").lines().toList();
        assertEquals(2, out.size());
        assertEquals("out of memory: the Java heap is too small for this scenario's arrays",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.get(0)).get("failed").asText());
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.get(1)).get("ok").asBoolean());
        assertEquals(Cli.INVALID, status);
    }

    @Test
    void theExitStatusIsTheWorstOfTheFiles(@TempDir Path dir) throws Exception {
        String good = ref("seed-batch.json").toString(), shape = ref("seed-vector-input.json").toString();
        assertEquals(0, run("run", good, good).status());
        assertEquals(1, run("run", good, shape, good).status());
        assertEquals(2, run("run", shape, invalid(dir).toString(), good).status());
        assertEquals(2, run("run", invalid(dir).toString(), shape).status());
        CliTest.Result missing = run("run", dir.resolve("missing.json").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.lines().get(0).get("invalid").asText().startsWith("no such file"));
        assertEquals("", missing.err(), "reported once, on its line");
    }

    @Test
    void gradcheckTakesSeveralFilesAndEachLineCarriesItsFile(@TempDir Path dir) throws Exception {
        Path book = NumpyFixtures.resourceDir("numpy").resolve("np-book-000.json");
        Path mismatch = ref("seed-mismatch.json");
        Path bad = invalid(dir);
        Path huge = outOfMemory(dir);
        CliTest.Result r = run("gradcheck", book.toString(), mismatch.toString(), bad.toString(), huge.toString(), book.toString());
        List<JsonNode> lines = r.lines();
        assertEquals(5, lines.size(), r.out() + r.err());
        assertEquals(List.of(book.toString(), mismatch.toString(), bad.toString(), huge.toString(), book.toString()),
                lines.stream().map(l -> l.get("file").asText()).toList());
        JsonNode numpy = NumpyFixtures.read(NumpyFixtures.expectedFor(book)).get("gradcheck");
        for (String p : List.of("W1", "b1", "W2", "b2")) {
            assertEquals(numpy.get(p).asDouble(), lines.get(0).get(p).asDouble(), 1e-8 + 1e-3 * numpy.get(p).asDouble(), p);
        }
        assertTrue(lines.get(1).has("error"), lines.get(1).toString());
        assertEquals("unknown key \"w1\" (did you mean W1?)", lines.get(2).get("invalid").asText());
        assertEquals("LimitError", lines.get(3).get("error").get("kind").asText(), "refused by the engine's result-size limit");
        assertEquals(lines.get(0), lines.get(4));
        assertEquals(2, r.status());
        assertEquals("", r.err());
        noStackTrace(r);
        assertEquals(1, run("gradcheck", book.toString(), mismatch.toString()).status());
        assertEquals(0, run("gradcheck", book.toString(), book.toString()).status());
    }
}
