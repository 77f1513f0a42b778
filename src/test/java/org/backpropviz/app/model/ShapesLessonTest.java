package org.backpropviz.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backpropviz.app.shell.Presets;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.Limits;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The view-model's lesson logic without a window: formulas with shapes, the mismatch cause, the quick fixes. */
class ShapesLessonTest {
    private static Trace run(Scenario s) {
        return Trace.evaluate(s.inputs());
    }

    @Test
    void affine2BackwardFormulasCarryTheShapesOfTheBatchOfFour() {
        Trace t = run(Presets.load("batch-of-4"));
        List<String> texts = Formulas.of(Node.AFFINE2, t, t).stream().map(Formulas.Formula::text).toList();
        assertEquals("out = x · W2 + b2 : (4, 2) = (4, 3) · (3, 2) + (2,)", texts.get(0));
        assertEquals("dx = dout · W2ᵀ : (4, 3) = (4, 2) · (2, 3)", texts.get(1));
        assertEquals("dW2 = xᵀ · dout : (3, 2) = (3, 4) · (4, 2)", texts.get(2));
        assertEquals("db2 = Σ₀ dout : (2,) = Σ₀ (4, 2)", texts.get(3));
    }

    @Test
    void mismatchPresetExplainsTheCauseAndOffersTransposeW1Only() {
        Scenario s = Presets.load("lesson-mismatch");
        EngineError e = run(s).error().orElseThrow();
        assertEquals("shapes (2,) and (3,2) not aligned: 2 (dim 0) != 3 (dim 0)", e.message());
        Mismatch m = Mismatch.of(e);
        assertEquals("cause.dot", m.causeKey());
        assertEquals(List.of("x", "2", "@word.elements", "W1", "3", "@word.rows"), m.causeArgs());
        assertEquals(0, m.badAxis(0));
        assertEquals(0, m.badAxis(1));
        List<QuickFix> fixes = QuickFix.forError(s, e);
        assertEquals(List.of("transpose-W1"), fixes.stream().map(QuickFix::id).toList());
        // transposed, W1 lines up: the forward pass runs; the 1-D x still fails later, at dW2 = np.dot(x.T, dout)
        Trace fixed = run(fixes.get(0).edit().apply(s));
        assertEquals("(2, 3)", fixed.inputs().W1().shapeString());
        assertEquals("affine2", fixed.error().orElseThrow().node());
    }

    @Test
    void lessonVectorFailsInTheBackwardPassAndTwoReshapesRepairIt() {
        Scenario s = Presets.load("lesson-vector");
        Trace t = run(s);
        EngineError e = t.error().orElseThrow();
        assertEquals("affine2", e.node());
        assertEquals("dW2 = np.dot(x.T, dout)", e.expression());
        // "x" keeps one meaning: the x.T that fails is Affine2's own input, the fix reshapes the network's input x
        assertEquals(List.of(new Mismatch.Owned("Affine2", "x.T"), "3", "@word.elements", "dout", "2", "@word.elements"),
                Mismatch.of(e).causeArgs());
        QuickFix reshapeX = QuickFix.forError(s, e).get(0);
        assertEquals("reshape-x", reshapeX.id());
        assertEquals("fix.reshape.input", reshapeX.messageKey());
        assertEquals(List.of("x", "(2,)", "(1, 2)"), reshapeX.args());
        Scenario s2 = reshapeX.edit().apply(s);
        EngineError e2 = run(s2).error().orElseThrow();
        assertEquals("loss", e2.node());
        QuickFix reshapeT = QuickFix.forError(s2, e2).get(0);
        assertEquals("reshape-t", reshapeT.id());
        Trace fixed = run(reshapeT.edit().apply(s2));
        assertTrue(fixed.isComplete());
        assertEquals("(1, 2)", fixed.inputs().x().shapeString());
        assertEquals("(2, 3)", fixed.grad(Param.W1).orElseThrow().shapeString());
    }

    @Test
    void resizeBiasKeepsItsValuesAndZeroFills() {
        Scenario s = Presets.load("batch-of-4");
        Scenario bad = s.with(Param.B1, NDArray.vector(0.1, -0.2));
        EngineError e = run(bad).error().orElseThrow();
        QuickFix fix = QuickFix.forError(bad, e).stream().filter(f -> f.id().equals("resize-b1")).findFirst().orElseThrow();
        assertEquals(NDArray.vector(0.1, -0.2, 0.0), fix.edit().apply(bad).get(Param.B1));
        Mismatch m = Mismatch.of(e);
        assertEquals("cause.broadcast", m.causeKey());
    }

    @Test
    void mismatchedOperandsMapToTheirEdges() {
        EngineError e = run(Presets.load("lesson-vector")).error().orElseThrow();
        assertEquals(List.of(NetGraph.edge(Node.RELU1, Node.AFFINE2)), NetGraph.edgesOf(e, "x.T"));
        assertEquals(List.of(NetGraph.edge(Node.AFFINE2, Node.SOFTMAX)), NetGraph.edgesOf(e, "dout"));
    }

    /** A result over the engine's limit is not a shape mismatch: no axis is marked, and the cause says what grew. */
    @Test
    void aResultOverTheLimitIsExplainedAsTheEnginesRefusal() {
        NetInputs in = new NetInputs(NDArray.full(new int[] {300, 1}, 1.0), NDArray.full(new int[] {1, 1}, 1.0),
                NDArray.full(new int[] {300}, 1.0), NDArray.full(new int[] {300, 2}, 1.0), NDArray.vector(0, 0),
                NDArray.vector(0).asInteger());
        EngineError e = Trace.evaluate(in, new Limits(1000)).error().orElseThrow();
        assertTrue(e.isLimitError());
        Mismatch m = Mismatch.of(e);
        assertEquals("cause.limit", m.causeKey());
        assertEquals(List.of("np.dot(x, W1) + b1"), m.causeArgs());
        assertEquals(-1, m.badAxis(0));
        assertEquals(-1, m.badAxis(1));
    }
}
