package org.backpropviz.engine;

import java.util.List;
import java.util.function.Supplier;

/**
 * A NumPy error raised inside a layer, with the expression that raised it as the lesson writes it
 * ({@code dW = np.dot(x.T, dout)}) and its operands by name. The step that ran the layer turns it into an
 * {@link EngineError}.
 */
public final class OpFailure extends RuntimeException {
    private final String expression;
    private final List<Operand> operands;
    private final NumpyException numpy;

    OpFailure(String expression, List<Operand> operands, NumpyException numpy) {
        super(numpy.getMessage(), null, false, false);
        this.expression = expression;
        this.operands = List.copyOf(operands);
        this.numpy = numpy;
    }

    /** Runs {@code op}; if NumPy would raise, rethrows with the expression and the named operands. */
    static NDArray guard(String expression, Supplier<NDArray> op, Operand... operands) {
        try {
            return op.get();
        } catch (NumpyException e) {
            throw new OpFailure(expression, List.of(operands), e);
        }
    }

    public String expression() {
        return expression;
    }

    public List<Operand> operands() {
        return operands;
    }

    public NumpyException numpy() {
        return numpy;
    }
}
