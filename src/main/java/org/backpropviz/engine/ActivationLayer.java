package org.backpropviz.engine;

import java.util.List;

/**
 * An {@link Activation} at its place in a network: node {@code <kind>k} between Affine layer k and Affine layer k+1.
 *
 * @param kind what it computes
 * @param index k: the number of the Affine layer before it
 */
public record ActivationLayer(Activation kind, int index) implements Layer {
    public ActivationLayer {
        if (index < 1) throw new IllegalArgumentException("an activation follows Affine layer 1 or later, not " + index);
    }

    /** Its node, e.g. {@code relu1} or {@code sigmoid2}. */
    public NodeId node() {
        return new NodeId(kind.id(), index);
    }

    @Override
    public List<NodeId> nodes() {
        return List.of(node());
    }

    @Override
    public void run(Step step, StepContext ctx) {
        if (step.phase() == Phase.FORWARD) kind.forward(this, ctx);
        else kind.backward(this, ctx);
    }

    @Override
    public PythonSource source() {
        return kind.source();
    }

    @Override
    public String pythonClass() {
        return kind.pythonClass();
    }

    @Override
    public String pythonConstructor() {
        return kind.pythonClass() + "()";
    }

    @Override
    public Card card(NodeId node) {
        return new Card(kind.title(), kind.op());
    }

    @Override
    public List<Formula> formulas(NodeId node, Trace t) {
        return kind.formulas(this, t);
    }
}
