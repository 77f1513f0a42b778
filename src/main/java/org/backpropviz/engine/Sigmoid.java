package org.backpropviz.engine;

import static org.backpropviz.engine.OpFailure.guard;

import java.util.List;
import org.backpropviz.engine.Operand.Role;
import org.backpropviz.engine.SourceLine.Part;

/**
 * The book's Sigmoid layer (§5.5.2): {@code out = 1 / (1 + np.exp(-x))} forward, keeping {@code out};
 * {@code dx = dout * (1.0 - out) * out} backward, with NumPy's broadcasting. The whole kind in one place: the math on
 * arrays, the steps of node {@code sigmoidk} with the source lines they execute, its card, its formulas and the
 * trainer's kernels. Registered in {@link Activations#ALL}.
 */
public final class Sigmoid implements Activation {
    /** The kind of node a Sigmoid layer draws, and its name in scenario files. */
    public static final String NODE = "sigmoid";

    /** The Sigmoid kind. */
    public static final Sigmoid KIND = new Sigmoid();

    private Sigmoid() {}

    // ------------------------------------------------------------------ the math

    /** {@code 1 / (1 + np.exp(-x))}, element by element; x is not modified. */
    public static NDArray forward(NDArray x) {
        double[] out = new double[x.size()];
        for (int i = 0; i < out.length; i++) out[i] = 1.0 / (1.0 + Math.exp(-x.flat(i)));
        return NDArray.of(x.shape(), out);
    }

    /** True where NumPy warns {@code overflow encountered in exp}: {@code exp(-x)} of a finite x is infinite. */
    public static boolean overflows(NDArray x) {
        for (int i = 0; i < x.size(); i++) {
            double v = -x.flat(i);
            if (Double.isFinite(v) && Double.isInfinite(Math.exp(v))) return true;
        }
        return false;
    }

    /**
     * {@code dout * (1.0 - out) * out} with NumPy's broadcasting (dout and out may differ in shape where one of them has
     * a dimension of 1); neither argument is modified.
     *
     * @throws OpFailure NumPy's {@code operands could not be broadcast together} naming dout's and out's shapes, or
     *     a {@link LimitException} when broadcasting would make a result larger than {@link Limits#current()}
     */
    public static NDArray backward(NDArray out, NDArray dout) {
        return backward(out, dout, Limits.current());
    }

    /** {@link #backward(NDArray, NDArray)}, refusing a broadcast result over {@code limits} before it is allocated. */
    public static NDArray backward(NDArray out, NDArray dout, Limits limits) {
        return guard(() -> {
            double[] oneMinus = new double[out.size()];
            for (int i = 0; i < oneMinus.length; i++) oneMinus[i] = 1.0 - out.flat(i);
            return times(times(dout, NDArray.of(out.shape(), oneMinus), limits), out, limits);
        }, e -> OpFailure.at(e, "dx = dout * (1.0 - self.out) * self.out", Operand.of("dout", dout, Role.DOUT),
                Operand.of("self.out", out, Role.OUTPUT)));
    }

    /** {@code a * b} element by element, broadcast as NumPy does. */
    private static NDArray times(NDArray a, NDArray b, Limits limits) {
        return Np.multiply(a, b, limits);
    }

    // ------------------------------------------------------------------ the kind

    @Override
    public String id() {
        return NODE;
    }

    @Override
    public String title() {
        return "Sigmoid";
    }

    @Override
    public String op() {
        return "1 / (1 + exp(−x))";
    }

    @Override
    public PythonSource source() {
        return Source.SOURCE;
    }

    @Override
    public String pythonClass() {
        return "Sigmoid";
    }

