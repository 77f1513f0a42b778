package org.backpropviz.engine;

import java.util.List;

/**
 * Where and why the pass stopped: NumPy would have raised, or a result would have been over the engine's
 * {@link Limits} (kind {@value LimitException#KIND}, category {@link ErrorCategory#LIMIT}).
 *
 * @param node the node id ({@code affine1}, {@code relu1}, {@code affine2}, {@code softmax}, {@code loss})
 * @param phase forward or backward
 * @param message NumPy's message, verbatim to the last character ({@code str(e)}); for a refusal over the limits,
 *     the expression, its operands' shapes, and the size of the result it would have made
 * @param kind the Python exception class NumPy raises: {@code ValueError}, {@code IndexError}, {@code AxisError},
 *     {@code TypeError}; {@code LimitError} for the engine's refusal, which is not NumPy's
 * @param category what the error is about: {@link ErrorCategory#SHAPE} for np.dot alignment and broadcasting errors,
 *     {@link ErrorCategory#LIMIT} for a result over the limits, else {@link ErrorCategory#OTHER}
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

    /** True when the engine refused a result over its limits: NumPy itself would have computed it. */
    public boolean isLimitError() {
        return category == ErrorCategory.LIMIT;
    }
}
