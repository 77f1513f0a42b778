package org.backpropviz.engine;

import java.util.List;
import java.util.function.Function;
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

    /**
     * Runs {@code op}; if NumPy would raise, rethrows what {@code describe} makes of it (built only then, so the hot
     * path allocates no strings).
     */
    static NDArray guard(Supplier<NDArray> op, Function<NumpyException, OpFailure> describe) {
        try {
            return op.get();
        } catch (NumpyException e) {
            throw describe.apply(e);
        }
    }

    /** The failure of {@code expression} on the named operands. */
    static OpFailure at(NumpyException e, String expression, Operand... operands) {
        return new OpFailure(expression, List.of(operands), e);
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

    /** The Python exception class, e.g. {@code ValueError}. */
    public String kind() {
        return numpy.kind();
    }

    public ErrorCategory category() {
        return numpy.category();
    }
}
