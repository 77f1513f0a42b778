package org.backpropviz.app.model;

import java.util.List;
import java.util.Optional;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;

/**
 * The drawn computation graph of the two-layer net: its nodes, its edges, and which array of a {@link Trace}
 * each one shows. A node shows micrograd's {@code data | grad}: its value and the gradient of the loss with
 * respect to that value (so both have the same shape, unless a pitfall makes them differ).
 */
public final class NetGraph {
    private NetGraph() {}

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

        public static Node byId(String id) {
            for (Node n : values()) if (n.id.equals(id)) return n;
            throw new IllegalArgumentException("no node " + id);
        }

        /** The value the node shows in this snapshot: a parameter's array, or an op's forward output. */
        public Optional<NDArray> value(Trace t) {
            return param != null ? Optional.of(t.inputs().get(param)) : t.forward(id);
        }

        /** dLoss/dvalue in this snapshot, once the backward pass has computed it. */
        public Optional<NDArray> grad(Trace t) {
            return switch (this) {
                case X -> t.backward("affine1");
                case W1, B1, W2, B2 -> t.grad(param);
                case AFFINE1 -> t.backward("relu1");
                case RELU1 -> t.backward("affine2");
                case AFFINE2 -> t.backward("softmax");
                case LOSS -> t.stepsDone() > Step.LOSS_FORWARD.ordinal() + 1 ? Optional.of(NDArray.scalar(1.0)) : Optional.empty();
                case SOFTMAX, T -> Optional.empty();
            };
        }

        /** True for nodes that never get a gradient of their own (t; softmax, fused with the loss in the book). */
        public boolean hasNoGrad() {
            return this == T || this == SOFTMAX;
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

    /** The edges that carry the operand called {@code name} in an error at {@code node}. */
    public static List<Edge> edgesOf(EngineError error, String name) {
        Node node = Node.byId(error.node());
        String n = name.replace(".T", "");
        return switch (node) {
            case AFFINE1, AFFINE2 -> {
                String k = node == Node.AFFINE1 ? "1" : "2";
                Node w = node == Node.AFFINE1 ? Node.W1 : Node.W2;
                Node b = node == Node.AFFINE1 ? Node.B1 : Node.B2;
                if (n.equals("x")) yield List.of(inputEdge(node));
                if (n.equals("W" + k)) yield List.of(edge(w, node));
                if (n.equals("b" + k)) yield List.of(edge(b, node));
                if (n.startsWith("np.dot(")) yield List.of(inputEdge(node), edge(w, node));
                if (n.equals("dout")) yield outputEdge(node).map(List::of).orElse(List.of());
                yield List.of();
            }
            case RELU1 -> n.equals("dout") ? List.of(edge(Node.RELU1, Node.AFFINE2)) : List.of(inputEdge(node));
            case SOFTMAX, LOSS -> switch (n) {
                case "x" -> List.of(edge(Node.AFFINE2, Node.SOFTMAX));
                case "y" -> List.of(edge(Node.SOFTMAX, Node.LOSS));
                case "t" -> List.of(edge(Node.T, Node.LOSS));
                default -> List.of();
            };
            default -> List.of();
        };
    }
}
