package org.backpropviz.app.model;

import java.util.List;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.Operand;

/**
 * What a shape error is about, for the callout: which dimension of each operand disagrees, and a one-line
 * cause as a bundle key with its arguments ({@code x has 2 columns but W1 has 3 rows}).
 */
public final class Mismatch {
    /** The axis of each operand that disagrees (-1 for none), parallel to {@link EngineError#operands()}. */
    private final int[] badAxis;
    private final String causeKey;
    private final List<Object> causeArgs;

    private Mismatch(int[] badAxis, String causeKey, List<Object> causeArgs) {
        this.badAxis = badAxis;
        this.causeKey = causeKey;
        this.causeArgs = causeArgs;
    }

    public int badAxis(int operand) {
        return operand < badAxis.length ? badAxis[operand] : -1;
    }

    public String causeKey() {
        return causeKey;
    }

    /**
     * Arguments of the cause: names and numbers as text; a word key is prefixed {@code @} for the view to translate;
     * an operand that is a later layer's own input is an {@link Owned}, which the view names with its layer.
     */
    public List<Object> causeArgs() {
        return causeArgs;
    }

    /**
     * An operand named inside a layer's code ({@code x.T} in Affine2's backward) that is not the network's input x:
     * the view writes "Affine2's input x.T", so that "x" keeps one meaning (the graph's input) in the callout.
     *
     * @param layer the layer's title as the graph writes it ({@code Affine2})
     * @param name the operand as NumPy's expression names it ({@code x.T})
     */
    public record Owned(String layer, String name) {}

    public static Mismatch of(EngineError e) {
        List<Operand> ops = e.operands();
        int[] bad = new int[ops.size()];
        java.util.Arrays.fill(bad, -1);
        if (e.isLimitError()) return new Mismatch(bad, "cause.limit", List.of(e.expression())); // the shapes agree
        if (ops.size() == 2) {
            int[] a = ops.get(0).shape(), b = ops.get(1).shape();
            if (e.expression().matches("^(\\w+ = )?np\\.dot\\([^()]*\\)$") && a.length > 0 && b.length > 0) {
                int ia = a.length - 1, ib = 0;
                if (a[ia] != b[ib]) {
                    bad[0] = ia;
                    bad[1] = ib;
                    return new Mismatch(bad, "cause.dot", List.of(name(e, ops.get(0)), Integer.toString(a[ia]),
                            a.length == 2 ? "@word.columns" : "@word.elements", name(e, ops.get(1)), Integer.toString(b[ib]),
                            b.length == 2 ? "@word.rows" : "@word.elements"));
                }
            }
            // broadcasting: compare trailing axes
            for (int k = 1; k <= Math.min(a.length, b.length); k++) {
                int da = a[a.length - k], db = b[b.length - k];
                if (da != db && da != 1 && db != 1) {
                    bad[0] = a.length - k;
                    bad[1] = b.length - k;
                    return new Mismatch(bad, "cause.broadcast", List.of(name(e, ops.get(0)), Integer.toString(da),
                            word(a.length, a.length - k), name(e, ops.get(1)), Integer.toString(db), word(b.length, b.length - k)));
                }
            }
        }
        return new Mismatch(bad, "cause.other", List.of(e.expression()));
    }

    /** The operand's name, or an {@link Owned} when it is the local x of a layer other than the first Affine. */
    private static Object name(EngineError e, Operand op) {
        String n = op.name();
        boolean localX = n.equals("x") || n.equals("x.T");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z]+)(\\d*)").matcher(e.node());
        if (!localX || !m.matches() || e.node().equals("affine1")) return n;
        String kind = m.group(1);
        return new Owned(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + m.group(2), n);
    }

    private static String word(int rank, int axis) {
        if (rank == 1) return "@word.elements";
        return axis == 0 ? "@word.rows" : "@word.columns";
    }
}
