package org.backpropviz.app.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backpropviz.engine.Card;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.Graph;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Network;
import org.backpropviz.engine.NodeId;
import org.backpropviz.engine.Operand;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;

/**
 * The drawn computation graph of a network of any depth: its nodes, its edges, and which array of a {@link Trace}
 * each one shows. A node shows micrograd's {@code data | grad}: its value and the gradient of the loss with
 * respect to that value (so both have the same shape, unless a pitfall makes them differ). Built from the engine's
 * {@link Graph} of the network, in its drawing order; the nodes answer through it. One instance per network.
 */
public final class NetGraph {
    /** A few networks at most are drawn in a session; the cache only saves rebuilding their nodes. */
    private static final Map<Network, NetGraph> CACHE = new HashMap<>();

    private final Network network;
    private final Graph graph;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges;

    private NetGraph(Network network) {
        this.network = network;
        this.graph = network.graph();
        for (Graph.Node n : graph.nodes()) nodes.put(n.id(), new Node(this, n));
        List<Edge> es = new ArrayList<>();
        for (Graph.Edge e : graph.edges()) es.add(new Edge(nodes.get(e.from().id()), nodes.get(e.to().id())));
        edges = List.copyOf(es);
    }

    /** The drawing of {@code network}. */
    public static synchronized NetGraph of(Network network) {
        NetGraph g = CACHE.get(network);
        if (g == null) {
            if (CACHE.size() > 32) CACHE.clear();
            g = new NetGraph(network);
            CACHE.put(network, g);
        }
        return g;
    }

    /** The drawing of the lesson's two-layer net. */
    public static NetGraph lesson() {
        return of(Network.LESSON);
    }

    public Network network() {
        return network;
    }

    /** Every node in drawing order: x, then per layer its parameters and its op nodes, softmax, t, loss. */
    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The node of an id ({@code affine3}, {@code W3}, {@code x}). @throws IllegalArgumentException if there is none */
    public Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) throw new IllegalArgumentException("no node " + id + " in " + network);
        return n;
    }

    public Optional<Node> find(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** A node of the drawing: a data or parameter array, or an operation. Equal when their ids are. */
    public static final class Node {
        public static final Node X = lesson().node("x");
        public static final Node W1 = lesson().node("W1");
        public static final Node B1 = lesson().node("b1");
        public static final Node AFFINE1 = lesson().node("affine1");
        public static final Node RELU1 = lesson().node("relu1");
        public static final Node W2 = lesson().node("W2");
        public static final Node B2 = lesson().node("b2");
        public static final Node AFFINE2 = lesson().node("affine2");
        public static final Node SOFTMAX = lesson().node("softmax");
        public static final Node T = lesson().node("t");
        public static final Node LOSS = lesson().node("loss");

        private final NetGraph owner;
        private final Graph.Node engine;
        private final Card card;

        private Node(NetGraph owner, Graph.Node engine) {
            this.owner = owner;
            this.engine = engine;
            this.card = engine instanceof Graph.OpNode o ? o.card() : null;
        }

        /** The id: an engine node id ({@code affine1} …) or a parameter label ({@code W1} …). */
        public String id() { return engine.id(); }

        /** The name drawn on the node: {@code Affine1}, {@code ReLU}, {@code W1}. */
        public String title() { return card == null ? engine.id() : card.title(); }

        /** The operation as the lesson writes it, or null for a data node. */
        public String op() { return card == null ? null : card.op(); }

        public boolean isOp() { return card != null; }

        public Optional<Param> param() {
            return engine instanceof Graph.DataNode d ? Optional.of(d.param()) : Optional.empty();
        }

        /** The network this node belongs to. */
        public NetGraph graph() { return owner; }

        /** The engine's node this one draws. */
        public Graph.Node engineNode() { return engine; }

        /** The engine's id of an op node. @throws IllegalStateException for a data node */
        public NodeId opId() {
            if (engine instanceof Graph.OpNode o) return o.node();
            throw new IllegalStateException(id() + " is not an operation");
        }

        /** The lesson net's node of an id. */
        public static Node byId(String id) {
            return lesson().node(id);
        }

        /** The value the node shows in this snapshot: a parameter's array, or an op's forward output. */
        public Optional<NDArray> value(Trace t) {
            return in(t).flatMap(n -> n.owner.graph.value(n.engine, t));
        }

        /** dLoss/dvalue in this snapshot, once the backward pass has computed it. */
        public Optional<NDArray> grad(Trace t) {
            return in(t).flatMap(n -> n.owner.graph.grad(n.engine, t));
        }

        /** True for nodes that never get a gradient of their own (t; softmax, fused with the loss in the book). */
        public boolean hasNoGrad() {
            return Graph.hasNoGrad(engine);
        }

        /**
         * The arguments of this node's "no gradient" text ({@code node.noGrad.<id>}): the title of the last Affine,
         * which softmax's fused gradient {@code (y − t)/batch} reaches (Affine2 in the lesson's net, Affine4 in a 4-layer one).
         */
        public Object[] noGradArgs() {
            String last = owner.nodes().stream().filter(n -> n.id().startsWith("affine")).reduce((a, b) -> b)
                    .map(Node::title).orElse("Affine");
            return new Object[] {last};
        }

        /** This node in the drawing of the snapshot's network (empty when that network has no such node). */
        private Optional<Node> in(Trace t) {
            return t.network().equals(owner.network) ? Optional.of(this) : of(t.network()).find(id());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && n.id().equals(id());
        }

        @Override
        public int hashCode() {
            return id().hashCode();
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** An edge: the value of {@code from} flows into {@code to} forward, its gradient flows back. */
    public record Edge(Node from, Node to) {
        public String id() {
            return "edge-" + from.id() + "-" + to.id();
        }
    }

    /** The lesson net's edges. */
    public static final List<Edge> EDGES = lesson().edges();

    /** The main input edge of an op node (x into Affine1, ReLU's output into Affine2, …). */
    public static Edge inputEdge(Node op) {
        NetGraph g = op.owner;
        Graph.Edge e = g.graph.inputEdge(op.opId());
        return edge(g.node(e.from().id()), op);
    }

    /** The edge leaving an op node (Loss has none). */
    public static Optional<Edge> outputEdge(Node op) {
        NetGraph g = op.owner;
        return g.graph.outputEdge(op.opId()).map(e -> edge(op, g.node(e.to().id())));
    }

    public static Edge edge(Node from, Node to) {
        for (Edge e : from.owner.edges) if (e.from().equals(from) && e.to().equals(to)) return e;
        throw new IllegalArgumentException("no edge " + from + " → " + to);
    }

    /** The lesson net's edges that carry the error's operand called {@code name}; none for another name. */
    public static List<Edge> edgesOf(EngineError error, String name) {
        return edgesOf(Network.LESSON, error, name);
    }

    /** The edges of {@code network} that carry the error's operand called {@code name} ({@code x.T}, {@code dout}). */
    public static List<Edge> edgesOf(Network network, EngineError error, String name) {
        return error.operands().stream().filter(o -> o.name().equals(name)).findFirst()
                .map(o -> edgesOf(network, error, o)).orElse(List.of());
    }

    /** The edges that carry an operand of an error, found from the operand's role at the error's node. */
    public static List<Edge> edgesOf(Network network, EngineError error, Operand operand) {
        NetGraph g = of(network);
        Node node = g.node(error.node());
        return g.graph.edgesOf(node.opId(), operand.role()).stream()
                .map(e -> edge(g.node(e.from().id()), g.node(e.to().id()))).toList();
    }
}
