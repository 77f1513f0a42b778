package org.backpropviz.engine;

import java.util.List;

/**
 * What NumPy would raise: its message verbatim (trailing space removed), the Python exception kind
 * ({@code "shape"} for {@code np.dot} alignment and broadcasting errors, else the class name such as
 * {@code "IndexError"}), and the shapes of the operands involved.
 */
public final class NumpyException extends RuntimeException {
    private final String kind;
    private final List<int[]> operandShapes;

    public NumpyException(String message, String kind, int[]... operandShapes) {
        super(message.stripTrailing(), null, false, false);
        this.kind = kind;
        this.operandShapes = List.of(operandShapes);
    }

    public String kind() {
        return kind;
    }

    /** The shapes of the operands, in the order NumPy names them in its message. */
    public List<int[]> operandShapes() {
        return operandShapes;
    }
}
