package org.backpropviz.engine;

import java.util.List;

/**
 * Where and why the pass stopped because NumPy would have raised.
 *
 * @param node the node id ({@code affine1}, {@code relu1}, {@code affine2}, {@code softmax}, {@code loss})
 * @param phase forward or backward
 * @param message NumPy's message, verbatim to the last character ({@code str(e)})
 * @param kind the Python exception class NumPy raises: {@code ValueError}, {@code IndexError}, {@code AxisError},
 *     {@code TypeError}
 * @param category what the error is about: {@link ErrorCategory#SHAPE} for np.dot alignment and broadcasting errors
 * @param expression the failing expression as the lesson writes it, e.g. {@code dW1 = np.dot(x.T, dout)}
 * @param operands the operands of that expression, by name, with their shapes
 */
public record EngineError(String node, Phase phase, String message, String kind, ErrorCategory category, String expression,
                          List<Operand> operands) {
    public EngineError {
        operands = List.copyOf(operands);
    }

    static EngineError of(Step step, OpFailure f) {
        return new EngineError(step.node(), step.phase(), f.getMessage(), f.kind(), f.category(), f.expression(), f.operands());
    }

    /** True for np.dot alignment and broadcasting errors, whose operands' shapes disagree. */
    public boolean isShapeError() {
        return category == ErrorCategory.SHAPE;
    }
}
