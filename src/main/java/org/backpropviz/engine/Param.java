package org.backpropviz.engine;

/** The six arrays a scenario gives the net: the input, the four parameters, and the target. */
public enum Param {
    X("x"), W1("W1"), B1("b1"), W2("W2"), B2("b2"), T("t");

    private final String label;

    Param(String label) {
        this.label = label;
    }

    /** The name as the lesson writes it: {@code x}, {@code W1}, {@code b1}, {@code W2}, {@code b2}, {@code t}. */
    public String label() {
        return label;
    }

    /** True for W1, b1, W2 and b2, the arrays that have gradients and that SGD updates. */
    public boolean trainable() {
        return this != X && this != T;
    }

    /** The parameter with this label, or null. */
    public static Param byLabel(String label) {
        for (Param p : values()) if (p.label.equals(label)) return p;
        return null;
    }

    /** W1, b1, W2, b2 in the book's order. */
    public static final java.util.List<Param> TRAINABLE = java.util.List.of(W1, B1, W2, B2);
}
