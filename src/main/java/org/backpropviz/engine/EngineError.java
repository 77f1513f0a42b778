package org.backpropviz.engine;

import java.util.List;

/**
 * Where and why the pass stopped because NumPy would have raised.
 *
 * @param node the node id ({@code affine1}, {@code relu1}, {@code affine2}, {@code softmax}, {@code loss})
 * @param phase forward or backward
 * @param message NumPy's message, verbatim
 * @param kind {@code shape} for np.dot alignment and broadcasting errors, else the Python exception class
 * @param expression the failing expression as the lesson writes it, e.g. {@code dW1 = np.dot(x.T, dout)}
 * @param operands the operands of that expression, by name, with their shapes
 */
public record EngineError(String node, Phase phase, String message, String kind, String expression, List<Operand> operands) {
    public EngineError {
        operands = List.copyOf(operands);
    }

    static EngineError of(Step step, OpFailure f) {
        return new EngineError(step.node(), step.phase(), f.getMessage(), f.numpy().kind(), f.expression(), f.operands());
    }

    public boolean isShapeError() {
        return "shape".equals(kind);
    }
}
