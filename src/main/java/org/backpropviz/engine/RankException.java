package org.backpropviz.engine;

/**
 * The engine refused an array of more than {@link NDArray#MAX_RANK} axes. NumPy allows up to 64; the engine stops at
 * {@value NDArray#MAX_RANK}, before anything is allocated, with the shape it would have had.
 */
public final class RankException extends EngineException {
    /** The kind an {@link EngineError} gives this refusal; no Python exception has this name. */
    public static final String KIND = "RankError";

    private final int[] shape;

    RankException(String what, int[] shape) {
        super(what + " " + Shapes.tuple(shape) + " would have rank " + shape.length + "; arrays of rank 0 to "
                + NDArray.MAX_RANK + " are supported");
        this.shape = shape.clone();
    }

    /** The shape that was refused. */
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.LIMIT;
    }
}
