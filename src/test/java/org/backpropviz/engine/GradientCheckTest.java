package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The gradient check's report: NumPy's figures, and the honest reasons when backprop and differences disagree. */
class GradientCheckTest {
    static Path numpy(String name) {
        return NumpyFixtures.resourceDir("numpy").resolve(name);
    }

    static GradientCheck.Report check(String name) {
        return GradientCheck.check(NumpyFixtures.inputs(NumpyFixtures.read(numpy(name))), GradientCheck.H);
    }

    static void assertMatchesNumpy(String name, GradientCheck.Report r) {
        JsonNode g = NumpyFixtures.read(NumpyFixtures.expectedFor(numpy(name))).get("gradcheck");
        for (GradientCheck.ParamCheck p : r.params()) {
            double numpy = g.get(p.param().label()).asDouble();
            assertEquals(numpy, p.maxAbs(), 1e-8 + 1e-3 * numpy, name + " " + p.param().label());
        }
    }

    @Test
    void aBookStyleNetAgreesBelowOneMillionthWithNoExcuses() {
        GradientCheck.Report r = check("np-book-003.json");
        assertMatchesNumpy("np-book-003.json", r);
        for (GradientCheck.ParamCheck p : r.params()) {
            assertTrue(p.maxAbs() < 1e-6, p.param().label() + " " + p.maxAbs());
            assertFalse(p.anyNearKink(), p.param().label());
            assertNotNull(p.difference());
            assertEquals(p.numerical().shapeString(), p.difference().shapeString());
        }
        assertFalse(r.tinyTargetProbability());
        assertFalse(r.softTargets());
    }

    @Test
    void reluInputsAtZeroAreMarkedInW1AndB1Only() {
        GradientCheck.Report r = check("np-zeros-000.json");
        assertMatchesNumpy("np-zeros-000.json", r);
        GradientCheck.ParamCheck b1 = r.params().get(1);
        assertEquals(Param.B1, b1.param());
        assertTrue(b1.maxAbs() > 0.1);
        assertTrue(b1.anyNearKink(), "the cell that disagrees feeds a ReLU input at zero");
        for (int i = 0; i < b1.difference().size(); i++) {
            if (b1.difference().flat(i) > 1e-3) assertTrue(b1.nearKink()[i], "b1[" + i + "] disagrees but is not marked");
        }
        assertFalse(r.params().get(2).anyNearKink());
        assertFalse(r.params().get(3).anyNearKink());
    }

    @Test
    void hugeScoresMakeATinyTargetProbability() {
        GradientCheck.Report r = check("np-huge-000.json");
        assertMatchesNumpy("np-huge-000.json", r);
        assertTrue(r.tinyTargetProbability(), "smallest target probability " + r.smallestTargetProbability());
    }

    /** A label of -1 is the last class: its probability counts among the targets' (it was skipped). */
    @Test
    void theLastClassWrittenAsMinusOneIsATarget() {
        NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(NumpyFixtures.resourceDir("numpy").resolve("np-tlabel-000.json")));
        NDArray y = Trace.evaluate(in).forward("softmax").orElseThrow();
        double expected = Math.min(y.get(0, y.cols() - 1), y.get(1, 0)); // t = [-1, 0]
        assertEquals(expected, GradientCheck.check(in, GradientCheck.H).smallestTargetProbability(), 0);
    }

    @Test
    void softTargetsAreNamedAsTheReason() {
        GradientCheck.Report r = check("np-soft-000.json");
        assertMatchesNumpy("np-soft-000.json", r);
        assertTrue(r.softTargets());
    }

    @Test
    void aGradientOfAnotherShapeHasNoRelativeError() throws Exception {
        NetInputs in = org.backpropviz.scenario.ScenarioFormat.read(
                GradientCheckTest.class.getResourceAsStream("/assets/presets/softmax-with-loss.json")).inputs();
        GradientCheck.ParamCheck w1 = GradientCheck.check(in, GradientCheck.H).params().get(0);
        assertEquals("()", w1.backprop().shapeString());
        assertTrue(Double.isNaN(w1.maxRel()), "a scalar dW1 against a (3, 3) W1 is not 'perfect agreement'");
    }

    @Test
    void aFailingPassIsNotChecked() {
        NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(NumpyFixtures.resourceDir("reference-cases").resolve("seed-mismatch.json")));
        assertThrows(IllegalStateException.class, () -> GradientCheck.check(in, GradientCheck.H));
    }
}
