package org.backpropviz.engine;

import java.util.Optional;

/**
 * How large a result the engine computes. NumPy's semantics are kept, but broadcasting and {@code np.dot} can make a
 * small scenario ask for a huge array ({@code x} (5000, 1) + {@code b1} (5000,) is (5000, 5000), 25 million values):
 * every operation that can give a result larger than its operands checks its result's size against
 * {@link #maxResultValues()} before allocating, and refuses with a {@link LimitException} over it.
 *
 * <p>The limits a JVM runs with are {@link #current()}: the system property {@value #MAX_RESULT_VALUES_PROPERTY}
 * (default {@value #DEFAULT_MAX_RESULT_VALUES}), read once. They are immutable; a trace can be given others
 * ({@link Trace#start(NetInputs, Limits)}).
 *
 * @param maxResultValues the most values one result may hold, from 1 to {@link #MAX_SETTING}
 */
public record Limits(long maxResultValues) {
    /** The system property that sets {@link #maxResultValues()}: {@code -Dbackpropviz.maxResultValues=100000000}. */
    public static final String MAX_RESULT_VALUES_PROPERTY = "backpropviz.maxResultValues";
    public static final long DEFAULT_MAX_RESULT_VALUES = 50_000_000L;
    /** The largest setting: about the most values one Java array holds. */
    public static final long MAX_SETTING = Integer.MAX_VALUE - 8;
    /** The default limits, whatever the system property says. */
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_RESULT_VALUES);

    public Limits {
        if (maxResultValues < 1 || maxResultValues > MAX_SETTING) {
            throw new IllegalArgumentException(MAX_RESULT_VALUES_PROPERTY + ": " + maxResultValues + " is not between 1 and "
                    + LimitException.grouped(MAX_SETTING));
        }
    }

    /** This JVM's limits: the system property, read the first time the engine asks. */
    public static Limits current() {
        return Setting.READ.limits();
    }

    /**
     * Why this JVM's system property was not taken, e.g. {@code backpropviz.maxResultValues: "lots" is not a whole
     * number}; empty when it is absent or valid. The engine then keeps the default; the jar's entry point names the
     * problem and starts nothing.
     */
    public static Optional<String> settingProblem() {
        return Optional.ofNullable(Setting.READ.problem());
    }

    /**
     * The limits a property value gives: a whole number from 1 to {@link #MAX_SETTING}, digits optionally grouped
     * with {@code _} or {@code ,}; null or blank gives the default. @throws IllegalArgumentException saying why not
     */
    public static Limits parse(String value) {
        if (value == null || value.isBlank()) return DEFAULT;
        String digits = value.strip().replace("_", "").replace(",", "");
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_RESULT_VALUES_PROPERTY + ": \"" + value.strip() + "\" is not a whole number");
        }
        return new Limits(n);
    }

    /**
     * Refuses a result of this shape when it would hold more than {@link #maxResultValues()} values. Counted in
     * {@code long}, so a shape whose size overflows an {@code int} is refused too.
     *
     * @param what the result's name in the message: {@code "the result"}, or an intermediate such as
     *     {@code "y[np.arange(batch_size), t]"}
     * @throws LimitException over the limit
     */
    public void check(int[] resultShape, String what) {
        long n = 1;
        for (int d : resultShape) n = n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d; // six dimensions may overflow a long
        if (n > maxResultValues) throw new LimitException(what, resultShape, n, maxResultValues);
    }

    /** {@link #check(int[], String)} for an operation's result. */
    void check(int[] resultShape) {
        check(resultShape, "the result");
    }

    /** What a property value sets: the limits, and why the value was not taken (null when it was). */
    record Setting(Limits limits, String problem) {
        /** This JVM's system property, read once. */
        static final Setting READ = read(System.getProperty(MAX_RESULT_VALUES_PROPERTY));
    }

    /** The setting a property value gives: {@link #parse} it, or keep the default and say why. */
    static Setting read(String value) {
        try {
            return new Setting(parse(value), null);
        } catch (IllegalArgumentException e) {
            return new Setting(DEFAULT, e.getMessage());
        }
    }
}
