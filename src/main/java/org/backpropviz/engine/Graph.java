package org.backpropviz.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The drawn computation graph of a {@link Network}: its data nodes (x, each Wk and bk, t), its op nodes (one per
 * {@link NodeId}), the edges between them, and which array of a {@link Trace} each node shows. A node shows
 * micrograd's {@code data | grad}: its value and the gradient of the loss with respect to that value. Built by
 * {@link Network#graph()}; immutable.
 */
public final class Graph {
    /** A node of the drawing. */
    public sealed interface Node permits DataNode, OpNode {
        /** {@code x}, {@code W1}, {@code t} for data; {@code affine1}, {@code relu1}, {@code softmax} for ops. */
        String id();
    }

    /** An array of the scenario: x, a parameter, or t. */
    public record DataNode(Param param) implements Node {
        @Override
        public String id() {
            return param.label();
        }
    }

    /** An operation: a node of a layer. */
    public record OpNode(NodeId node, Layer layer) implements Node {
        @Override
        public String id() {
            return node.name();
        }

        /** Its card: title and operation. */
        public Card card() {
            return layer.card(node);
        }
    }

    /** The value of {@code from} flows into {@code to} forward; its gradient flows back. */
    public record Edge(Node from, Node to) {
        public String id() {
            return "edge-" + from.id() + "-" + to.id();
        }
    }

    private final Network network;
    private final List<Node> nodes;
    private final List<Edge> edges;

    Graph(Network network) {
        this.network = network;
        List<Node> ns = new ArrayList<>();
        List<Edge> es = new ArrayList<>();
        Node previous = new DataNode(Param.X);
        ns.add(previous);
        for (Layer l : network.layers()) {
            List<Node> params = new ArrayList<>();
            for (Param p : l.params()) params.add(new DataNode(p));
            ns.addAll(params);
            for (NodeId id : l.nodes()) {
                OpNode op = new OpNode(id, l);
                if (id.equals(SoftmaxWithLoss.LOSS)) ns.add(new DataNode(Param.T));
                ns.add(op);
                es.add(new Edge(previous, op));
                if (id.equals(l.nodes().get(0))) for (Node p : params) es.add(new Edge(p, op));
                if (id.equals(SoftmaxWithLoss.LOSS)) es.add(new Edge(new DataNode(Param.T), op));
                previous = op;
            }
        }
        nodes = List.copyOf(ns);
        edges = List.copyOf(es);
    }

    public Network network() {
        return network;
    }

    /**
     * Every node in drawing order: x, then per layer its parameters and its node (W1, b1, affine1, relu1, W2, b2,
     * affine2, …), softmax, t, loss.
     */
    public List<Node> nodes() {
        return nodes;
    }

    /** Every edge: each op's input edge, then the edges of its parameters (and t into the loss). */
    public List<Edge> edges() {
        return edges;
    }

    /** The op node of an id. */
    public OpNode op(NodeId id) {
        return new OpNode(id, network.layerOf(id));
    }

    /** The main edge into an op node: from x or from the op before it. */
    public Edge inputEdge(NodeId op) {
        for (Edge e : edges) if (e.to() instanceof OpNode o && o.node().equals(op) && isMain(e.from())) return e;
        throw new IllegalArgumentException("no op node " + op);
    }

    /** The edge from an op node to the next op node; empty for the loss. */
    public Optional<Edge> outputEdge(NodeId op) {
        for (Edge e : edges) if (e.from() instanceof OpNode o && o.node().equals(op)) return Optional.of(e);
        return Optional.empty();
    }

    /** The edge from a data node into its op node. */
    public Edge edgeFrom(Param p) {
        for (Edge e : edges) if (e.from() instanceof DataNode d && d.param().equals(p)) return e;
        throw new IllegalArgumentException("no node " + p.label());
    }

    /**
     * The edges that carry an operand of the computation at op node {@code node}, from its role: its input (and the
     * gradient sent back along it), its weights or bias (and their gradients), its output (and the gradient arriving
     * along it), the target. Empty for an operand that travels on no edge.
     */
    public List<Edge> edgesOf(NodeId node, Operand.Role role) {
        Layer layer = network.layerOf(node);
        return switch (role) {
            case INPUT, DX -> List.of(inputEdge(node));
            case WEIGHT, DW -> layer.params().isEmpty() ? List.of() : List.of(edgeFrom(layer.params().get(0)));
            case BIAS, DB -> layer.params().size() < 2 ? List.of() : List.of(edgeFrom(layer.params().get(1)));
            case PRODUCT -> layer.params().isEmpty() ? List.of(inputEdge(node)) : List.of(inputEdge(node), edgeFrom(layer.params().get(0)));
            case OUTPUT, DOUT -> outputEdge(node).map(List::of).orElse(List.of());
            case TARGET -> List.of(edgeFrom(Param.T));
            case OTHER -> List.of();
        };
    }

    // ------------------------------------------------------------------ what a node shows

    /** The value a node shows in a snapshot: a data node's array, or an op's forward output. */
    public Optional<NDArray> value(Node n, Trace t) {
        if (n instanceof DataNode d) return Optional.of(t.inputs().get(d.param()));
        return t.forward(((OpNode) n).node());
    }

    /**
     * dLoss/dvalue in a snapshot, once the backward pass has computed it: x's is what the first layer sends back, a
     * parameter's its gradient, an op's what the next node sends back; the loss's is 1 once the backward pass has
     * started; t and the softmax (fused with the loss in the book) have none.
     */
    public Optional<NDArray> grad(Node n, Trace t) {
        if (n instanceof DataNode d) {
            return switch (d.param().role()) {
                case X -> t.backward(network.layers().get(0).backwardNode());
                case W, B -> t.grad(d.param());
                case T -> Optional.empty();
            };
        }
        NodeId id = ((OpNode) n).node();
        if (id.equals(SoftmaxWithLoss.SOFTMAX)) return Optional.empty();
        if (id.equals(SoftmaxWithLoss.LOSS)) {
            int lossStep = network.steps().indexOf(new Step(SoftmaxWithLoss.LOSS, Phase.FORWARD));
            return t.stepsDone() > lossStep + 1 ? Optional.of(NDArray.scalar(1.0)) : Optional.empty();
        }
        return network.after(network.layerOf(id)).flatMap(next -> t.backward(next.backwardNode()));
    }

    /** True for nodes that never get a gradient of their own: t, and the softmax (fused with the loss in the book). */
    public static boolean hasNoGrad(Node n) {
        return n instanceof DataNode d ? d.param().equals(Param.T) : ((OpNode) n).node().equals(SoftmaxWithLoss.SOFTMAX);
    }

    private static boolean isMain(Node from) {
        return from instanceof OpNode || (from instanceof DataNode d && d.param().equals(Param.X));
    }
}
