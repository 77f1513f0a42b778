package org.backpropviz.engine;

import java.util.List;
import java.util.Objects;

/**
 * One step of an iteration: a node's forward or backward computation. A network's steps ({@link Network#steps()})
 * are its layers' forward steps in order, then their backward steps in reverse; the first backward step is the
 * book's {@code SoftmaxWithLoss.backward(1)}, which starts at the loss and sends {@code (y - t) / batch_size} back to
 * the last Affine layer.
 *
 * @param id the node the step computes
 * @param phase forward or backward
 */
public record Step(NodeId id, Phase phase) {
    public static final Step AFFINE1_FORWARD = new Step(new NodeId(Affine.NODE, 1), Phase.FORWARD);
    public static final Step RELU1_FORWARD = new Step(new NodeId(Relu.NODE, 1), Phase.FORWARD);
    public static final Step AFFINE2_FORWARD = new Step(new NodeId(Affine.NODE, 2), Phase.FORWARD);
    public static final Step SOFTMAX_FORWARD = new Step(new NodeId(SoftmaxWithLoss.SOFTMAX_NODE, 0), Phase.FORWARD);
    public static final Step LOSS_FORWARD = new Step(new NodeId(SoftmaxWithLoss.LOSS_NODE, 0), Phase.FORWARD);
    public static final Step SOFTMAX_BACKWARD = new Step(new NodeId(SoftmaxWithLoss.SOFTMAX_NODE, 0), Phase.BACKWARD);
    public static final Step AFFINE2_BACKWARD = new Step(new NodeId(Affine.NODE, 2), Phase.BACKWARD);
    public static final Step RELU1_BACKWARD = new Step(new NodeId(Relu.NODE, 1), Phase.BACKWARD);
    public static final Step AFFINE1_BACKWARD = new Step(new NodeId(Affine.NODE, 1), Phase.BACKWARD);

    /** The nine steps of the lesson's two-layer net, in order (any network: {@link Network#steps()}). */
    public static final List<Step> ORDER = List.of(AFFINE1_FORWARD, RELU1_FORWARD, AFFINE2_FORWARD, SOFTMAX_FORWARD, LOSS_FORWARD,
            SOFTMAX_BACKWARD, AFFINE2_BACKWARD, RELU1_BACKWARD, AFFINE1_BACKWARD);

    /** The two-layer net's op nodes in forward order (any network: {@link Network#nodes()}). */
    public static final List<String> NODES = List.of("affine1", "relu1", "affine2", "softmax", "loss");

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phase, "phase");
    }

    /** The node's name: {@code affine1}, {@code relu1}, {@code sigmoid2}, {@code softmax} or {@code loss}. */
    public String node() {
        return id.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Step s && phase == s.phase && id.equals(s.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 2 + phase.ordinal();
    }

    @Override
    public String toString() {
        return id.name() + " " + phase.id();
    }
}
