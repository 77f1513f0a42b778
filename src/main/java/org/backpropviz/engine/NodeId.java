package org.backpropviz.engine;

import java.util.Objects;

/**
 * A drawn operation node of a network: the kind of node its layer declares ({@code "affine"}, {@code "relu"},
 * {@code "sigmoid"}, {@code "softmax"}, {@code "loss"}) and the layer's number k (0 for the unnumbered softmax and
 * loss). Compared as a value; {@link #name()} is how results and files write it and is never read back.
 *
 * @param kind the node kind, a constant of the layer kind that draws it (e.g. {@link Affine#NODE})
 * @param index k in {@code affinek} or {@code reluk}; 0 for a node a network has only once
 */
public record NodeId(String kind, int index) {
    public NodeId {
        Objects.requireNonNull(kind, "kind");
        if (index < 0) throw new IllegalArgumentException("a node's number is 0 or more, not " + index);
    }

    /** {@code affine2}, {@code sigmoid1}, {@code softmax}: the node's name in results, scenario output and the graph. */
    public String name() {
        return index == 0 ? kind : kind + index;
    }

    // written out rather than generated: the generated ones bootstrap method handles on first use (tens of ms at start)
    @Override
    public boolean equals(Object o) {
        return o instanceof NodeId n && index == n.index && kind.equals(n.kind);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + index;
    }

    @Override
    public String toString() {
        return name();
    }
}
