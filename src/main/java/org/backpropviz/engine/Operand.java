package org.backpropviz.engine;

import java.util.Arrays;

/** An operand of a failed operation: the name the lesson gives it ({@code x}, {@code W1.T}, {@code dout}) and its shape. */
public record Operand(String name, int[] shape) {
    public Operand {
        shape = shape.clone();
    }

    public static Operand of(String name, NDArray a) {
        return new Operand(name, a.shape());
    }

    /** The operand {@code a.T} by name, without computing the transpose (a 0-D or 1-D array is its own transpose). */
    public static Operand transposed(String name, NDArray a) {
        return new Operand(name, a.rank() == 2 ? new int[] {a.cols(), a.rows()} : a.shape());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The shape as Python writes it, e.g. {@code (4, 3)}. */
    public String shapeString() {
        return Shapes.tuple(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operand other && name.equals(other.name) && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + shapeString();
    }
}
