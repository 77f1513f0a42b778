package org.backpropviz.engine;

import java.util.List;

/**
 * A kind of element-wise layer between two Affine layers (the book's {@code Relu} and its kin): its whole
 * definition in one class, forward beside backward. An {@link ActivationLayer} places one in a network as node
 * {@code <id>k} after Affine layer k.
 *
 * <p>To add a kind: write one class implementing this interface (as {@link Relu} does) and register it in
 * {@link Activations#ALL}. Its two kernels must compute exactly what its steps compute, in the same order, so that the
 * trainer's numbers equal the graph's to the bit.
 */
public interface Activation {
    /** The name in scenario files ({@code "activations": ["relu", …]}) and the node's name before its number. */
    String id();

    /** The card's title, e.g. {@code ReLU}. */
    String title();

    /** The card's operation, e.g. {@code max(0, x)}. */
    String op();

    /** The Python class as the book prints it. */
    PythonSource source();

    /** The class name in {@link #source()}, e.g. {@code Relu}. */
    String pythonClass();

    /** The forward step of {@code layer}: reads {@code ctx.input()}, writes the output and the lines it executes. */
    void forward(ActivationLayer layer, StepContext ctx);

    /** The backward step: reads {@code ctx.dout()} and what forward cached, writes {@code dx}. */
    void backward(ActivationLayer layer, StepContext ctx);

    /** The node's formulas with the shapes of a snapshot. */
    List<Formula> formulas(ActivationLayer layer, Trace t);

    /**
     * The trainer's forward kernel: {@code out[i] = f(x[i])} for {@code i < n}, the same arithmetic as {@link #forward}.
     * {@code x} is not modified.
     */
    void forward(double[] x, double[] out, int n);

    /**
     * The trainer's backward kernel: {@code dx[i]} from {@code dout[i]} and the forward pass's input {@code x[i]} and
     * output {@code out[i]}, the same arithmetic as {@link #backward}. Only {@code dx} is modified.
     */
    void backward(double[] x, double[] out, double[] dout, double[] dx, int n);
}
