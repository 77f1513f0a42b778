package org.backpropviz.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The arrays the two-layer net runs on: x, W1, b1, W2, b2 and t. Immutable; {@link #with} returns a copy. */
public final class NetInputs {
    private final EnumMap<Param, NDArray> arrays;

    public NetInputs(NDArray x, NDArray W1, NDArray b1, NDArray W2, NDArray b2, NDArray t) {
        arrays = new EnumMap<>(Param.class);
        arrays.put(Param.X, Objects.requireNonNull(x, "x"));
        arrays.put(Param.W1, Objects.requireNonNull(W1, "W1"));
        arrays.put(Param.B1, Objects.requireNonNull(b1, "b1"));
        arrays.put(Param.W2, Objects.requireNonNull(W2, "W2"));
        arrays.put(Param.B2, Objects.requireNonNull(b2, "b2"));
        arrays.put(Param.T, Objects.requireNonNull(t, "t"));
    }

    private NetInputs(EnumMap<Param, NDArray> arrays) {
        this.arrays = arrays;
    }

    public NDArray get(Param p) {
        return arrays.get(p);
    }

    /** A copy with one array replaced; this object is not modified. */
    public NetInputs with(Param p, NDArray a) {
        EnumMap<Param, NDArray> copy = new EnumMap<>(arrays);
        copy.put(p, Objects.requireNonNull(a));
        return new NetInputs(copy);
    }

    public NDArray x() { return arrays.get(Param.X); }
    public NDArray W1() { return arrays.get(Param.W1); }
    public NDArray b1() { return arrays.get(Param.B1); }
    public NDArray W2() { return arrays.get(Param.W2); }
    public NDArray b2() { return arrays.get(Param.B2); }
    public NDArray t() { return arrays.get(Param.T); }

    /** All six, in the order x, W1, b1, W2, b2, t. */
    public Map<Param, NDArray> asMap() {
        return Map.copyOf(arrays);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetInputs n && arrays.equals(n.arrays);
    }

    @Override
    public int hashCode() {
        return arrays.hashCode();
    }
}
