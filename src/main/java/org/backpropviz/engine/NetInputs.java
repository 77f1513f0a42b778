package org.backpropviz.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a net runs on: its {@link Network} and its arrays, x, W1, b1, …, Wn, bn and t. Immutable; {@link #with} returns
 * a copy.
 */
public final class NetInputs {
    private final Network network;
    /** In the network's order: x, W1, b1, …, t. */
    private final Map<Param, NDArray> arrays;

    /** The lesson's two-layer net ({@link Network#LESSON}) on these arrays. */
    public NetInputs(NDArray x, NDArray W1, NDArray b1, NDArray W2, NDArray b2, NDArray t) {
        this(Network.LESSON, Map.of(Param.X, Objects.requireNonNull(x, "x"), Param.W1, Objects.requireNonNull(W1, "W1"),
                Param.B1, Objects.requireNonNull(b1, "b1"), Param.W2, Objects.requireNonNull(W2, "W2"),
                Param.B2, Objects.requireNonNull(b2, "b2"), Param.T, Objects.requireNonNull(t, "t")));
    }

    /**
     * A network on its arrays.
     *
     * @param arrays exactly the arrays of {@code network.params()}
     * @throws IllegalArgumentException when one is missing or one is not the network's
     */
    public NetInputs(Network network, Map<Param, NDArray> arrays) {
        this.network = Objects.requireNonNull(network, "network");
        Map<Param, NDArray> copy = new LinkedHashMap<>();
        for (Param p : network.params()) {
            NDArray a = arrays.get(p);
            if (a == null) throw new IllegalArgumentException("no " + p.label() + " for " + network);
            copy.put(p, a);
        }
        for (Param p : arrays.keySet()) {
            if (!copy.containsKey(p)) throw new IllegalArgumentException(p.label() + " is not an array of " + network);
        }
        this.arrays = Collections.unmodifiableMap(copy);
    }

    private NetInputs(Network network, Map<Param, NDArray> ordered, boolean trusted) {
        this.network = network;
        this.arrays = ordered;
    }

    /**
     * A network on x, its parameters in order (W1, b1, …, Wn, bn) and t.
     *
     * @throws IllegalArgumentException when the count of parameters is not the network's
     */
    public static NetInputs of(Network network, NDArray x, List<NDArray> weightsAndBiases, NDArray t) {
        List<Param> trainable = network.trainable();
        if (weightsAndBiases.size() != trainable.size()) {
            throw new IllegalArgumentException(network + " has " + trainable.size() + " parameters, not " + weightsAndBiases.size());
        }
        Map<Param, NDArray> m = new LinkedHashMap<>();
        m.put(Param.X, x);
        for (int i = 0; i < trainable.size(); i++) m.put(trainable.get(i), weightsAndBiases.get(i));
        m.put(Param.T, t);
        return new NetInputs(network, m);
    }

    public Network network() {
        return network;
    }

    /** The array; @throws IllegalArgumentException when the network has no such array */
    public NDArray get(Param p) {
        NDArray a = arrays.get(p);
        if (a == null) throw new IllegalArgumentException(network + " has no " + p.label());
        return a;
    }

    /** True when the network has this array. */
    public boolean has(Param p) {
        return arrays.containsKey(p);
    }

    /** A copy with one array replaced; this object is not modified. */
    public NetInputs with(Param p, NDArray a) {
        Objects.requireNonNull(a);
        if (!arrays.containsKey(p)) throw new IllegalArgumentException(network + " has no " + p.label());
        Map<Param, NDArray> copy = new LinkedHashMap<>(arrays);
        copy.put(p, a);
        return new NetInputs(network, Collections.unmodifiableMap(copy), true);
    }

    /**
     * The same arrays with another network of the same depth (other activations, the other Affine).
     *
     * @throws IllegalArgumentException when the depths differ
     */
    public NetInputs withNetwork(Network other) {
        if (other.depth() != network.depth()) {
            throw new IllegalArgumentException("a network of " + other.depth() + " Affine layers needs other arrays than one of " + network.depth());
        }
        return new NetInputs(other, arrays, true);
    }

    public NDArray x() { return arrays.get(Param.X); }
    public NDArray W1() { return get(Param.W1); }
    public NDArray b1() { return get(Param.B1); }
    public NDArray W2() { return get(Param.W2); }
    public NDArray b2() { return get(Param.B2); }
    public NDArray t() { return arrays.get(Param.T); }

    /** The network's arrays in order: x, W1, b1, …, Wn, bn, t. */
    public List<Param> params() {
        return network.params();
    }

    /** W1, b1, …, Wn, bn. */
    public List<Param> trainable() {
        return network.trainable();
    }

    /** The weights and biases in order, W1, b1, …, Wn, bn. */
    public List<NDArray> weightsAndBiases() {
        List<NDArray> out = new ArrayList<>();
        for (Param p : trainable()) out.add(arrays.get(p));
        return out;
    }

    /** Every array, in the order x, W1, b1, …, t (unmodifiable). */
    public Map<Param, NDArray> asMap() {
        return arrays;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetInputs n && network.equals(n.network) && arrays.equals(n.arrays);
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + arrays.hashCode();
    }
}
