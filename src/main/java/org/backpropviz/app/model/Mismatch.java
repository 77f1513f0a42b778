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

    /** Arguments of the cause: names and numbers as text; a word key is prefixed {@code @} for the view to translate. */
    public List<Object> causeArgs() {
        return causeArgs;
    }

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
                    return new Mismatch(bad, "cause.dot", List.of(ops.get(0).name(), Integer.toString(a[ia]),
                            a.length == 2 ? "@word.columns" : "@word.elements", ops.get(1).name(), Integer.toString(b[ib]),
                            b.length == 2 ? "@word.rows" : "@word.elements"));
                }
            }
            // broadcasting: compare trailing axes
            for (int k = 1; k <= Math.min(a.length, b.length); k++) {
                int da = a[a.length - k], db = b[b.length - k];
                if (da != db && da != 1 && db != 1) {
                    bad[0] = a.length - k;
                    bad[1] = b.length - k;
                    return new Mismatch(bad, "cause.broadcast", List.of(ops.get(0).name(), Integer.toString(da),
                            word(a.length, a.length - k), ops.get(1).name(), Integer.toString(db), word(b.length, b.length - k)));
                }
            }
        }
        return new Mismatch(bad, "cause.other", List.of(e.expression()));
    }

    private static String word(int rank, int axis) {
        if (rank == 1) return "@word.elements";
        return axis == 0 ? "@word.rows" : "@word.columns";
    }
}
