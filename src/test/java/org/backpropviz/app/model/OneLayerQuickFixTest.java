package org.backpropviz.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioFormat;
import org.junit.jupiter.api.Test;

/** A 1-layer net (only W1 and b1) gets its quick fixes, and each fix makes the pass complete (issue #16, point 6). */
class OneLayerQuickFixTest {
    private static List<QuickFix> fixes(String json) throws Exception {
        Scenario s = ScenarioFormat.parse(json);
        Trace t = Trace.evaluate(s.inputs());
        assertTrue(t.error().isPresent(), "the scenario must fail");
        return QuickFix.forError(s, t.error().get());
    }

    private static void assertFixed(String json, String id) throws Exception {
        Scenario s = ScenarioFormat.parse(json);
        List<QuickFix> f = fixes(json);
        assertEquals(List.of(id), f.stream().map(QuickFix::id).toList());
        Trace fixed = Trace.evaluate(f.get(0).edit().apply(s).inputs());
        assertTrue(fixed.isComplete(), () -> fixed.error().map(Object::toString).orElse(""));
    }

    @Test
    void aTransposedW1() throws Exception {
        assertFixed("{\"x\": [[1.0, 2.0]], \"W1\": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], \"b1\": [0.1, 0.2, 0.3], \"t\": [1]}", "transpose-W1");
    }

    @Test
    void aBiasOfTheWrongWidth() throws Exception {
        assertFixed("{\"x\": [[1.0, 2.0]], \"W1\": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], \"b1\": [0.1, 0.2], \"t\": [1]}", "resize-b1");
    }

    @Test
    void aVectorX() throws Exception {
        Scenario s = ScenarioFormat.parse("{\"x\": [1.0, 2.0], \"W1\": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], \"b1\": [0.1, 0.2, 0.3], \"t\": [0, 1, 0]}");
        Trace t = Trace.evaluate(s.inputs());
        if (t.error().isPresent()) { // whatever fails, the fixes are computed without a crash and W2 is never asked for
            for (QuickFix f : QuickFix.forError(s, t.error().get())) f.edit().apply(s);
        }
        assertEquals(1, s.inputs().network().params().stream().filter(p -> p.label().startsWith("W")).count());
        assertTrue(s.inputs().network().params().contains(Param.W1));
    }
}
