package org.backpropviz.engine;

import static org.backpropviz.engine.OpFailure.guard;

import java.util.List;
import org.backpropviz.engine.Operand.Role;
import org.backpropviz.engine.SourceLine.Part;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's SoftmaxWithLoss, split into its two drawn nodes: {@link #softmax} and {@link #loss} forward, and one
 * {@link #backward} that sends {@code (y - t) / batch_size} to the last Affine layer, with
 * {@code batch_size = t.shape[0]} exactly as the book writes it (so a 1-D one-hot t divides by the class count).
 * {@link Layer} is the last layer of every network, with its Python source, formulas and cards.
 */
public final class SoftmaxWithLoss {
    /** The kind of its first node, {@code softmax}. */
    public static final String SOFTMAX_NODE = "softmax";
    /** The kind of its second node, {@code loss}. */
    public static final String LOSS_NODE = "loss";
    /** The softmax node: its forward output is y; its backward output the gradient sent to the last Affine layer. */
    public static final NodeId SOFTMAX = new NodeId(SOFTMAX_NODE, 0);
    /** The loss node: its forward output is the loss, a 0-D array. */
    public static final NodeId LOSS = new NodeId(LOSS_NODE, 0);

    private SoftmaxWithLoss() {}

    /** {@code y = softmax(x)}. x is not modified. */
    public static NDArray softmax(NDArray x) {
        return guard(() -> Np.softmax(x),
                e -> OpFailure.at(e, "softmax(x)", Operand.of("x", x, Role.INPUT)));
    }

    /**
     * The book's {@code cross_entropy_error(y, t)}: a 1-D y and t become one row each; a t of y's size is replaced
     * by {@code t.argmax(axis=1)}; then {@code -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size}.
     * Neither argument is modified.
     */
    public static NDArray loss(NDArray y, NDArray t) {
        return loss(y, t, Limits.current());
    }

    /** {@link #loss(NDArray, NDArray)}, refusing a lookup {@code y[np.arange(batch_size), t]} over {@code limits}. */
    public static NDArray loss(NDArray y, NDArray t, Limits limits) {
        return guard(() -> crossEntropy(y, t, limits), e -> OpFailure.at(e, "cross_entropy_error(y, t)", Operand.of("y", y, Role.INPUT), Operand.of("t", t, Role.TARGET)));
    }

    private static NDArray crossEntropy(NDArray y, NDArray t, Limits limits) {
        if (y.rank() == 1) {
            t = t.reshape(1, t.size());
            y = y.reshape(1, y.size());
        }
        Labels onehot = t.size() == y.size() ? Labels.argmax(t) : null;
        if (y.rank() == 0) throw new NumpyException("tuple index out of range", "IndexError");
        int batch = y.dim(0);
        Labels labels = onehot != null ? onehot : Labels.of(t);
        double sum = 0;
        for (int i : labels.pick(batch, y, limits, "y[np.arange(batch_size), t]")) sum += Math.log(y.flat(i) + 1e-7);
        return NDArray.scalar(-sum / batch);
    }

    /**
     * {@code SoftmaxWithLoss.backward(dout=1)}: {@code batch_size = t.shape[0]}; {@code (y - t) / batch_size} when
     * {@code t.size == y.size}, else y with 1 subtracted at each row's label, divided by batch_size. Returns da2;
     * neither argument is modified.
     */
    public static NDArray backward(NDArray y, NDArray t) {
        return backward(y, t, Limits.current());
    }

    /** {@link #backward(NDArray, NDArray)}, refusing a result or a lookup over {@code limits}. */
    public static NDArray backward(NDArray y, NDArray t, Limits limits) {
        return guard(() -> gradient(y, t, limits), e -> OpFailure.at(e, "dx = (y - t) / batch_size", Operand.of("y", y, Role.OUTPUT), Operand.of("t", t, Role.TARGET)));
    }

    private static NDArray gradient(NDArray y, NDArray t, Limits limits) {
        if (t.rank() == 0) throw new NumpyException("tuple index out of range", "IndexError");
        int batch = t.dim(0);
        if (t.size() == y.size()) return Np.divide(Np.subtract(y, t, limits), batch);
        Labels labels = Labels.of(t);
        if (y.rank() < 2) {
            throw new NumpyException("too many indices for array: array is " + y.rank() + "-dimensional, but 2 were indexed",
                    "IndexError");
        }
        DMatrixRMaj dx = y.toMatrix();
        // dx[np.arange(batch_size), t] -= 1: a position named twice is still decremented once, as in NumPy
        boolean[] seen = new boolean[dx.getNumElements()];
        for (int i : labels.pick(batch, y, limits, "dx[np.arange(batch_size), t]")) {
            if (!seen[i]) dx.data[i] -= 1;
            seen[i] = true;
        }
        return Np.divide(NDArray.wrap(y.shape(), dx), batch);
    }

    /** Integer class labels, as NumPy's fancy indexing {@code y[np.arange(batch), t]} uses them. */
    private record Labels(int[] shape, long[] values) {
        static Labels argmax(NDArray t) {
            int[] shape = Np.argmaxAxis1Shape(t), idx = Np.argmaxAxis1(t);
            long[] v = new long[idx.length];
            for (int i = 0; i < idx.length; i++) v[i] = idx[i];
            return new Labels(shape, v);
        }

        static Labels of(NDArray t) {
            if (!t.isInteger()) { // labels written as 1.0 are a float array, and NumPy will not index with it
                throw new NumpyException("arrays used as indices must be of integer (or boolean) type", "IndexError");
            }
            long[] v = new long[t.size()];
            for (int i = 0; i < v.length; i++) v[i] = (long) t.flat(i);
            return new Labels(t.shape(), v);
        }

        /**
         * The flat positions ({@code row * y.cols() + column}) of {@code y[np.arange(batch), labels]}, in C order of
         * the broadcast index shape; for a y of rank 3 or more, every position of the block {@code y[row, column]}. As NumPy, the index arrays must broadcast together first; then every index of
         * axis 0 is checked, then every label, each array in its own order; a negative label counts from the end.
         * A lookup larger than both y and the labels (t (N, 1) gives (N, N)) is checked against the limits first.
         */
        int[] pick(int batch, NDArray y, Limits limits, String lookup) {
            int[] rowsShape = {batch};
            int[] s;
            try {
                s = Np.broadcastShape(rowsShape, shape);
            } catch (NumpyException e) {
                throw new NumpyException("shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + Shapes.compact(rowsShape) + " " + Shapes.compact(shape) + " ", "IndexError");
            }
            if (batch > y.dim(0)) index(y.dim(0), 0, y.dim(0)); // np.arange(batch) reaches past y's rows
            int[] column = new int[values.length];
            for (int i = 0; i < values.length; i++) column[i] = index(values[i], 1, y.dim(1));
            long size = 1;
            for (int d : s) size *= d;
            if (size > y.size() && size > values.length) limits.check(s, lookup);
            int n = NDArray.sizeOf(s), sc = NDArray.colsOf(s);
            int lr = NDArray.rowsOf(shape), lc = NDArray.colsOf(shape);
            int inner = y.size() / (y.dim(0) * y.dim(1)); // y[i, j] is one number of a 2-D y, a block of a higher rank
            int[] out = new int[n * inner];
            for (int i = 0; i < n; i++) {
                int r = i / sc, c = i % sc;
                int row = batch == 1 ? 0 : c;  // np.arange(batch) lines up with the last axis
                int first = (row * y.dim(1) + column[(lr == 1 ? 0 : r) * lc + (lc == 1 ? 0 : c)]) * inner;
                for (int e = 0; e < inner; e++) out[i * inner + e] = first + e;
            }
            return out;
        }

        private static int index(long i, int axis, int size) {
            if (i < -size || i >= size) {
                throw new NumpyException("index " + i + " is out of bounds for axis " + axis + " with size " + size, "IndexError");
            }
            return (int) (i < 0 ? i + size : i);
        }
    }

    // ------------------------------------------------------------------ the layer in a network

    /** The last layer of every network: nodes {@code softmax} and {@code loss} forward, one backward step at softmax. */
    public record Layer() implements org.backpropviz.engine.Layer {
        @Override
        public List<NodeId> nodes() {
            return List.of(SOFTMAX, LOSS);
        }

        @Override
        public NodeId backwardNode() {
            return SOFTMAX;
        }

        @Override
        public void run(Step step, StepContext ctx) {
            NDArray t = ctx.inputs().t();
            if (step.phase() == Phase.FORWARD && step.id().equals(SOFTMAX)) {
                NDArray x = ctx.input();
                ctx.line(Source.SAVE_T, Operand.of("t", t, Role.TARGET));
                ctx.line(Source.Y, Operand.of("x", x, Role.INPUT));
                NDArray y = softmax(x);
                ctx.wrote(Operand.of("self.y", y, Role.OUTPUT));
                ctx.output(y);
            } else if (step.phase() == Phase.FORWARD) {
                NDArray y = ctx.forward(SOFTMAX);
                ctx.line(Source.LOSS, Operand.of("self.y", y, Role.INPUT), Operand.of("self.t", t, Role.TARGET));
                NDArray loss = loss(y, t, ctx.limits());
                ctx.wrote(Operand.of("self.loss", loss, Role.OUTPUT));
                ctx.line(Source.RETURN_LOSS, Operand.of("self.loss", loss, Role.OUTPUT));
                ctx.output(loss);
            } else {
                NDArray y = ctx.forward(SOFTMAX);
                ctx.line(Source.BATCH, Operand.of("self.t", t, Role.TARGET));
                if (t.rank() > 0) {  // else t.shape[0] raises on this line
                    ctx.line(Source.IF_ONE_HOT, Operand.of("self.t", t, Role.TARGET), Operand.of("self.y", y, Role.OUTPUT));
                    if (t.size() == y.size()) {
                        ctx.line(Source.DX_ONE_HOT, Operand.of("self.y", y, Role.OUTPUT), Operand.of("self.t", t, Role.TARGET));
                    } else {
                        ctx.line(Source.DX_COPY, Operand.of("self.y", y, Role.OUTPUT));
                        ctx.wrote(Operand.of("dx", y, Role.DX));
                        ctx.line(Source.DX_LABELS, Operand.of("dx", y, Role.DX), Operand.of("self.t", t, Role.TARGET));
                    }
                }
                NDArray dx = backward(y, t, ctx.limits());
                if (t.size() != y.size()) ctx.line(Source.DX_DIVIDE, Operand.of("dx", y, Role.DX));
                ctx.wrote(Operand.of("dx", dx, Role.DX));
                ctx.line(Source.RETURN_DX, Operand.of("dx", dx, Role.DX));
                ctx.output(dx);
                if (t.rank() == 1 && t.size() == y.size() && (y.rank() == 1 || y.dim(0) != t.dim(0))) {
                    ctx.warn(EngineWarning.Kind.VECTOR_T_AS_BATCH, "t is 1-D, so batch_size = t.shape[0] = " + t.dim(0)
                            + " is its length, not a batch size: the gradient is divided by " + t.dim(0),
                            t.shapeString(), Integer.toString(t.dim(0)));
                }
            }
        }

        @Override
        public PythonSource source() {
            return Source.SOURCE;
        }

        @Override
        public String pythonClass() {
            return "SoftmaxWithLoss";
        }

        @Override
        public String pythonConstructor() {
            return "SoftmaxWithLoss()";
        }

        @Override
        public Card card(NodeId node) {
            return node.equals(LOSS) ? new Card("Loss", "−Σ t·log y") : new Card("Softmax", "exp(a) / Σexp(a)");
        }

        @Override
        public List<Formula> formulas(NodeId node, Trace t) {
            String y = Trace.shape(t.forward(SOFTMAX)), target = t.inputs().t().shapeString();
            if (node.equals(LOSS)) {
                return List.of(new Formula("L = −Σ t·log(y + 1e-7) / batch : " + Trace.shape(t.forward(LOSS)) + " ← " + y + ", " + target,
                        "loss", Phase.FORWARD, List.of(Source.LOSS)));
            }
            NDArray tt = t.inputs().t();
            return List.of(
                    new Formula("y = exp(a) / Σ exp(a) : " + y + " = " + Trace.shape(t.inputOf(this)), "softmax.forward", Phase.FORWARD,
                            List.of(Source.Y)),
                    new Formula("dx = (y − t) / t.shape[0] : " + Trace.shape(t.backward(SOFTMAX)) + " = (" + y + " − " + target + ") / "
                            + (tt.rank() == 0 ? "?" : Integer.toString(tt.dim(0))), "softmax.backward", Phase.BACKWARD,
                            List.of(Source.BATCH, Source.DX_ONE_HOT, Source.DX_LABELS)));
        }
    }

    /**
     * The lesson's SoftmaxWithLoss with its comments, its backward as the book's repository writes it for class labels
     * too, and the two functions it calls (the book's {@code common/functions.py}).
     */
    static final class Source {
        private Source() {}

        private static final PythonSource.Builder B = PythonSource.builder("SoftmaxWithLoss (the lesson, §5.6.3)");
        static final SourceLine SOFTMAX_DEF = B.code("def softmax(x):"),
                SOFTMAX_SHIFT = B.code("    x = x - np.max(x, axis=-1, keepdims=True)", "subtracting the largest score keeps exp from overflowing",
                        "가장 큰 값을 빼서 exp의 오버플로를 막는다"),
                SOFTMAX_RETURN = B.code("    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)"),
                BLANK1 = B.blank(),
                CEE_DEF = B.code("def cross_entropy_error(y, t):"),
                CEE_IF_1D = B.code("    if y.ndim == 1:"),
                CEE_T_ROW = B.code("        t = t.reshape(1, t.size)"),
                CEE_Y_ROW = B.code("        y = y.reshape(1, y.size)"),
                CEE_IF_ONE_HOT = B.code("    if t.size == y.size:", "one-hot t: take the index of each row's 1",
                        "t가 원-핫 인코딩이면 정답 레이블의 인덱스로 바꾼다"),
                CEE_ARGMAX = B.code("        t = t.argmax(axis=1)"),
                CEE_BATCH = B.code("    batch_size = y.shape[0]"),
                CEE_RETURN = B.code("    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size"),
                BLANK2 = B.blank(),
                CLASS = B.code("class SoftmaxWithLoss:"),
                INIT = B.def(Part.INIT, "    def __init__(self):"),
                INIT_LOSS = B.code("        self.loss = None", "the loss", "손실"),
                INIT_Y = B.code("        self.y = None", "y: the softmax's output", "y: Softmax 결과"),
                INIT_T = B.code("        self.t = None", "t: the target labels", "t: 정답 레이블"),
                BLANK3 = B.blank(),
                FORWARD = B.def(Part.FORWARD, "    def forward(self, x, t):", "takes the input x and the target t",
                        "입력 x와 정답레이블 t를 인자로 받는다."),
                SAVE_T = B.code("        self.t = t"),
                Y = B.code("        self.y = softmax(x)"),
                LOSS = B.code("        self.loss = cross_entropy_error(self.y, self.t)"),
                RETURN_LOSS = B.code("        return self.loss"),
                BLANK4 = B.blank(),
                BACKWARD = B.def(Part.BACKWARD, "    def backward(self, dout=1):"),
                BATCH = B.code("        batch_size = self.t.shape[0]"),
                IF_ONE_HOT = B.code("        if self.t.size == self.y.size:", "t is one-hot (the lesson's case)",
                        "정답 레이블이 원-핫 인코딩일 때 (강의의 경우)"),
                DX_ONE_HOT = B.code("            dx = (self.y - self.t) / batch_size"),
                ELSE = B.code("        else:", "t holds class labels", "정답 레이블이 클래스 번호일 때"),
                DX_COPY = B.code("            dx = self.y.copy()"),
                DX_LABELS = B.code("            dx[np.arange(batch_size), self.t] -= 1"),
                DX_DIVIDE = B.code("            dx = dx / batch_size"),
                RETURN_DX = B.code("        return dx");
        static final PythonSource SOURCE = B.build();
    }
}
