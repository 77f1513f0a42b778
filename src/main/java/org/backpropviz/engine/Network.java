package org.backpropviz.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network as the book builds one: an ordered list of layers, {@code Affine1, act1, Affine2, …, AffineN,
 * SoftmaxWithLoss}, with n ≥ 1 Affine layers and one activation between each two. Describes the structure only; the
 * arrays are a {@link NetInputs}. Immutable; equal when the activations and the Affine variant are.
 *
 * <p>Everything that walks a network walks {@link #layers()} (forward) or its steps ({@link #steps()}: every layer's
 * forward steps in order, then their backward steps in reverse): the trace, the gradient check, the trainer's set-up
 * and the NumPy export.
 */
public final class Network {
    /** The lesson's two-layer net: {@code Affine1, ReLU, Affine2, SoftmaxWithLoss} with the lesson's Affine. */
    public static final Network LESSON = of(List.of(Relu.KIND), Affine.Variant.LESSON);

    private final List<Activation> activations;
    private final Affine.Variant affine;
    private final List<Layer> layers;
    private final List<Step> steps;
    private final List<NodeId> nodes;
    private final List<Param> params;
    private final Map<NodeId, Integer> layerOfNode = new HashMap<>();

    private Network(List<Activation> activations, Affine.Variant affine) {
        this.activations = List.copyOf(activations);
        this.affine = Objects.requireNonNull(affine, "affine");
        List<Layer> ls = new ArrayList<>();
        for (int k = 1; k <= depth(); k++) {
            ls.add(new Affine.Layer(k, affine));
            if (k < depth()) ls.add(new ActivationLayer(this.activations.get(k - 1), k));
        }
        ls.add(new SoftmaxWithLoss.Layer());
        layers = List.copyOf(ls);
        List<Step> st = new ArrayList<>();
        List<NodeId> ns = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            st.addAll(layers.get(i).forwardSteps());
            for (NodeId n : layers.get(i).nodes()) {
                ns.add(n);
                layerOfNode.put(n, i);
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) st.addAll(layers.get(i).backwardSteps());
        steps = List.copyOf(st);
        nodes = List.copyOf(ns);
        List<Param> ps = new ArrayList<>();
        ps.add(Param.X);
        for (Layer l : layers) ps.addAll(l.params());
        ps.add(Param.T);
        params = List.copyOf(ps);
    }

    /**
     * The network with these activations between its Affine layers: n − 1 activations make n Affine layers.
     *
     * @param activations one per hidden layer (empty for a single Affine layer)
     * @param affine which Affine every Affine layer is
     */
    public static Network of(List<Activation> activations, Affine.Variant affine) {
        for (Activation a : activations) Objects.requireNonNull(a, "an activation");
        return new Network(activations, affine);
    }

    /** n Affine layers with the same activation between each two. */
    public static Network uniform(int depth, Activation activation, Affine.Variant affine) {
        if (depth < 1) throw new IllegalArgumentException("a network has at least one Affine layer, not " + depth);
        return of(Collections.nCopies(depth - 1, activation), affine);
    }

    // ------------------------------------------------------------------ structure

    /** n, the number of Affine layers (and of weight matrices W1 … Wn). */
    public int depth() {
        return activations.size() + 1;
    }

    /** The activation after each Affine layer but the last: n − 1 of them. */
    public List<Activation> activations() {
        return activations;
    }

    public Affine.Variant affine() {
        return affine;
    }

    /** The layers in forward order, SoftmaxWithLoss last. */
    public List<Layer> layers() {
        return layers;
    }

    /** Every step of one iteration, in order: the forward pass layer by layer, then the backward pass in reverse. */
    public List<Step> steps() {
        return steps;
    }

    /** The op nodes in forward order: {@code affine1, relu1, …, affineN, softmax, loss}. */
    public List<NodeId> nodes() {
        return nodes;
    }

    /** The arrays a scenario gives this network, in order: x, W1, b1, …, Wn, bn, t. */
    public List<Param> params() {
        return params;
    }

    /** W1, b1, …, Wn, bn. */
    public List<Param> trainable() {
        return params.subList(1, params.size() - 1);
    }

    /** Affine layer k, 1 ≤ k ≤ n. */
    public Affine.Layer affine(int k) {
        if (k < 1 || k > depth()) throw new IllegalArgumentException("no Affine layer " + k + " in a network of " + depth());
        return (Affine.Layer) layers.get(2 * (k - 1));
    }

    /** The layer that draws a node. @throws IllegalArgumentException for a node not in this network */
    public Layer layerOf(NodeId node) {
        Integer i = layerOfNode.get(node);
        if (i == null) throw new IllegalArgumentException("no node " + node + " in " + this);
        return layers.get(i);
    }

    /** True when the network draws this node. */
    public boolean has(NodeId node) {
        return layerOfNode.containsKey(node);
    }

    /** The layer before {@code layer}, or empty for the first (whose input is x). */
    public Optional<Layer> before(Layer layer) {
        int i = indexOf(layer);
        if (i < 0) throw new IllegalArgumentException(layer + " is not a layer of " + this);
        return i == 0 ? Optional.empty() : Optional.of(layers.get(i - 1));
    }

    /** The layer after {@code layer}, or empty for SoftmaxWithLoss. */
    public Optional<Layer> after(Layer layer) {
        int i = indexOf(layer);
        if (i < 0) throw new IllegalArgumentException(layer + " is not a layer of " + this);
        return i == layers.size() - 1 ? Optional.empty() : Optional.of(layers.get(i + 1));
    }

    /** The layer's place in {@link #layers()}, or -1 (its own instances are found without comparing values). */
    private int indexOf(Layer layer) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i) == layer) return i;
        return layers.indexOf(layer);
    }

    /** The drawn graph: data and op nodes, and the edges between them. */
    public Graph graph() {
        return new Graph(this);
    }

    // ------------------------------------------------------------------ variations

    /** The same network with another activation after Affine layer k. */
    public Network withActivation(int k, Activation a) {
        if (k < 1 || k >= depth()) throw new IllegalArgumentException("no activation after Affine layer " + k + " in a network of " + depth());
        List<Activation> as = new ArrayList<>(activations);
        as.set(k - 1, a);
        return of(as, affine);
    }

    /** The same layers with the other Affine. */
    public Network withAffine(Affine.Variant v) {
        return of(activations, v);
    }

    /**
     * The network with n Affine layers: activations kept where they exist, new ones the same as the last (ReLU for a
     * network that had none).
     */
    public Network withDepth(int n) {
        if (n < 1) throw new IllegalArgumentException("a network has at least one Affine layer, not " + n);
        List<Activation> as = new ArrayList<>(activations.subList(0, Math.min(n - 1, activations.size())));
        Activation fill = activations.isEmpty() ? Relu.KIND : activations.get(activations.size() - 1);
        while (as.size() < n - 1) as.add(fill);
        return of(as, affine);
    }

    /** True for the lesson's own net ({@link #LESSON}). */
    public boolean isLesson() {
        return equals(LESSON);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && activations.equals(n.activations) && affine == n.affine;
    }

    @Override
    public int hashCode() {
        return activations.hashCode() * 31 + affine.hashCode();
    }

    /** E.g. {@code affine1 → relu1 → affine2 → softmax → loss}, with {@code (repository Affine)} when it is. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (NodeId n : nodes) sb.append(sb.length() == 0 ? "" : " → ").append(n.name());
        return affine == Affine.Variant.LESSON ? sb.toString() : sb + " (repository Affine)";
    }
}
