package org.backpropviz.engine;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An error raised inside a layer, with the expression that raised it as the lesson writes it
 * ({@code dW = np.dot(x.T, dout)}) and its operands by name: what NumPy would raise, or the engine's refusal of a
 * result over its {@link Limits}. The step that ran the layer turns it into an {@link EngineError}.
 */
public final class OpFailure extends RuntimeException {
    private final String expression;
    private final List<Operand> operands;
    private final EngineException reason;

    private OpFailure(String message, String expression, List<Operand> operands, EngineException reason) {
        super(message, null, false, false);
        this.expression = expression;
        this.operands = List.copyOf(operands);
        this.reason = reason;
    }

    /**
     * Runs {@code op}; if NumPy would raise, or the result would be over the limits, rethrows what {@code describe}
     * makes of it (built only then, so the hot path allocates no strings).
     */
    static NDArray guard(Supplier<NDArray> op, Function<EngineException, OpFailure> describe) {
        try {
            return op.get();
        } catch (EngineException e) {
            throw describe.apply(e);
        }
    }

    /**
     * The failure of {@code expression} on the named operands. Its message is NumPy's, verbatim; a refusal over the
     * limits names the expression and the operands' shapes before saying what would be too large:
     * {@code np.dot(x, W1) + b1 with np.dot(x, W1) (5000, 1) and b1 (5000,): the result (5000, 5000) would hold…}.
     */
    static OpFailure at(EngineException e, String expression, Operand... operands) {
        String message = e.getMessage();
        if (e instanceof LimitException || e instanceof RankException) {
            String shapes = java.util.Arrays.stream(operands).map(Operand::toString).collect(Collectors.joining(" and "));
            message = expression + " with " + shapes + ": " + message;
        }
        return new OpFailure(message, expression, List.of(operands), e);
    }

    public String expression() {
        return expression;
    }

    public List<Operand> operands() {
        return operands;
    }

    /** What was raised: a {@link NumpyException} or a {@link LimitException}. */
    public EngineException reason() {
        return reason;
    }

    /** The error's class: NumPy's Python exception class ({@code ValueError}…) or {@code LimitError}. */
    public String kind() {
        return reason.kind();
    }

    public ErrorCategory category() {
        return reason.category();
    }
}
