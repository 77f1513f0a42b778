package org.backpropviz.engine;

import java.util.List;

/**
 * The nine steps of one iteration, in order: the forward pass node by node, then the backward pass in reverse.
 * The first backward step is the book's {@code SoftmaxWithLoss.backward(1)}: it starts at the loss and sends
 * {@code (y - t) / batch_size} back to Affine2.
 */
public enum Step {
    AFFINE1_FORWARD("affine1", Phase.FORWARD),
    RELU1_FORWARD("relu1", Phase.FORWARD),
    AFFINE2_FORWARD("affine2", Phase.FORWARD),
    SOFTMAX_FORWARD("softmax", Phase.FORWARD),
    LOSS_FORWARD("loss", Phase.FORWARD),
    SOFTMAX_BACKWARD("softmax", Phase.BACKWARD),
    AFFINE2_BACKWARD("affine2", Phase.BACKWARD),
    RELU1_BACKWARD("relu1", Phase.BACKWARD),
    AFFINE1_BACKWARD("affine1", Phase.BACKWARD);

    /** All steps in execution order. */
    public static final List<Step> ORDER = List.of(values());

    /** The op nodes in forward order. */
    public static final List<String> NODES = List.of("affine1", "relu1", "affine2", "softmax", "loss");

    private final String node;
    private final Phase phase;

    Step(String node, Phase phase) {
        this.node = node;
        this.phase = phase;
    }

    /** The node id: {@code affine1}, {@code relu1}, {@code affine2}, {@code softmax} or {@code loss}. */
    public String node() {
        return node;
    }

    public Phase phase() {
        return phase;
    }
}
