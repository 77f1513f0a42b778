package org.backpropviz.engine;

import static org.backpropviz.engine.OpFailure.guard;

import java.util.List;
import org.backpropviz.engine.Operand.Role;
import org.backpropviz.engine.SourceLine.Part;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's ReLU layer: {@code mask = (x <= 0)}; forward zeroes the masked entries of x, backward the same
 * entries of dout. Unlike the book, neither x nor dout is written to: both return new arrays.
 *
 * <p>The whole kind in one place: the math on arrays (the static methods), the steps of node {@code reluk} with the
 * source lines they execute, its card, its formulas, and the trainer's kernels ({@link Activation}).
 */
public final class Relu implements Activation {
    /** The kind of node a ReLU layer draws, and its name in scenario files. */
    public static final String NODE = "relu";

    /** The ReLU kind. */
    public static final Relu KIND = new Relu();

    private Relu() {}

    /** {@code out = x.copy(); out[x <= 0] = 0}. x is not modified. */
    public static NDArray forward(NDArray x) {
        return guard(() -> masked(x, x), e -> OpFailure.at(e, "out[mask] = 0", Operand.of("x", x, Role.INPUT)));
    }

    /** {@code dx = dout.copy(); dx[x <= 0] = 0}, where x is the forward input (the cache). Not modified. */
    public static NDArray backward(NDArray x, NDArray dout) {
        return guard(() -> masked(x, dout), e -> OpFailure.at(e, "dout[mask] = 0", Operand.of("mask", x, Role.INPUT), Operand.of("dout", dout, Role.DOUT)));
    }

