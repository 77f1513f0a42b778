package org.backpropviz.engine;

import java.util.Locale;

/**
 * The engine refused to compute a result larger than {@link Limits#maxResultValues()}. NumPy raises nothing here (it
 * allocates what broadcasting or {@code np.dot} asks for, or runs out of memory); this is the engine's own refusal,
 * checked before anything is allocated.
 */
public final class LimitException extends EngineException {
    /**
     * The kind an {@link EngineError} gives this refusal. No Python or NumPy exception has this name, so it cannot be
     * mistaken for one; it ends in "Error" as the others do ({@code ValueError}, {@code IndexError}…), so a reader
     * sorting errors by kind finds it beside them.
     */
    public static final String KIND = "LimitError";

    private final String what;
    private final int[] resultShape;
    private final long values;
    private final long limit;

    LimitException(String what, int[] resultShape, long values, long limit) {
        super(what + " " + Shapes.tuple(resultShape) + " would hold " + grouped(values) + " values, over the limit of "
                + grouped(limit) + " (setting " + Limits.MAX_RESULT_VALUES_PROPERTY + ")");
        this.what = what;
        this.resultShape = resultShape.clone();
        this.values = values;
        this.limit = limit;
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.LIMIT;
    }

    /** What would have been too large: {@code the result}, or an intermediate such as {@code y[np.arange(batch_size), t]}. */
    public String what() {
        return what;
    }

    public int[] resultShape() {
        return resultShape.clone();
    }

    /** How many values the result would hold. */
    public long values() {
        return values;
    }

    /** The limit it is over. */
    public long limit() {
        return limit;
    }
}
