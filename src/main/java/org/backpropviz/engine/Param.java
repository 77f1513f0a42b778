package org.backpropviz.engine;

import java.util.List;
import java.util.Objects;

/**
 * An array a scenario gives the net: the input x, the target t, or a parameter of Affine layer k ({@code Wk} or
 * {@code bk}). A value: {@code Param.w(1).equals(Param.W1)}; the factories and {@link #byLabel} return one instance
 * per parameter, so {@code Param.w(1) == Param.W1} too. Ordered as a scenario lists them: x, W1, b1, W2, b2, …,
 * t.
 *
 * @param role what the array is
 * @param layer k for {@code Wk} and {@code bk}; 0 for x and t
 */
public record Param(Role role, int layer) implements Comparable<Param> {
    /** What an array is to the net. */
    public enum Role {
        /** The input, {@code x}. */
        X,
        /** The weights {@code Wk} of Affine layer k. */
        W,
        /** The bias {@code bk} of Affine layer k. */
        B,
        /** The target, {@code t}: one-hot rows or class labels. */
        T
    }

    /** One instance per parameter, so that {@code ==} works as it did when Param was an enum. */
    private static final java.util.concurrent.ConcurrentHashMap<Param, Param> INTERNED = new java.util.concurrent.ConcurrentHashMap<>();

    public static final Param X = intern(new Param(Role.X, 0));
    public static final Param W1 = w(1);
    public static final Param B1 = b(1);
    public static final Param W2 = w(2);
    public static final Param B2 = b(2);
    public static final Param T = intern(new Param(Role.T, 0));

    /** W1, b1, W2, b2: the trainable arrays of the two-layer net (a network lists its own: {@link Network#trainable()}). */
    public static final List<Param> TRAINABLE = List.of(W1, B1, W2, B2);

    public Param {
        Objects.requireNonNull(role, "role");
        boolean layered = role == Role.W || role == Role.B;
        if (layered ? layer < 1 : layer != 0) {
            throw new IllegalArgumentException(role + (layered ? " needs a layer number of 1 or more" : " has no layer number") + ", not " + layer);
        }
    }

    /** {@code Wk} (the one instance of it). */
    public static Param w(int k) {
        return intern(new Param(Role.W, k));
    }

    /** {@code bk} (the one instance of it). */
    public static Param b(int k) {
        return intern(new Param(Role.B, k));
    }

    private static Param intern(Param p) {
        Param known = INTERNED.putIfAbsent(p, p);
        return known != null ? known : p;
    }

    /** The name as the lesson writes it: {@code x}, {@code W1}, {@code b1}, {@code W3}, {@code t}. */
    public String label() {
        return switch (role) {
            case X -> "x";
            case T -> "t";
            case W -> "W" + layer;
            case B -> "b" + layer;
        };
    }

    /** True for the weights and biases, the arrays that have gradients and that SGD updates. */
    public boolean trainable() {
        return role == Role.W || role == Role.B;
    }

    /**
     * The array a scenario key names: {@code x}, {@code t}, {@code Wk} or {@code bk} with k a whole number from 1
     * written without leading zeros; null for anything else.
     */
    public static Param byLabel(String label) {
        if (label.equals("x")) return X;
        if (label.equals("t")) return T;
        if (label.length() < 2 || label.length() > 4 || (label.charAt(0) != 'W' && label.charAt(0) != 'b')) return null;
        String digits = label.substring(1);
        if (digits.charAt(0) == '0' || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        int k = Integer.parseInt(digits);
        return label.charAt(0) == 'W' ? w(k) : b(k);
    }

    /** x first, then W1, b1, W2, b2, …, and t last. */
    @Override
    public int compareTo(Param o) {
        return Integer.compare(rank(), o.rank());
    }

    private int rank() {
        return switch (role) {
            case X -> Integer.MIN_VALUE;
            case T -> Integer.MAX_VALUE;
            case W -> 2 * layer;
            case B -> 2 * layer + 1;
        };
    }

    // written out rather than generated: the generated ones bootstrap method handles on first use (tens of ms at start)
    @Override
    public boolean equals(Object o) {
        return o instanceof Param p && role == p.role && layer == p.layer;
    }

    @Override
    public int hashCode() {
        return role.ordinal() * 1_000_003 + layer;
    }

    @Override
    public String toString() {
        return label();
    }
}
