package org.backpropviz.engine;

/**
 * Why an operation did not give a result: NumPy would raise ({@link NumpyException}), or the result would be larger
 * than the engine computes ({@link LimitException}). A layer turns either into an {@link OpFailure} that names its
 * expression and operands.
 */
public abstract sealed class EngineException extends RuntimeException permits NumpyException, LimitException, RankException {
    EngineException(String message) {
        super(message, null, false, false);
    }

    /** The error's class: NumPy's Python exception class, or {@link LimitException#KIND}. */
    public abstract String kind();

    public abstract ErrorCategory category();
}
