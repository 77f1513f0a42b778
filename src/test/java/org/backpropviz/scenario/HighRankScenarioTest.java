package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backpropviz.engine.Affine;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.junit.jupiter.api.Test;

/** Scenario arrays nested up to six deep (issue #16): read, refused when ragged or too deep, written back nested. */
class HighRankScenarioTest {
    static final String RANK3 = "{\"affine\": \"repository\", \"x\": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[-0.1, 0.0, 0.2], [0.3, -0.4, 0.5]]],"
            + " \"W1\": [[0.1, 0.2], [0.3, -0.1], [0.0, 0.5], [-0.2, 0.1], [0.4, 0.4], [0.2, -0.3]], \"b1\": [0.1, -0.1], \"t\": [1, 0]}";

    @Test
    void aRankThreeXIsReadRunAndWrittenBackNested() throws Exception {
        Scenario s = ScenarioFormat.parse(RANK3);
        NDArray x = s.get(Param.X);
        assertEquals("(2, 2, 3)", x.shapeString());
        assertEquals(0.6, x.flat(5));
        assertEquals(Affine.Variant.REPOSITORY, s.inputs().network().affine());
        Trace t = Trace.evaluate(s.inputs());
        assertTrue(t.isComplete(), () -> t.error().map(Object::toString).orElse(""));
        assertEquals("(2, 2, 3)", t.backward("affine1").orElseThrow().shapeString());
        String json = ScenarioFormat.toJson(s);
        assertTrue(json.contains("[[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[-0.1, 0.0, 0.2], [0.3, -0.4, 0.5]]]"), json);
        assertEquals(x, ScenarioFormat.parse(json).get(Param.X));
    }

    @Test
    void aRaggedListIsRefusedAtItsPlace() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioFormat.parse(RANK3.replace("[0.4, 0.5, 0.6]", "[0.4, 0.5]")));
        assertEquals("x[0][1]: row has 2 numbers, expected 3", e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioFormat.parse(RANK3.replace("[[-0.1, 0.0, 0.2], [0.3, -0.4, 0.5]]", "[[-0.1, 0.0, 0.2]]")));
        assertEquals("x[1]: row has 1 list, expected 2", e.getMessage());
    }

    @Test
    void sevenLevelsAreRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioFormat.parse(RANK3.replace("\"b1\": [0.1, -0.1]", "\"b1\": [[[[[[[0.1, -0.1]]]]]]]")));
        assertEquals("b1: lists nested 7 deep (rank 7); arrays of rank 0 to 6 are supported", e.getMessage());
    }
}
