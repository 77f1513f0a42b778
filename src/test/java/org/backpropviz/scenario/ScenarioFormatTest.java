package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        "rank three | W1 | [[[1]]] | 'W1: arrays of rank 3 or more are not supported (W1[0][0] is a list); use a number, a list, or a list of lists'",
        "empty list | b1 | [] | 'b1: the array is empty'",
        "empty row | b1 | [[]] | 'b1: row 1 is empty'",
        "NaN | b1 | [NaN, 0, 0] | 'b1[0]: NaN is not a finite number'",
        "Infinity | b1 | [0, -Infinity, 0] | 'b1[1]: -Infinity is not a finite number'",
        "too large | b1 | [0, 0, 1e400] | 'b1[2]: 1e+400 is too large: numbers must be finite'",
        "mixed nesting | x | [1, [2]] | 'x: mixes numbers and lists (x[0] is a number, x[1] is a list)'",
        "null | x | null | 'x: null is not a number'",
        "negative label | t | [0, -1] | 't[1]: -1 is not a label (a 1-D t holds whole, non-negative class labels or one one-hot row; write soft targets as rows, [[0.2, 0.8]])'",
        "fractional label | t | [0.5] | 't[0]: 0.5 is not a label (a 1-D t holds whole, non-negative class labels or one one-hot row; write soft targets as rows, [[0.2, 0.8]])'",
    })
    void refusesBadArraysWithOneClearLine(String what, String key, String value, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFormat.parse(with(key, value)));
        assertEquals(message, e.getMessage(), what);
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
