package org.backpropviz.engine;

import java.util.List;

/**
 * A layer at its place in a {@link Network}, as the book's {@code layers.py} writes one: its forward and backward
 * computation side by side, and everything the rest of the program shows of it (its Python source, its card in the
 * graph, its formulas, its line in the NumPy export). A network is an ordered list of layers; the trace, the gradient
 * check, the trainer and the export walk that list.
 *
 * <p>Kinds: {@link Affine.Layer}, {@link ActivationLayer} (with one of the {@link Activations}, e.g. {@link Relu}),
 * and {@link SoftmaxWithLoss.Layer}. Implementations are immutable values.
 */
public interface Layer {
    /** The nodes it draws, in forward order: one, or {@code softmax} and {@code loss} for SoftmaxWithLoss. */
    List<NodeId> nodes();

    /** The node whose forward output the next layer reads (the last of {@link #nodes()}). */
    default NodeId outputNode() {
        return nodes().get(nodes().size() - 1);
    }

    /** The node under which its backward pass stores the gradient it sends to its input ({@code dx}). */
    default NodeId backwardNode() {
        return nodes().get(0);
    }

    /** Its forward steps, in order. */
    default List<Step> forwardSteps() {
        List<NodeId> nodes = nodes();
        Step[] steps = new Step[nodes.size()];
        for (int i = 0; i < steps.length; i++) steps[i] = new Step(nodes.get(i), Phase.FORWARD);
        return List.of(steps);
    }

    /** Its backward steps, in order. */
    default List<Step> backwardSteps() {
        return List.of(new Step(backwardNode(), Phase.BACKWARD));
    }

    /** The parameters it owns, e.g. {@code W2, b2}; none for most layers. */
    default List<Param> params() {
        return List.of();
    }

    /**
     * Runs one of its steps: reads what it needs from {@code ctx}, writes the result and the lines it executes there.
     *
     * @throws OpFailure where NumPy would raise
     */
    void run(Step step, StepContext ctx);

    /** Its Python source, as the lesson or the book prints it. */
    PythonSource source();

    /** The Python class name in {@link #source()}, e.g. {@code Affine}. */
    String pythonClass();

    /** The Python expression that makes it in the NumPy export, e.g. {@code Affine(W2, b2)}. */
    String pythonConstructor();

    /** What the card of one of its nodes says. */
    Card card(NodeId node);

    /** A node's formulas, with the shapes of a snapshot ({@code ?} for what it has not computed). */
    List<Formula> formulas(NodeId node, Trace t);
}
