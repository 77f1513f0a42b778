package org.backpropviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.backpropviz.engine.NumpyFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands, run in-process as a user would run them from a shell. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int status, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> out = new java.util.ArrayList<>();
            for (String l : this.out.split("\n")) if (!l.isBlank()) out.add(JSON.readTree(l));
            return out;
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path ref(String name) {
        return NumpyFixtures.resourceDir("reference-cases").resolve(name);
    }

    @Test
    void runPrintsOneLinePerFileInArgumentOrderAndMatchesNumpy() throws Exception {
        Result r = run("run", ref("seed-batch.json").toString(), ref("seed-softmax-with-loss.json").toString());
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).get("file").asText().endsWith("seed-batch.json"));
        assertEquals(0.007620616629495912, lines.get(1).get("forward").get("loss").asDouble(), 0);
        List<String> names = List.of("seed-batch.json", "seed-softmax-with-loss.json");
        for (int i = 0; i < names.size(); i++) {
            JsonNode exp = NumpyFixtures.read(NumpyFixtures.expectedFor(ref(names.get(i))));
            JsonNode line = lines.get(i);
            String name = names.get(i);
            for (String section : List.of("forward", "backward", "grads")) {
                exp.get(section).fieldNames().forEachRemaining(k -> NumpyFixtures.assertClose(exp.get(section).get(k),
                        NumpyFixtures.array(line.get(section).get(k)), name + " " + section + " " + k));
            }
        }
        assertFalse(lines.get(0).has("error"));
        assertTrue(r.err().isEmpty());
    }

    @Test
    void aShapeErrorExitsWithOneAndKeepsWhatWasComputed() throws Exception {
        Result r = run("run", ref("seed-vector-input.json").toString());
        assertEquals(1, r.status());
        JsonNode line = r.lines().get(0);
        assertEquals("shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)", line.get("error").get("message").asText());
        assertEquals("affine2", line.get("error").get("node").asText());
        assertEquals("backward", line.get("error").get("phase").asText());
        assertEquals("x.T", line.get("error").get("operands").get(0).get("name").asText());
        assertEquals(3, line.get("error").get("operands").get(0).get("shape").get(0).asInt());
        assertEquals(0.8264812010335935, line.get("forward").get("loss").asDouble(), 1e-15);
        assertTrue(line.get("backward").has("softmax"));
    }

    @Test
    void anInvalidFileExitsWithTwoAndSaysWhyOnItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"x\": [1, 2], \"w1\": 1}");
        Result r = run("run", ref("seed-mismatch.json").toString(), bad.toString(), dir.resolve("missing.json").toString());
        assertEquals(2, r.status());
        List<JsonNode> lines = r.lines();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).has("error"));
        assertEquals("unknown key \"w1\" (did you mean W1?)", lines.get(1).get("invalid").asText());
        assertTrue(lines.get(2).get("invalid").asText().startsWith("no such file"));
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void gradcheckPrintsTheLargestDifferencePerParameter() throws Exception {
        Path file = NumpyFixtures.resourceDir("numpy").resolve("np-book-000.json");
        Result r = run("gradcheck", file.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode line = r.lines().get(0);
        JsonNode numpy = NumpyFixtures.read(NumpyFixtures.expectedFor(file)).get("gradcheck");
        for (String p : List.of("W1", "b1", "W2", "b2")) {
            assertEquals(numpy.get(p).asDouble(), line.get(p).asDouble(), 1e-8 + 1e-3 * numpy.get(p).asDouble(), p);
            assertTrue(line.get(p).asDouble() < 1e-6, p);
        }
        assertEquals(1, run("gradcheck", ref("seed-mismatch.json").toString()).status());
    }

    @Test
    void benchPrintsMedianAndMinimum() throws Exception {
        Result r = run("bench", "--batch", "1", "--in", "2", "--hidden", "3", "--classes", "3", "--seconds", "0.3");
        assertEquals(0, r.status(), r.err());
        JsonNode line = r.lines().get(0);
        assertEquals(2, line.get("in").asInt());
        assertTrue(line.get("median_us").asDouble() > 0);
        assertTrue(line.get("min_us").asDouble() <= line.get("median_us").asDouble());
    }

    @Test
    void trainPrintsOneLinePerEpochAndTheSameSeedGivesTheSameNumbers() throws Exception {
        Result a = run("train", "--data", "iris", "--epochs", "5", "--seed", "3");
        Result b = run("train", "--data", "iris", "--epochs", "5", "--seed", "3");
        assertEquals(0, a.status(), a.err());
        List<JsonNode> la = a.lines(), lb = b.lines();
        assertEquals(6, la.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, la.get(i).get("epoch").asInt());
            assertEquals(la.get(i), lb.get(i));
            for (String k : List.of("loss", "train_acc", "test_acc")) assertTrue(la.get(i).has(k), k);
        }
        JsonNode done = la.get(5);
        assertTrue(done.get("done").asBoolean());
        assertEquals(5, done.get("epochs").asInt());
        assertTrue(done.get("seconds").asDouble() >= 0);
        assertEquals(la.get(4).get("test_acc"), done.get("test_acc"));
        Result bad = run("train", "--data", "nothing.csv");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("no such file"), bad.err());
    }

    /** A scenario whose forward pass overflows: Infinity in affine1, then NaN everywhere after. */
    static final String OVERFLOWING = "{\"x\": [[1e300, 1e300]], \"W1\": [[1e300, 1, 1], [1, 1, 1]], \"b1\": [0, 0, 0],"
            + " \"W2\": [[1, 0], [0, 1], [1, 1]], \"b2\": [0, 0], \"t\": [[0, 1]]}";

    @Test
    void runWritesNonFiniteNumbersAsStringsThatStrictJsonReads(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("overflow.json"), OVERFLOWING);
        Result r = run("run", f.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode line = r.lines().get(0); // the strict reader: a bare NaN or Infinity would throw here
        assertEquals("Infinity", line.get("forward").get("affine1").get(0).get(0).textValue());
        assertEquals(2.0e300, line.get("forward").get("affine1").get(0).get(1).doubleValue());
        assertEquals("NaN", line.get("forward").get("loss").textValue());
        // and what it wrote reads back as a scenario: the strings are numbers to the app
        Path back = Files.writeString(dir.resolve("back.json"), "{\"x\": " + line.get("forward").get("affine1")
                + ", \"W1\": [[1, 2], [3, 4], [5, 6]], \"b1\": [0, 0], \"W2\": [[1], [2]], \"b2\": [0], \"t\": [[1]]}");
        assertEquals(0, run("run", back.toString()).status());
    }

    @Test
    void gradcheckSaysNaNNotNull(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("overflow.json"), OVERFLOWING);
        Result r = run("gradcheck", f.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode line = r.lines().get(0);
        for (String p : List.of("W1", "b1", "W2", "b2")) assertEquals("NaN", line.get(p).textValue(), p + " in " + r.out());
    }

    @Test
    void trainWritesADivergedLossAsTheStringNaN() throws Exception {
        Result r = run("train", "--data", "iris", "--epochs", "2", "--lr", "1e200");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals("NaN", lines.get(0).get("loss").textValue(), r.out());
        assertEquals("NaN", lines.get(lines.size() - 1).get("loss").textValue());
    }

    @Test
    void aPipeOrADeviceIsRefusedAtOnceWithOneLine(@TempDir Path dir) throws Exception {
        Path pipe = org.backpropviz.scenario.HostileFilesTestAccess.fifo(dir, "pipe.json");
        Path zero = Path.of("/dev/zero");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("run", pipe.toString(), zero.toString()));
        assertEquals(2, r.status());
        assertEquals(List.of("not a regular file (a pipe, a device or a socket): " + pipe,
                "not a regular file (a pipe, a device or a socket): " + zero), r.lines().stream().map(l -> l.get("invalid").asText()).toList());
        assertEquals("", r.err(), "each file is reported once, on its line");
        Result g = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("gradcheck", pipe.toString()));
        assertEquals(2, g.status());
        assertEquals(1, g.lines().size(), g.out());
        assertEquals("", g.err());
        Path csv = org.backpropviz.scenario.HostileFilesTestAccess.fifo(dir, "pipe.csv");
        Result t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("train", "--data", csv.toString()));
        assertEquals(2, t.status());
        assertEquals(List.of("train: not a regular file (a pipe, a device or a socket): " + csv), t.err().lines().toList());
    }

    @Test
    void aNumberBeyondAnyExponentNamesItsPlace(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("huge.json"), OVERFLOWING.replace("[0, 0, 0]", "[0, 1e999999999999, 0]"));
        Result r = run("run", f.toString());
        assertEquals(2, r.status());
        assertEquals("b1[1]: 1e999999999999 is too large: numbers must be finite", r.lines().get(0).get("invalid").asText());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void helpAndWrongCommandsPrintUsageWithoutAStackTrace() {
        Result help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("gradcheck FILE"));
        Result wrong = run("frobnicate");
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains("unknown command \"frobnicate\""));
        Result badOption = run("bench", "--batch", "zero");
        assertEquals(2, badOption.status());
        assertEquals("bench: --batch: \"zero\" is not a whole number from 1 to 10000\n", badOption.err(), "one line, without the usage");
        assertEquals(2, run("run").status());
    }

    @Test
    void anErrorNamesNumpysClassAndMessageToTheLastCharacter() throws Exception {
        Path file = NumpyFixtures.resourceDir("numpy").resolve("np-verbatim-000.json");
        JsonNode error = run("run", file.toString()).lines().get(0).get("error");
        // NumPy 2.4.6: ValueError('operands could not be broadcast together with shapes (1,2) (3,) ')
        assertEquals("operands could not be broadcast together with shapes (1,2) (3,) ", error.get("message").asText());
        assertEquals("ValueError", error.get("kind").asText());
        assertEquals("shape", error.get("category").asText());
        JsonNode index = run("run", NumpyFixtures.resourceDir("numpy").resolve("np-verbatim-002.json").toString())
                .lines().get(0).get("error");
        assertEquals("shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ", index.get("message").asText());
        assertEquals("IndexError", index.get("kind").asText());
        assertEquals("other", index.get("category").asText());
    }

    @Test
    void aOneDimensionalTOfFloatsIsNumpysIndexErrorAtTheLossNotAnInvalidFile() throws Exception {
        Result r = run("run", NumpyFixtures.resourceDir("numpy").resolve("np-tlabel-004.json").toString(),
                NumpyFixtures.resourceDir("numpy").resolve("np-tlabel-000.json").toString());
        assertEquals(1, r.status(), r.err());
        JsonNode floats = r.lines().get(0);
        assertFalse(floats.has("invalid"), floats.toString());
        assertEquals("loss", floats.get("error").get("node").asText());
        assertEquals("arrays used as indices must be of integer (or boolean) type", floats.get("error").get("message").asText());
        assertEquals("IndexError", floats.get("error").get("kind").asText());
        JsonNode lastClass = r.lines().get(1); // t = [-1, 0]: -1 is the last class
        assertFalse(lastClass.has("error"), lastClass.toString());
        assertFalse(lastClass.has("invalid"), lastClass.toString());
    }

    @Test
    void aResultOverTheEnginesLimitIsALimitErrorNamingOperationAndShapes(@TempDir Path dir) throws Exception {
        // x (50000, 1) + b1 (50000,) broadcasts to 2.5 billion values: refused before anything is allocated
        String column = "[" + String.join(", ", java.util.Collections.nCopies(50_000, "[1.0]")) + "]";
        String row = "[" + String.join(", ", java.util.Collections.nCopies(50_000, "0.5")) + "]";
        Path file = dir.resolve("huge.json");
        Files.writeString(file, "{\"x\": " + column + ", \"W1\": [[1.0]], \"b1\": " + row
                + ", \"W2\": [[1.0, 2.0]], \"b2\": [0.0, 0.0], \"t\": [0]}");
        Result r = run("run", file.toString());
        assertEquals(1, r.status(), r.err());
        JsonNode error = r.lines().get(0).get("error");
        assertEquals("LimitError", error.get("kind").asText());
        assertEquals("limit", error.get("category").asText());
        assertEquals("affine1", error.get("node").asText());
        assertEquals("np.dot(x, W1) + b1 with np.dot(x, W1) (50000, 1) and b1 (50000,): the result (50000, 50000) would hold "
                + "2,500,000,000 values, over the limit of 50,000,000 (setting backpropviz.maxResultValues)", error.get("message").asText());
        assertTrue(r.out().length() < 10_000, "nothing large is printed");
    }

    @Test
    void runNamesTheNodesOfADeeperNetAndGradcheckCoversEveryLayer() throws Exception {
        Path deep = NumpyFixtures.resourceDir("reference-cases/deep").resolve("case-008.json");
        Result r = run("run", deep.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode line = r.lines().get(0);
        List<String> forward = new java.util.ArrayList<>(), backward = new java.util.ArrayList<>(), grads = new java.util.ArrayList<>();
        line.get("forward").fieldNames().forEachRemaining(forward::add);
        line.get("backward").fieldNames().forEachRemaining(backward::add);
        line.get("grads").fieldNames().forEachRemaining(grads::add);
        assertEquals(List.of("affine1", "relu1", "affine2", "sigmoid2", "affine3", "sigmoid3", "affine4", "softmax", "loss"), forward);
        assertEquals(List.of("softmax", "affine4", "sigmoid3", "affine3", "sigmoid2", "affine2", "relu1", "affine1"), backward);
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4"), grads);
        JsonNode exp = NumpyFixtures.read(NumpyFixtures.expectedFor(deep));
        exp.get("grads").fieldNames().forEachRemaining(k -> NumpyFixtures.assertClose(exp.get("grads").get(k), NumpyFixtures.array(line.get("grads").get(k)), k));
        Result g = run("gradcheck", deep.toString());
        assertEquals(0, g.status(), g.err());
        List<String> checked = new java.util.ArrayList<>();
        g.lines().get(0).fieldNames().forEachRemaining(checked::add);
        checked.remove("file");
        assertEquals(grads, checked);
    }

    @Test
    void trainTakesHiddenLayersAndTheirActivation() throws Exception {
        Result r = run("train", "--data", "iris", "--hidden", "6,5", "--activation", "sigmoid", "--epochs", "2");
        assertEquals(0, r.status(), r.err());
        List<JsonNode> lines = r.lines();
        JsonNode done = lines.get(lines.size() - 1);
        assertEquals("[6,5]", done.get("hidden").toString());
        assertEquals("[\"sigmoid\",\"sigmoid\"]", done.get("activations").toString());
        Result one = run("train", "--data", "iris", "--epochs", "1");
        assertEquals(10, one.lines().get(one.lines().size() - 1).get("hidden").asInt(), "one hidden layer prints as before");
        Result bad = run("train", "--data", "iris", "--hidden", "6,5", "--activation", "relu,sigmoid,relu");
        assertEquals(Cli.INVALID, bad.status());
        assertTrue(bad.err().startsWith("train: --activation: 3 kinds for 2 hidden layers; give one for all or one per layer"), bad.err());
        Result unknown = run("train", "--data", "iris", "--activation", "tanh");
        assertTrue(unknown.err().startsWith("train: --activation: \"tanh\" is not relu or sigmoid"), unknown.err());
    }

    /**
     * An install with a jar of lib/ missing (here EJML's), run as a user runs it, in a JVM of its own: one line that
     * names the missing class and what to do, and no stack trace from any thread (the digits start the native BLAS's
     * loading on a thread of their own, which meets the missing class first).
     */
    @Test
    void aMissingLibraryIsOneLineWithoutAStackTrace(@TempDir Path home) throws Exception {
        String sep = java.io.File.pathSeparator;
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(sep))) {
            if (e.contains("ejml")) continue;
            if (cp.length() > 0) cp.append(sep);
            cp.append(e);
        }
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(launcher.toString(), "-Dbackpropviz.home=" + home, "-cp", cp.toString(), "org.backpropviz.Main",
                "train", "--data", "digits").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the command ended");
        assertEquals(Cli.INVALID, p.exitValue(), err);
        assertEquals("train: a library the app needs is missing (org.ejml.data.DMatrixRMaj): keep the lib folder that came with"
                + " the jar beside it", err.strip());
        // a class that is there but failed to initialise is not a missing library; neither is an error without a message
        assertEquals("internal error: java.lang.NoClassDefFoundError: Could not initialize class org.backpropviz.engine.Gemm",
                Cli.failure(new NoClassDefFoundError("Could not initialize class org.backpropviz.engine.Gemm")));
        assertEquals("internal error: java.lang.NoClassDefFoundError", Cli.failure(new NoClassDefFoundError()));
    }
}
