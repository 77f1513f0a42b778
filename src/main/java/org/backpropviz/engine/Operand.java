package org.backpropviz.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named array of a layer's computation, as an error or a line of source names it: the name the lesson gives it
 * ({@code x}, {@code W1.T}, {@code dout}, {@code self.W}), its shape, and its {@link Role}: where it comes from in the
 * graph, so that a view finds its edge without reading the name. Two operands are equal when name and shape are (the
 * name fixes the role within a node).
 */
public record Operand(String name, int[] shape, Role role) {
    /** Where an operand of a node's computation comes from, relative to that node. */
    public enum Role {
        /** The value arriving forward at the node (x; the softmax's y at the loss; the cached input, e.g. ReLU's mask). */
        INPUT,
        /** The node's weights {@code Wk}. */
        WEIGHT,
        /** The node's bias {@code bk}. */
        BIAS,
        /** {@code np.dot(x, W)}: made of the input and the weights. */
        PRODUCT,
        /** The node's own forward output (a cached {@code self.out}; the softmax's y in its backward pass). */
        OUTPUT,
        /** The target t. */
        TARGET,
        /** The gradient arriving from the next node, {@code dout}. */
        DOUT,
        /** The gradient the node sends back to its input, {@code dx}. */
        DX,
        /** The gradient of the node's weights, {@code dW}. */
        DW,
        /** The gradient of the node's bias, {@code db}. */
        DB,
        /** Anything else (a batch size, a parameter outside the graph). */
        OTHER
    }

    public Operand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        shape = shape.clone();
    }

    /** An operand of no particular role. */
    public Operand(String name, int[] shape) {
        this(name, shape, Role.OTHER);
    }

    public static Operand of(String name, NDArray a) {
        return new Operand(name, a.shape());
    }

    public static Operand of(String name, NDArray a, Role role) {
        return new Operand(name, a.shape(), role);
    }

    /** The operand {@code a.T} by name, without computing the transpose (a 0-D or 1-D array is its own transpose). */
    public static Operand transposed(String name, NDArray a) {
        return transposed(name, a, Role.OTHER);
    }

    /** {@link #transposed(String, NDArray)} with a role. */
    public static Operand transposed(String name, NDArray a, Role role) {
        int[] s = a.shape(), t = new int[s.length]; // NumPy's .T reverses the axes
        for (int i = 0; i < s.length; i++) t[i] = s[s.length - 1 - i];
        return new Operand(name, t, role);
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
