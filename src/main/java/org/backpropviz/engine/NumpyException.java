package org.backpropviz.engine;

import java.util.List;

/**
 * What NumPy would raise: its message verbatim, to the last character (NumPy's broadcasting messages end with a
 * space, and so do these), the Python exception class ({@code ValueError}, {@code IndexError}, {@code AxisError},
 * {@code TypeError}), what the error is about ({@link ErrorCategory#SHAPE} for {@code np.dot} alignment and
 * broadcasting errors), and the shapes of the operands involved.
 */
public final class NumpyException extends EngineException {
    private final String kind;
    private final ErrorCategory category;
    private final List<int[]> operandShapes;

    /** An error of category {@link ErrorCategory#OTHER}, raised as the Python class {@code kind}. */
    public NumpyException(String message, String kind, int[]... operandShapes) {
        this(message, kind, ErrorCategory.OTHER, operandShapes);
    }

    private NumpyException(String message, String kind, ErrorCategory category, int[]... operandShapes) {
        super(message);
        this.kind = kind;
        this.category = category;
        this.operandShapes = List.of(operandShapes);
    }

    /** A {@code ValueError} about the operands' shapes: {@code np.dot}'s alignment or a broadcasting error. */
    static NumpyException shape(String message, int[]... operandShapes) {
        return new NumpyException(message, "ValueError", ErrorCategory.SHAPE, operandShapes);
    }

    /** The Python exception class NumPy raises, e.g. {@code ValueError} or {@code IndexError}. */
    @Override
    public String kind() {
        return kind;
    }

    @Override
    public ErrorCategory category() {
        return category;
    }

    /** True for {@code np.dot} alignment and broadcasting errors. */
    public boolean isShapeError() {
        return category == ErrorCategory.SHAPE;
    }

    /** The shapes of the operands, in the order NumPy names them in its message. */
    public List<int[]> operandShapes() {
        return operandShapes;
    }
}
