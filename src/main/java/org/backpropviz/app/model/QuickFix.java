package org.backpropviz.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Np;
import org.backpropviz.engine.Operand;
import org.backpropviz.engine.Param;
import org.backpropviz.scenario.Scenario;

/**
 * An edit of the scenario that removes a shape error: reshape x (or t) from (n,) to (1, n), transpose a weight
 * matrix, or resize a bias to the layer's width.
 *
 * @param id a stable id ({@code reshape-x}, {@code transpose-W1}, {@code resize-b2}); the button is {@code #fix-<id>}
 * @param messageKey the bundle key of the button text
 * @param args the button text's arguments (shapes as NumPy writes them)
 * @param edit the edit; the scenario it is given is not modified
 */
public record QuickFix(String id, String messageKey, List<String> args, UnaryOperator<Scenario> edit) {

    /**
     * The fix's name in the history, a bundle key ({@code change.transpose}, {@code change.reshape},
     * {@code change.resize}): "Transpose W1", "Reshape x to (1, 2)".
     */
    public String changeKey() {
        return switch (messageKey) {
            case "fix.transpose" -> "change.transpose";
            case "fix.resize" -> "change.resize";
            default -> "change.reshape";
        };
    }

    /** The arguments of {@link #changeKey()}: the array's name, and the shape it gets (not for a transpose). */
    public List<Object> changeArgs() {
        return messageKey.equals("fix.transpose") ? List.of(args.get(0)) : List.of(args.get(0), args.get(2));
    }

    /** The fixes that make sense for an error in a scenario, in the order the lesson would try them. */
    public static List<QuickFix> forError(Scenario s, EngineError error) {
        List<QuickFix> out = new ArrayList<>();
        List<String> names = error.operands().stream().map(Operand::name).toList();
        boolean aboutX = names.stream().anyMatch(n -> n.equals("x") || n.equals("x.T") || n.startsWith("np.dot(x, W1"))
                && error.node().equals("affine1");
        boolean twoLayers = s.inputs().network().params().contains(Param.W2); // a 1-layer net has only W1 and b1
        NDArray x = s.get(Param.X), W1 = s.get(Param.W1), W2 = twoLayers ? s.get(Param.W2) : null;
        if (x.rank() == 1 && W1.rank() == 2 && x.dim(0) == W1.dim(0) && (aboutX || error.phase().id().equals("backward"))) {
            out.add(reshapeX(x));
        }
        int inWidth = x.rank() == 0 ? 1 : x.dim(x.rank() - 1);
        if (mentions(names, "W1") && W1.rank() == 2 && W1.dim(1) == inWidth && W1.dim(0) != inWidth) out.add(transpose(Param.W1, W1));
        int hidden = W1.rank() == 2 ? (W1.dim(0) == inWidth ? W1.dim(1) : W1.dim(0)) : -1;
        if (twoLayers && mentions(names, "W2") && W2.rank() == 2 && W2.dim(1) == hidden && W2.dim(0) != hidden) out.add(transpose(Param.W2, W2));
        NDArray t = s.get(Param.T);
        if (names.contains("t") && t.rank() == 1 && x.rank() == 2 && x.dim(0) == 1) {
            out.add(new QuickFix("reshape-t", "fix.reshape", List.of("t", t.shapeString(), "(1, " + t.dim(0) + ")"),
                    sc -> sc.with(Param.T, sc.get(Param.T).reshape(1, sc.get(Param.T).size()))));
        }
        addResize(out, names, s, Param.B1, W1);
        if (twoLayers) addResize(out, names, s, Param.B2, W2);
        return out;
    }

    private static boolean mentions(List<String> names, String w) {
        return names.stream().anyMatch(n -> n.equals(w) || n.equals(w + ".T") || n.contains(", " + w + ")"));
    }

    private static void addResize(List<QuickFix> out, List<String> names, Scenario s, Param b, NDArray W) {
        NDArray bias = s.get(b);
        if (!names.contains(b.label()) || W.rank() != 2) return;
        int h = W.dim(1);
        if (bias.rank() == 1 && bias.dim(0) == h) return;
        out.add(new QuickFix("resize-" + b.label(), "fix.resize", List.of(b.label(), bias.shapeString(), "(" + h + ",)"),
                sc -> sc.with(b, resized(sc.get(b), h))));
    }

    static QuickFix reshapeX(NDArray x) {
        String to = "(1, " + x.dim(0) + ")";
        return new QuickFix("reshape-x", "fix.reshape.input", List.of("x", x.shapeString(), to),
                sc -> sc.with(Param.X, sc.get(Param.X).reshape(1, sc.get(Param.X).size())));
    }

    static QuickFix transpose(Param p, NDArray W) {
        return new QuickFix("transpose-" + p.label(), "fix.transpose",
                List.of(p.label(), W.shapeString(), "(" + W.dim(1) + ", " + W.dim(0) + ")"),
                sc -> sc.with(p, Np.transpose(sc.get(p))));
    }

    /** A (h,) copy of b keeping the values it has, zero-filled. */
    static NDArray resized(NDArray b, int h) {
        double[] v = new double[h];
        for (int i = 0; i < Math.min(h, b.size()); i++) v[i] = b.flat(i);
        return NDArray.vector(v);
    }
}