    private static NDArray masked(NDArray x, NDArray target) {
        if (x.rank() == 0 || target.rank() == 0) {
            // NumPy's arithmetic gives a numpy.float64 here, not an array, and a scalar cannot be assigned to
            throw new NumpyException("'numpy.float64' object does not support item assignment", "TypeError");
        }
        int[] ms = x.shape(), ts = target.shape();
        if (ms.length > ts.length) {
            throw new NumpyException("too many indices for array: array is " + ts.length + "-dimensional, but "
                    + ms.length + " were indexed", "IndexError");
        }
        for (int axis = 0; axis < ms.length; axis++) {
            if (ms[axis] != ts[axis]) {
                throw new NumpyException("boolean index did not match indexed array along axis " + axis
                        + "; size of axis is " + ts[axis] + " but size of corresponding boolean axis is " + ms[axis],
                        "IndexError");
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(target.rows(), target.cols());
        if (ms.length == ts.length) {
            double[] xs = x.matrix().data, in = target.matrix().data, o = out.data;
            int n = out.getNumElements();
            if (xs == in) forwardKernel(xs, o, n);
            else backwardKernel(xs, in, o, n);
        } else {
            // a mask of lower rank indexes the target's leading axes: each masked element zeroes a whole block (a row of a 2-D target)
            System.arraycopy(target.matrix().data, 0, out.data, 0, out.getNumElements());
            int block = target.size() / x.size();
            for (int r = 0; r < x.size(); r++) {
                if (x.flat(r) <= 0) java.util.Arrays.fill(out.data, r * block, (r + 1) * block, 0.0);
            }
        }
        return NDArray.wrap(target.shape(), out);
    }

    // ------------------------------------------------------------------ the kind

    @Override
    public String id() {
        return NODE;
    }

    @Override
    public String title() {
        return "ReLU";
    }

    @Override
    public String op() {
        return "max(0, x)";
    }

    @Override
    public PythonSource source() {
        return Source.SOURCE;
    }

    @Override
    public String pythonClass() {
        return "Relu";
    }

    @Override
    public void forward(ActivationLayer layer, StepContext ctx) {
        NDArray x = ctx.input();
        ctx.line(Source.MASK, Operand.of("x", x, Role.INPUT));
        ctx.wrote(Operand.of("self.mask", x, Role.INPUT));
        ctx.line(Source.COPY, Operand.of("x", x, Role.INPUT));
        ctx.wrote(Operand.of("out", x, Role.OUTPUT));
        ctx.line(Source.ZERO, Operand.of("out", x, Role.OUTPUT), Operand.of("self.mask", x, Role.INPUT));
        NDArray out = forward(x);
        ctx.line(Source.RETURN, Operand.of("out", out, Role.OUTPUT));
        ctx.output(out);
        if (ctx.collectsWarnings() && allZero(out)) {
            String upstream = layer.index() == 1 ? "W1, b1 or x" : "W" + layer.index() + ", b" + layer.index() + " or the layers before";
            ctx.warn(EngineWarning.Kind.DEAD_RELU, "every output of the ReLU is 0, so no gradient flows back to " + upstream);
        }
    }

    @Override
    public void backward(ActivationLayer layer, StepContext ctx) {
        NDArray x = ctx.input(), dout = ctx.dout();
        ctx.line(Source.DX_COPY, Operand.of("dout", dout, Role.DOUT));
        ctx.wrote(Operand.of("dx", dout, Role.DX));
        ctx.line(Source.DX_ZERO, Operand.of("dx", dout, Role.DX), Operand.of("self.mask", x, Role.INPUT));
        NDArray dx = backward(x, dout);
        ctx.line(Source.RETURN_DX, Operand.of("dx", dx, Role.DX));
        ctx.output(dx);
    }

    @Override
    public List<Formula> formulas(ActivationLayer layer, Trace t) {
        return List.of(
                new Formula("out = max(0, x) : " + Trace.shape(t.forward(layer.node())) + " = " + Trace.shape(t.inputOf(layer)),
                        "relu.forward", Phase.FORWARD, List.of(Source.ZERO)),
                new Formula("dx = dout ⊙ [x > 0] : " + Trace.shape(t.backward(layer.node())) + " = " + Trace.shape(t.doutOf(layer)) + " ⊙ "
                        + Trace.shape(t.inputOf(layer)), "relu.backward", Phase.BACKWARD, List.of(Source.DX_ZERO)));
    }

    /** {@code out[i] = x[i] <= 0 ? 0 : x[i]}, as {@link #forward(NDArray)}. */
    @Override
    public void forward(double[] x, double[] out, int n) {
        forwardKernel(x, out, n);
    }

    /** {@code dx[i] = x[i] <= 0 ? 0 : dout[i]}, as {@link #backward(NDArray, NDArray)}. */
    @Override
    public void backward(double[] x, double[] out, double[] dout, double[] dx, int n) {
        backwardKernel(x, dout, dx, n);
    }

    /*
     * The kernels have no branch per element: the signs of a layer's inputs are close to random, and a branch on them
     * mispredicted about every other element (JFR found these two loops the trainer's largest share of Java time).
     * Math.max(x, 0.0) is the book's out[x <= 0] = 0 to the bit: +0.0 for every x <= 0 (-0.0 included), x itself
     * for x > 0, and NaN for NaN (NaN <= 0 is false, so the book keeps it). Math.max is an intrinsic without a branch.
     */

    /** {@code out[i] = x[i] <= 0 ? 0 : x[i]}: {@code Math.max(x[i], 0.0)}, the same bits. */
    static void forwardKernel(double[] x, double[] out, int n) {
        for (int from = 0; from < n; from += Blocks.SIZE) forwardBlock(x, out, from, Math.min(n, from + Blocks.SIZE));
    }

    private static void forwardBlock(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = Math.max(x[i], 0.0);
    }

    /**
     * {@code dx[i] = x[i] <= 0 ? 0 : dout[i]}, by a mask of bits: {@code Math.max(x, 0.0)} has all bits zero exactly
     * where {@code x <= 0} (+0.0), and some bit set otherwise (a positive x or a NaN); {@code (v | -v) >> 63} turns
     * that into 0 or all ones, and dout's bits are kept or cleared with it. dout's value (a NaN or an infinity
     * included) passes unchanged where x > 0 or x is NaN, and becomes +0.0 where x <= 0, as the book's
     * {@code dx[mask] = 0} does.
     */
    static void backwardKernel(double[] x, double[] dout, double[] dx, int n) {
        for (int from = 0; from < n; from += Blocks.SIZE) backwardBlock(x, dout, dx, from, Math.min(n, from + Blocks.SIZE));
    }

    private static void backwardBlock(double[] x, double[] dout, double[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            long v = Double.doubleToRawLongBits(Math.max(x[i], 0.0));
            long keep = (v | -v) >> 63;
            dx[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(dout[i]) & keep);
        }
    }

    private static boolean allZero(NDArray a) {
        for (int i = 0; i < a.size(); i++) if (a.flat(i) != 0) return false;
        return true;
    }

    /** The book's Relu (§5.5.1), its backward on a copy of dout. */
    static final class Source {
        private Source() {}

        private static final PythonSource.Builder B = PythonSource.builder("Relu (the book, §5.5.1)");
        static final SourceLine CLASS = B.code("class Relu:"),
                INIT = B.def(Part.INIT, "    def __init__(self):"),
                INIT_MASK = B.code("        self.mask = None"),
                BLANK1 = B.blank(),
                FORWARD = B.def(Part.FORWARD, "    def forward(self, x):"),
                MASK = B.code("        self.mask = (x <= 0)", "True where x is 0 or less", "x가 0 이하인 원소는 True"),
                COPY = B.code("        out = x.copy()"),
                ZERO = B.code("        out[self.mask] = 0", "those become 0; the others pass as they are", "그 원소는 0, 나머지는 그대로"),
                RETURN = B.code("        return out"),
                BLANK2 = B.blank(),
                BACKWARD = B.def(Part.BACKWARD, "    def backward(self, dout):"),
                DX_COPY = B.code("        dx = dout.copy()", "the book writes into dout itself; a copy leaves the caller's array alone",
                        "책은 dout 자체를 바꾸지만, 복사하면 호출한 쪽의 배열이 그대로 남는다"),
                DX_ZERO = B.code("        dx[self.mask] = 0", "no gradient where the forward pass let nothing through",
                        "순전파에서 막힌 곳으로는 기울기도 흐르지 않는다"),
                RETURN_DX = B.code("        return dx");
        static final PythonSource SOURCE = B.build();
    }
}
