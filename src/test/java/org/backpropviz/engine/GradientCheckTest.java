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

    /**
     * The rounding estimate behind "h too small": negligible at the book's h, infinite where p ± h rounds to one number
     * (the book's np.float32(1e-50) is 0.0, here in float64 at 1e-300), and the loss's last digit over h in between.
     */
    @Test
    void roundingErrorIsTheBooksRoundingErrorOfTheCentralDifference() {
        NDArray w = NDArray.matrix(new double[][] {{0.07, -0.3}, {1.5, 0}});
        NDArray g = NDArray.matrix(new double[][] {{0.2, -0.1}, {0.05, 0.3}});
        double atBooksH = GradientCheck.roundingError(w, g, 1e-4, 0.7);
        assertTrue(atBooksH > 0 && atBooksH < 1e-11, "1e-4: " + atBooksH);
        assertEquals(Double.POSITIVE_INFINITY, GradientCheck.roundingError(w, g, 1e-300, 0.7), "0.07 + 1e-300 is 0.07");
        double at1e13 = GradientCheck.roundingError(w, g, 1e-13, 0.7);
        assertTrue(at1e13 >= Math.ulp(0.7) / 1e-13 && at1e13 > 1e-7, "1e-13: " + at1e13);
        assertTrue(Double.isNaN(GradientCheck.roundingError(w, g, 1e-4, Double.NaN)));
        assertEquals(NDArray.matrix(new double[][] {{0.07, -0.3}, {1.5, 0}}), w, "w is not modified");
    }
}
