package org.backpropviz.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Phase;
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
     * @param t the snapshot the shapes are read from
     * @param shown the snapshot on screen: a formula is marked failed only once its error is shown
     */
    public static List<Formula> of(Node node, Trace t, Trace shown) {
        List<Formula> out = new ArrayList<>();
        Optional<EngineError> err = shown.error().filter(e -> e.node().equals(node.id()));
        switch (node) {
            case AFFINE1, AFFINE2 -> affine(out, node, t, err);
            case RELU1 -> {
                add(out, "out = max(0, x) : " + s(Node.RELU1.value(t)) + " = " + s(Node.AFFINE1.value(t)),
                        "explain.relu.forward", Phase.FORWARD, err, "out");
                add(out, "dx = dout ⊙ [x > 0] : " + s(t.backward("relu1")) + " = " + s(Node.RELU1.grad(t)) + " ⊙ "
                        + s(Node.AFFINE1.value(t)), "explain.relu.backward", Phase.BACKWARD, err, "dout");
            }
            case SOFTMAX -> {
                add(out, "y = exp(a) / Σ exp(a) : " + s(Node.SOFTMAX.value(t)) + " = " + s(Node.AFFINE2.value(t)),
                        "explain.softmax.forward", Phase.FORWARD, err, "softmax");
                add(out, "dx = (y − t) / t.shape[0] : " + s(t.backward("softmax")) + " = (" + s(Node.SOFTMAX.value(t)) + " − "
                        + s(Optional.of(t.inputs().t())) + ") / " + batch(t.inputs().t()), "explain.softmax.backward", Phase.BACKWARD, err, "dx");
            }
            case LOSS -> add(out, "L = −Σ t·log(y + 1e-7) / batch : " + s(Node.LOSS.value(t)) + " ← " + s(Node.SOFTMAX.value(t))
                    + ", " + s(Optional.of(t.inputs().t())), "explain.loss", Phase.FORWARD, err, "cross");
            case W1, B1, W2, B2 -> {
                Param p = node.param().orElseThrow();
                String g = "d" + p.label();
                String rule = p == Param.W1 || p == Param.W2 ? g + " = xᵀ · dout" : g + " = Σ₀ dout";
                add(out, rule + " : " + s(t.grad(p)) + "   (" + p.label() + " : " + t.inputs().get(p).shapeString() + ")",
                        "explain.param.grad", Phase.BACKWARD, Optional.empty(), "");
                add(out, p.label() + " ← " + p.label() + " − lr · " + g, "explain.param.sgd", Phase.BACKWARD, Optional.empty(), "");
            }
            case X -> add(out, "dx = dout · W1ᵀ : " + s(t.backward("affine1")) + "   (x : " + t.inputs().x().shapeString() + ")",
                    "explain.x", Phase.BACKWARD, Optional.empty(), "");
            case T -> add(out, "t : " + t.inputs().t().shapeString(), "explain.t", Phase.FORWARD, Optional.empty(), "");
        }
        return out;
    }

    private static void affine(List<Formula> out, Node node, Trace t, Optional<EngineError> err) {
        String k = node == Node.AFFINE1 ? "1" : "2";
        Param w = node == Node.AFFINE1 ? Param.W1 : Param.W2;
        Param b = node == Node.AFFINE1 ? Param.B1 : Param.B2;
        Optional<NDArray> x = node == Node.AFFINE1 ? Optional.of(t.inputs().x()) : Node.RELU1.value(t);
        NDArray W = t.inputs().get(w);
        add(out, "out = x · W" + k + " + b" + k + " : " + s(node.value(t)) + " = " + s(x) + " · " + W.shapeString() + " + "
                + t.inputs().get(b).shapeString(), "explain.affine.forward", Phase.FORWARD, err, "np.dot(x, W");
        Optional<NDArray> dout = node.grad(t);
        add(out, "dx = dout · W" + k + "ᵀ : " + s(t.backward(node.id())) + " = " + s(dout) + " · " + transposed(W),
                "explain.affine.dx", Phase.BACKWARD, err, "dx =");
        add(out, "dW" + k + " = xᵀ · dout : " + s(t.grad(w)) + " = " + x.map(Formulas::transposed).orElse("?") + " · " + s(dout),
                "explain.affine.dW", Phase.BACKWARD, err, "dW" + k + " =");
        add(out, "db" + k + " = Σ₀ dout : " + s(t.grad(b)) + " = Σ₀ " + s(dout), "explain.affine.db", Phase.BACKWARD, err, "db" + k + " =");
    }

    private static void add(List<Formula> out, String text, String key, Phase phase, Optional<EngineError> err, String marker) {
        boolean failed = err.isPresent() && err.get().phase() == phase && err.get().expression().contains(marker);
        out.add(new Formula(text, key, phase, failed));
    }

    private static String s(Optional<NDArray> a) {
        return a.map(NDArray::shapeString).orElse("?");
    }

    private static String transposed(NDArray a) {
        int[] sh = a.shape();
        return sh.length < 2 ? a.shapeString() : "(" + sh[1] + ", " + sh[0] + ")";
    }

    private static String batch(NDArray t) {
        return t.rank() == 0 ? "?" : Integer.toString(t.dim(0));
    }
}
