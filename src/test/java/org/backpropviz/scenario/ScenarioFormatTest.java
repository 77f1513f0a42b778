package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFormatTest {
    static final String GOOD = """
            {"name": "demo", "lr": 0.1,
             "x": [[0.1, 0.2]], "W1": [[1, 2, 3], [4, 5, 6]], "b1": [0, 0, 0],
             "W2": [[1, 0], [0, 1], [1, 1]], "b2": [0, 0], "t": [[0, 1]]}""";

    /** The good file with one key's value replaced. */
    static String with(String key, String value) {
        return GOOD.replaceFirst("\"" + key + "\": (\\[\\[[^]]*](, \\[[^]]*])*]|\\[[^]]*]|[0-9.]+|\"[^\"]*\")", "\"" + key + "\": " + value);
    }

    @Test
    void readsRanksFromTheNesting() throws Exception {
        Scenario s = ScenarioFormat.parse(with("x", "0.5"));
        assertEquals("()", s.get(Param.X).shapeString());
        assertEquals("(2, 3)", s.get(Param.W1).shapeString());
        assertEquals("(3,)", s.get(Param.B1).shapeString());
        assertEquals("(1, 2)", s.get(Param.T).shapeString());
        assertTrue(s.get(Param.T).isInteger());
        assertEquals("demo", s.name());
        assertEquals(0.1, s.lr());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ragged rows | W1 | [[1, 2, 3], [4, 5]] | 'W1: row 2 has 2 numbers, row 1 has 3'",
        "text in a cell | b2 | [0, \"abc\"] | 'b2[1]: \"abc\" is not a number'",
        "rank seven | W1 | [[[[[[[1]]]]]]] | 'W1: lists nested 7 deep (rank 7); arrays of rank 0 to 6 are supported'",
        "empty list | b1 | [] | 'b1: the array is empty'",
        "empty row | b1 | [[]] | 'b1: row 1 is empty'",
        "too large | b1 | [0, 0, 1e400] | 'b1[2]: 1e400 is too large: numbers must be finite'",
        "too large beside a NaN | b1 | [\"NaN\", NaN, 1e400] | 'b1[2]: 1e400 is too large: numbers must be finite'",
        "a huge exponent | b1 | [0, 1e999999999999, 0] | 'b1[1]: 1e999999999999 is too large: numbers must be finite'",
        "a huge whole number, shortened | W1 | [[1, 2, 3], [4, 5, 1%0400d]] | 'W1[1][2]: 1%039d… is too large: numbers must be finite'",
        "another word | b1 | [0, \"nan\", 0] | 'b1[1]: \"nan\" is not a number'",
        "lr NaN | lr | \"NaN\" | 'lr: \"NaN\" is not a positive, finite number'",
        "lr Infinity | lr | Infinity | 'lr: Infinity is not a positive, finite number'",
        "mixed nesting | x | [1, [2]] | 'x: mixes numbers and lists (x[0] is a number, x[1] is a list)'",
        "null | x | null | 'x: null is not a number'",
    })
    void refusesBadArraysWithOneClearLine(String what, String key, String value, String message) {
        String v = value.replace("%0400d", "0".repeat(400)), m = message.replace("%039d", "0".repeat(39));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(with(key, v)));
        assertEquals(m, e.getMessage(), what);
    }

    /** A 1-D t of NaN or infinities loads, as NumPy loads it: a float t, refused by NumPy only at the loss's indexing. */
    @Test
    void nonFiniteLabelsLoadAsAFloatTarget() throws Exception {
        NDArray t = ScenarioFormat.parse(with("t", "[0, \"NaN\"]")).inputs().t();
        assertEquals(0.0, t.flat(0));
        assertTrue(Double.isNaN(t.flat(1)));
        assertFalse(t.isInteger());
        assertEquals(Double.POSITIVE_INFINITY, ScenarioFormat.parse(with("t", "\"Infinity\"")).inputs().t().item());
    }

    /** Half of a UTF-16 pair in a name could be read but never written to a UTF-8 file again: refused with its place. */
    @Test
    void aLoneSurrogateInANameIsRefusedWithItsPlace() throws Exception {
        String lesson = Files.readString(Path.of("assets/presets/lesson-vector.json"));
        String json = lesson.replaceFirst("\\{", "{\"name\": \"ab\\\\ud800c\",").replaceFirst("\"name\": \"Lesson[^\"]*\",", "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(json));
        assertEquals("name: character 3 is half of a UTF-16 pair (\\ud800), not a character", e.getMessage());
        Scenario ok = ScenarioFormat.parse(json.replace("\\ud800c", "\\ud83d\\ude00"));
        assertEquals("ab\ud83d\ude00", ok.name(), "a whole pair is one character");
        assertEquals(ok, ScenarioFormat.parse(ScenarioFormat.toJson(ok)));
    }

    /** Parses as strict JSON: NaN, Infinity and -Infinity as bare words are refused. */
    static JsonNode strict(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void nonFiniteNumbersAreWrittenAsStringsAndReadBackBitForBit(@TempDir Path dir) throws Exception {
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY;
        Scenario s = ScenarioFormat.parse(GOOD)
                .with(Param.X, NDArray.matrix(new double[][] {{nan, -inf}}))
                .with(Param.W1, NDArray.matrix(new double[][] {{nan, inf, -inf}, {-0.0, 1e-300, Double.MAX_VALUE}}))
                .with(Param.B1, NDArray.vector(inf, nan, 0.5))
                .with(Param.W2, NDArray.scalar(-inf))
                .with(Param.B2, NDArray.vector(0, nan))
                .with(Param.T, NDArray.matrix(new double[][] {{nan, inf}}));
        Path f = dir.resolve("nan.json");
        ScenarioFormat.write(s, f);
        String text = Files.readString(f);
        JsonNode tree = strict(text); // strict JSON: no bare NaN
        assertEquals("NaN", tree.get("W1").get(0).get(0).textValue());
        assertEquals("Infinity", tree.get("W1").get(0).get(1).textValue());
        assertEquals("-Infinity", tree.get("W1").get(0).get(2).textValue());
        assertTrue(tree.get("W1").get(1).get(2).isNumber());
        Scenario back = ScenarioFormat.read(f);
        for (Param p : List.of(Param.X, Param.W1, Param.B1, Param.W2, Param.B2, Param.T)) {
            NDArray a = s.get(p), b = back.get(p);
            assertEquals(a.shapeString(), b.shapeString(), p.label());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(Double.doubleToRawLongBits(a.flat(i)), Double.doubleToRawLongBits(b.flat(i)), p.label() + " " + i);
            }
        }
        assertEquals(s, back);
    }

    @Test
    void theWordsOfPythonsJsonModuleAreReadToo() throws Exception {
        // json.dump writes bare NaN and Infinity: a file from Python, or an autosave of an older version, still opens
        Scenario s = ScenarioFormat.parse(with("b1", "[NaN, Infinity, -Infinity]"));
        assertTrue(Double.isNaN(s.get(Param.B1).flat(0)));
        assertEquals(Double.POSITIVE_INFINITY, s.get(Param.B1).flat(1));
        assertEquals(Double.NEGATIVE_INFINITY, s.get(Param.B1).flat(2));
        // a tiny number is 0, as in NumPy, even when the bare words make the reader look twice
        Scenario tiny = ScenarioFormat.parse(with("b1", "[NaN, 1e-999999999999, 1e-400]"));
        assertEquals(0.0, tiny.get(Param.B1).flat(1));
        assertEquals(0.0, tiny.get(Param.B1).flat(2));
    }

    @Test
    void jacksonsLimitsAreNamedWithTheirPlace() {
        String digits = "9".repeat(1200);
        assertEquals("W1[0][2]: a number longer than the limit of 1,000 digits",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(with("W1", "[[1, 2, " + digits + "], [4, 5, 6]]"))).getMessage());
        assertEquals("lr: a number longer than the limit of 1,000 digits",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(with("lr", "0." + "1".repeat(1200)))).getMessage());
        String deep = "{\"x\": " + "[".repeat(1200) + "]".repeat(1200) + "}";
        assertEquals("line 1, column 1006: nesting deeper than 1,000 levels",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(deep)).getMessage());
        String key = "{\"" + "k".repeat(100_000) + "\": 1}";
        String m = assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(key)).getMessage();
        assertTrue(m.matches("line 1, column \\d+: a key longer than the limit of 50,000 characters"), m);
        assertFalse(m.contains("not valid JSON"), m);
    }

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        assertEquals("demo", ScenarioFormat.parse("\uFEFF" + GOOD).name());
        Path f = dir.resolve("bom.json");
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(f, bytes);
        assertEquals("demo", ScenarioFormat.read(f).name());
    }

    @Test
    void aFileThatIsNotUtf8SaysSoWithThePlace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.json");
        Files.write(f, GOOD.replace("\"demo\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
        String m = assertThrows(ScenarioException.class, () -> ScenarioFormat.read(f)).getMessage();
        assertTrue(m.startsWith("file is not UTF-8 text at line 1, column "), m);
    }

    @Test
    void refusesUnknownAndMissingKeysAndBadJson() {
        assertEquals("unknown key \"w1\" (did you mean W1?)",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(GOOD.replace("\"W1\"", "\"w1\""))).getMessage());
        assertEquals("missing key \"t\"",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(GOOD.replace(", \"t\": [[0, 1]]", ""))).getMessage());
        assertEquals("file is not valid JSON at line 4, column 7",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse("{\n\"x\": 1,\n\"W1\": 2,\n\"b1\": ]\n}")).getMessage());
        assertEquals("a scenario must be a JSON object { \"x\": …, \"W1\": …, … }",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse("[1, 2]")).getMessage());
        assertEquals("file is empty", assertThrows(ScenarioException.class, () -> ScenarioFormat.parse("  ")).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(GOOD.replace("\"lr\": 0.1", "\"lr\": -1")))
                .getMessage().startsWith("lr: "));
        assertEquals("key \"x\" appears twice at line 1, column 13",
                assertThrows(ScenarioException.class, () -> ScenarioFormat.parse("{\"x\": 1, \"x\": 2}")).getMessage());
    }

    /** NumPy takes any numbers in t: -1 is the last class, and float labels are its IndexError at the loss, not the file's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[0, -1] | true", "[-1] | true", "-1 | true", "[0.5] | false", "[0.5, -1.5] | false", "1.5 | false"})
    void aNegativeOrFractionalLabelIsNotAFileError(String t, boolean integer) throws Exception {
        Scenario s = ScenarioFormat.parse(with("t", t));
        assertEquals(integer, s.get(Param.T).isInteger(), t);
    }

    @Test
    void aLabelBeyondTheClassCountIsNotAFileError() throws Exception {
        Scenario s = ScenarioFormat.parse(with("t", "[7]"));
        assertEquals(7.0, s.get(Param.T).flat(0));
    }

    @Test
    void writesAndReadsBackExactly(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioFormat.parse(GOOD)
                .with(Param.W1, NDArray.matrix(new double[][] {{0.1, 1e-300, -2.5e17}, {Math.PI, -0.0, 1.0 / 3}}));
        Path f = dir.resolve("sub/s.json");
        ScenarioFormat.write(s, f);
        Scenario back = ScenarioFormat.read(f);
        assertEquals(s, back);
        assertTrue(Files.readString(f).contains("\"t\": [[0, 1]]"), Files.readString(f));
        assertFalse(Files.list(f.getParent()).anyMatch(p -> p.toString().endsWith(".tmp")));
    }

    @Test
    void manyRandomDoublesSurviveTheFastWriterAndParserBitForBit() throws Exception {
        java.util.Random rnd = new java.util.Random(11);
        double[][] w = new double[50][40];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                // every exponent from subnormal to near the largest double, and plain numbers of the lesson's sizes
                row[j] = j % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) * (rnd.nextBoolean() ? 1 : -1)
                        : rnd.nextGaussian() * 0.01;
            }
        }
        w[0][0] = Double.MIN_VALUE;
        w[0][1] = -Double.MAX_VALUE;
        Scenario s = ScenarioFormat.parse(GOOD).with(Param.W1, NDArray.matrix(w));
        Scenario back = ScenarioFormat.parse(ScenarioFormat.toJson(s));
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 40; j++) {
                assertEquals(Double.doubleToRawLongBits(w[i][j]), Double.doubleToRawLongBits(back.get(Param.W1).get(i, j)), i + ", " + j);
            }
        }
    }

    @Test
    void floatLabelsKeepTheirFloatTypeLikeNumpy() throws Exception {
        Scenario s = ScenarioFormat.parse(with("t", "[1.0]"));
        assertFalse(s.get(Param.T).isInteger());
        assertTrue(ScenarioFormat.toJson(s).contains("\"t\": [1.0]"));
    }

    @Test
    void everyPresetReads() throws Exception {
        for (String name : new String[] {"lesson-vector", "lesson-mismatch", "softmax-with-loss", "batch-of-4", "iris-5"}) {
            Scenario s = ScenarioFormat.read(ScenarioFormatTest.class.getResourceAsStream("/assets/presets/" + name + ".json"));
            assertFalse(s.name().isEmpty(), name);
        }
    }

    static final String DEEP = """
            {"x": [[0.1, 0.2]], "W1": [[1, 2, 3], [4, 5, 6]], "b1": [0, 0, 0], "W2": [[1, 0], [0, 1], [1, 1]], "b2": [0, 0],
             "W3": [[1, 0, 0], [0, 1, 1]], "b3": [0, 0, 0], "activations": ["sigmoid", "relu"], "affine": "repository", "t": [2]}""";

    @Test
    void readsADeeperNetWithItsActivationsAndAffine() throws Exception {
        Scenario s = ScenarioFormat.parse(DEEP);
        org.backpropviz.engine.Network n = s.inputs().network();
        assertEquals(3, n.depth());
        assertEquals(java.util.List.of(org.backpropviz.engine.Sigmoid.KIND, org.backpropviz.engine.Relu.KIND), n.activations());
        assertEquals(org.backpropviz.engine.Affine.Variant.REPOSITORY, n.affine());
        assertEquals("(2, 3)", s.get(Param.w(3)).shapeString());
        // written back with its network, read back equal; the lesson's net is written as before, without the new keys
        String json = ScenarioFormat.toJson(s);
        assertTrue(json.contains("\"affine\": \"repository\"") && json.contains("\"activations\": [\"sigmoid\", \"relu\"]"), json);
        assertEquals(s, ScenarioFormat.parse(json));
        String lesson = ScenarioFormat.toJson(ScenarioFormat.parse(GOOD));
        assertFalse(lesson.contains("activations") || lesson.contains("affine"), lesson);
        // one layer, and defaults written out
        Scenario one = ScenarioFormat.parse("{\"x\": [1, 2], \"W1\": [[1, 0], [0, 1]], \"b1\": [0, 0], \"t\": [0, 1]}");
        assertEquals(1, one.inputs().network().depth());
        assertEquals(ScenarioFormat.parse(GOOD).inputs().network(),
                ScenarioFormat.parse(GOOD.replace("\"t\":", "\"activations\": [\"relu\"], \"affine\": \"lesson\", \"t\":")).inputs().network());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a missing bias | \"b3\": [0, 0, 0], | '' | 'missing key \"b3\"'",
        "a gap in the layers | \"W2\": [[1, 0], [0, 1], [1, 1]], \"b2\": [0, 0], | '' | 'missing key \"W2\"'",
        "too few activations | [\"sigmoid\", \"relu\"] | [\"relu\"] | 'activations: 3 Affine layers (W1 … W3) need 2 activations, one between each two; the list has 1'",
        "an unknown activation | [\"sigmoid\", \"relu\"] | [\"sigmoid\", \"tanh\"] | 'activations[1]: \"tanh\" is not relu or sigmoid'",
        "activations not a list | [\"sigmoid\", \"relu\"] | \"relu\" | 'activations: must be a list such as [\"relu\", \"sigmoid\"]'",
        "an unknown affine | \"repository\" | \"book\" | 'affine: \"book\" is not \"lesson\" or \"repository\"'",
        "a lower-case deeper weight | \"W3\" | \"w3\" | 'unknown key \"w3\" (did you mean W3?)'",
    })
    void refusesABadNetworkWithOneClearLine(String what, String find, String replace, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(DEEP.replace(find, replace)));
        assertEquals(message, e.getMessage(), what);
    }

    @Test
    void everySharedDeepCaseReadsAsTheNumpyFixtureBuildsIt() throws Exception {
        java.nio.file.Path dir = org.backpropviz.engine.NumpyFixtures.resourceDir("reference-cases/deep");
        for (java.nio.file.Path p : org.backpropviz.engine.NumpyFixtures.scenarios(dir)) {
            Scenario s = ScenarioFormat.read(p);
            assertEquals(org.backpropviz.engine.NumpyFixtures.inputs(org.backpropviz.engine.NumpyFixtures.read(p)), s.inputs(), p.toString());
        }
    }
}
