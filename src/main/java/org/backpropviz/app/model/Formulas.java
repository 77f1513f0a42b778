package org.backpropviz.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.Execution;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Phase;
import org.backpropviz.engine.SourceLine;
import org.backpropviz.engine.Trace;

/**
 * A node's formulas with the shapes filled in, as the inspector shows them:
 * {@code dx = dout · W2ᵀ : (4, 3) = (4, 2) · (2, 3)}. Shapes come from the furthest snapshot of the
 * iteration (shapes do not change while stepping); a shape not computed there is written {@code ?}.
 */
public final class Formulas {
    private Formulas() {}

    /**
     * @param text the formula with its shapes (math notation stays as the book writes it, never translated)
     * @param explainKey the bundle key of the line of plain explanation
     * @param phase the pass it belongs to
     * @param failed true when this is the expression the engine failed at
     */
    public record Formula(String text, String explainKey, Phase phase, boolean failed) {}

    /**
     * An op node's formulas come from its layer's definition ({@link org.backpropviz.engine.Layer#formulas}); a
     * formula is marked failed when the shown snapshot's error is at this node and its failing source line is one of
     * the formula's.
     *
     * @param t the snapshot the shapes are read from
     * @param shown the snapshot on screen: a formula is marked failed only once its error is shown
     */
    public static List<Formula> of(Node node, Trace t, Trace shown) {
        List<Formula> out = new ArrayList<>();
        Optional<EngineError> err = shown.error().filter(e -> e.node().equals(node.id()));
        if (node.isOp()) {
            Optional<SourceLine> failedLine = err.flatMap(e -> shown.execution()).flatMap(Execution::failed).map(Execution.Line::line);
            for (org.backpropviz.engine.Formula f : t.network().layerOf(node.opId()).formulas(node.opId(), t)) {
                boolean failed = err.isPresent() && err.get().phase() == f.phase() && failedLine.map(f.lines()::contains).orElse(false);
                out.add(new Formula(f.text(), "explain." + f.key(), f.phase(), failed));
            }
            return out;
        }
        switch (node.param().orElseThrow().role()) {
            case W, B -> {
                Param p = node.param().orElseThrow();
                String g = "d" + p.label();
                String rule = p.role() == Param.Role.W ? g + " = xᵀ · dout" : g + " = Σ₀ dout";
                add(out, rule + " : " + s(t.grad(p)) + "   (" + p.label() + " : " + t.inputs().get(p).shapeString() + ")",
                        "explain.param.grad", Phase.BACKWARD);
                add(out, p.label() + " ← " + p.label() + " − lr · " + g, "explain.param.sgd", Phase.BACKWARD);
            }
            case X -> add(out, "dx = dout · W1ᵀ : " + s(t.backward("affine1")) + "   (x : " + t.inputs().x().shapeString() + ")",
                    "explain.x", Phase.BACKWARD);
            case T -> add(out, "t : " + t.inputs().t().shapeString(), "explain.t", Phase.FORWARD);
            default -> throw new IllegalArgumentException(node + " is an operation");
        }
        return out;
    }

    /** A data node's formula: never the one that failed. */
    private static void add(List<Formula> out, String text, String key, Phase phase) {
        out.add(new Formula(text, key, phase, false));
    }

    private static String s(Optional<NDArray> a) {
        return a.map(NDArray::shapeString).orElse("?");
    }
}
