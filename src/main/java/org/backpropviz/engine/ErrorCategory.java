package org.backpropviz.engine;

import java.util.Locale;

/** What an engine error is about, beside the exception class it names. */
public enum ErrorCategory {
    /**
     * The operands' own shapes disagree: {@code np.dot}'s alignment error and NumPy's broadcasting errors (including
     * an in-place {@code -=} whose result would not fit its target). NumPy raises a {@code ValueError}.
     */
    SHAPE,
    /** The engine refused to compute a result larger than its limit ({@link Limits}); NumPy would have computed it. */
    LIMIT,
    /** Any other error NumPy raises: an index out of bounds, float labels, an axis the array does not have… */
    OTHER;

    /** {@code "shape"}, {@code "limit"} or {@code "other"}, as the command line writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