    @Override
    public void forward(ActivationLayer layer, StepContext ctx) {
        NDArray x = ctx.input();
        ctx.line(Source.OUT, Operand.of("x", x, Role.INPUT));
        NDArray out = forward(x);
        ctx.wrote(Operand.of("out", out, Role.OUTPUT));
        if (ctx.collectsWarnings() && overflows(x)) ctx.warn(EngineWarning.Kind.EXP_OVERFLOW, "overflow encountered in exp");
        ctx.line(Source.KEEP, Operand.of("out", out, Role.OUTPUT));
        ctx.line(Source.RETURN, Operand.of("out", out, Role.OUTPUT));
        ctx.output(out);
    }

    @Override
    public void backward(ActivationLayer layer, StepContext ctx) {
        NDArray out = ctx.forward(layer.node()), dout = ctx.dout();
        ctx.line(Source.DX, Operand.of("dout", dout, Role.DOUT), Operand.of("self.out", out, Role.OUTPUT));
        NDArray dx = backward(out, dout, ctx.limits());
        ctx.wrote(Operand.of("dx", dx, Role.DX));
        ctx.line(Source.RETURN_DX, Operand.of("dx", dx, Role.DX));
        ctx.output(dx);
    }

    @Override
    public List<Formula> formulas(ActivationLayer layer, Trace t) {
        return List.of(
                new Formula("out = 1 / (1 + exp(−x)) : " + Trace.shape(t.forward(layer.node())) + " = " + Trace.shape(t.inputOf(layer)),
                        "sigmoid.forward", Phase.FORWARD, List.of(Source.OUT)),
                new Formula("dx = dout ⊙ (1 − out) ⊙ out : " + Trace.shape(t.backward(layer.node())) + " = " + Trace.shape(t.doutOf(layer))
                        + " ⊙ " + Trace.shape(t.forward(layer.node())), "sigmoid.backward", Phase.BACKWARD, List.of(Source.DX)));
    }

    /** {@code out[i] = 1 / (1 + exp(-x[i]))}, as {@link #forward(NDArray)}. */
    @Override
    public void forward(double[] x, double[] out, int n) {
        for (int from = 0; from < n; from += Blocks.SIZE) forwardBlock(x, out, from, Math.min(n, from + Blocks.SIZE));
    }

    private static void forwardBlock(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = 1.0 / (1.0 + Math.exp(-x[i]));
    }

    /** {@code dx[i] = dout[i] * (1.0 - out[i]) * out[i]}, as {@link #backward(NDArray, NDArray)} for equal shapes. */
    @Override
    public void backward(double[] x, double[] out, double[] dout, double[] dx, int n) {
        for (int from = 0; from < n; from += Blocks.SIZE) backwardBlock(out, dout, dx, from, Math.min(n, from + Blocks.SIZE));
    }

    private static void backwardBlock(double[] out, double[] dout, double[] dx, int from, int to) {
        for (int i = from; i < to; i++) dx[i] = dout[i] * (1.0 - out[i]) * out[i];
    }

    /** The book's Sigmoid (§5.5.2). */
    static final class Source {
        private Source() {}

        private static final PythonSource.Builder B = PythonSource.builder("Sigmoid (the book, §5.5.2)");
        static final SourceLine CLASS = B.code("class Sigmoid:"),
                INIT = B.def(Part.INIT, "    def __init__(self):"),
                INIT_OUT = B.code("        self.out = None"),
                BLANK1 = B.blank(),
                FORWARD = B.def(Part.FORWARD, "    def forward(self, x):"),
                OUT = B.code("        out = 1 / (1 + np.exp(-x))"),
                KEEP = B.code("        self.out = out", "the backward pass needs only the output", "역전파에는 순전파의 출력만 있으면 된다"),
                RETURN = B.code("        return out"),
                BLANK2 = B.blank(),
                BACKWARD = B.def(Part.BACKWARD, "    def backward(self, dout):"),
                DX = B.code("        dx = dout * (1.0 - self.out) * self.out", "the sigmoid's derivative is y(1 − y), from its output y alone",
                        "시그모이드의 미분 y(1 − y)는 출력 y만으로 구한다"),
                RETURN_DX = B.code("        return dx");
        static final PythonSource SOURCE = B.build();
    }
}
