package org.backpropviz.app.model;

import java.util.List;
import java.util.Optional;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.Graph;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Network;
import org.backpropviz.engine.NodeId;
import org.backpropviz.engine.Operand;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioException;

/**
 * The drawn computation graph of the lesson's two-layer net: its nodes, its edges, and which array of a {@link Trace}
 * each one shows. A node shows micrograd's {@code data | grad}: its value and the gradient of the loss with
 * respect to that value (so both have the same shape, unless a pitfall makes them differ). The engine's
 * {@link Graph} describes the same for a network of any depth; the nodes here answer through it.
 */
public final class NetGraph {
    private NetGraph() {}

    /**
     * The scenario, if this drawing can show its network: the lesson's two-layer ReLU net with the lesson's Affine.
     *
     * @throws ScenarioException naming the network, for any other (the engine and the command line run every network)
     */
    public static Scenario drawable(Scenario s) throws ScenarioException {
        Network n = s.inputs().network();
        if (!n.isLesson()) {
            throw new ScenarioException("this window draws the lesson's two-layer ReLU net; this file's net is " + n
                    + " (the run, gradcheck and train commands take it)");
        }
        return s;
    }

    /** The engine's graph of the lesson's net, which these nodes show. */
    private static final Graph GRAPH = Network.LESSON.graph();

    /** A node of the drawing: a data or parameter array, or an operation. */
    public enum Node {
        X("x", "x", null, Param.X),
        W1("W1", "W1", null, Param.W1),
        B1("b1", "b1", null, Param.B1),
        AFFINE1("affine1", "Affine1", "x·W1 + b1", null),
        RELU1("relu1", "ReLU", "max(0, x)", null),
        W2("W2", "W2", null, Param.W2),
        B2("b2", "b2", null, Param.B2),
        AFFINE2("affine2", "Affine2", "x·W2 + b2", null),
        SOFTMAX("softmax", "Softmax", "exp(a) / Σexp(a)", null),
        T("t", "t", null, Param.T),
        LOSS("loss", "Loss", "−Σ t·log y", null);

        private final String id;
        private final String title;
        private final String op;
        private final Param param;

        Node(String id, String title, String op, Param param) {
            this.id = id;
            this.title = title;
            this.op = op;
            this.param = param;
        }

        /** The id: an engine node id ({@code affine1} …) or a parameter label ({@code W1} …). */
        public String id() { return id; }

        /** The name drawn on the node: {@code Affine1}, {@code ReLU}, {@code W1}. */
        public String title() { return title; }

        /** The operation as the lesson writes it, or null for a data node. */
        public String op() { return op; }

        public boolean isOp() { return param == null; }

        public Optional<Param> param() { return Optional.ofNullable(param); }

        /** The engine's node this one draws. */
        public Graph.Node engineNode() {
            for (Graph.Node n : GRAPH.nodes()) if (n.id().equals(id)) return n;
            throw new IllegalStateException("no engine node " + id);
        }

        /** The engine's id of an op node. @throws IllegalStateException for a data node */
        public NodeId opId() {
            if (engineNode() instanceof Graph.OpNode o) return o.node();
            throw new IllegalStateException(id + " is not an operation");
        }

        public static Node byId(String id) {
            for (Node n : values()) if (n.id.equals(id)) return n;
            throw new IllegalArgumentException("no node " + id);
        }

        /** The value the node shows in this snapshot: a parameter's array, or an op's forward output. */
        public Optional<NDArray> value(Trace t) {
            return GRAPH.value(engineNode(), t);
        }

        /** dLoss/dvalue in this snapshot, once the backward pass has computed it. */
        public Optional<NDArray> grad(Trace t) {
            return GRAPH.grad(engineNode(), t);
        }

        /** True for nodes that never get a gradient of their own (t; softmax, fused with the loss in the book). */
        public boolean hasNoGrad() {
            return Graph.hasNoGrad(engineNode());
        }
    }

    /** An edge: the value of {@code from} flows into {@code to} forward, its gradient flows back. */
    public record Edge(Node from, Node to) {
        public String id() {
            return "edge-" + from.id() + "-" + to.id();
        }
    }

    public static final List<Edge> EDGES = List.of(
            new Edge(Node.X, Node.AFFINE1), new Edge(Node.W1, Node.AFFINE1), new Edge(Node.B1, Node.AFFINE1),
            new Edge(Node.AFFINE1, Node.RELU1), new Edge(Node.RELU1, Node.AFFINE2),
            new Edge(Node.W2, Node.AFFINE2), new Edge(Node.B2, Node.AFFINE2),
            new Edge(Node.AFFINE2, Node.SOFTMAX), new Edge(Node.SOFTMAX, Node.LOSS), new Edge(Node.T, Node.LOSS));

    /** The main input edge of an op node (x into Affine1, ReLU's output into Affine2, …). */
    public static Edge inputEdge(Node op) {
        for (Edge e : EDGES) if (e.to() == op && e.from().isOp() || e.to() == op && e.from() == Node.X) return e;
        throw new IllegalArgumentException(op + " has no input edge");
    }

    /** The edge leaving an op node (Loss has none). */
    public static Optional<Edge> outputEdge(Node op) {
        for (Edge e : EDGES) if (e.from() == op && e.to().isOp()) return Optional.of(e);
        return Optional.empty();
    }

    public static Edge edge(Node from, Node to) {
        for (Edge e : EDGES) if (e.from() == from && e.to() == to) return e;
        throw new IllegalArgumentException("no edge " + from + " → " + to);
    }

    /** The edges that carry the error's operand called {@code name} ({@code x.T}, {@code dout}); none for another name. */
    public static List<Edge> edgesOf(EngineError error, String name) {
        return error.operands().stream().filter(o -> o.name().equals(name)).findFirst().map(o -> edgesOf(error, o)).orElse(List.of());
    }

    /** The edges that carry an operand of an error, found from the operand's role at the error's node. */
    public static List<Edge> edgesOf(EngineError error, Operand operand) {
        Node node = Node.byId(error.node());
        return GRAPH.edgesOf(node.opId(), operand.role()).stream()
                .map(e -> edge(Node.byId(e.from().id()), Node.byId(e.to().id()))).toList();
    }
}
