package org.backpropviz.engine;

import static org.backpropviz.engine.OpFailure.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backpropviz.engine.Operand.Role;
import org.backpropviz.engine.SourceLine.Part;

/**
 * The book's Affine layer, {@code out = np.dot(x, W) + b}: the math on arrays (this class), and the layer at its place
 * in a network ({@link Layer}) with its Python source, its formulas and its card. Two variants ({@link Variant}): the
 * lesson's, with no reshape of x, and the book repository's, which makes x 2-D first and gives dx x's shape back.
 *
 * <p>Forward and backward sit side by side: the forward input {@code x} is the cache the backward pass needs.
 * The operand names in errors are the lesson's ({@code x}, {@code W1}, {@code dout}).
 */
public final class Affine {
    /** The kind of node an Affine layer draws: {@code affine1}, {@code affine2}, … */
    public static final String NODE = "affine";

    /** What {@link #backward} returns: the gradient sent back to the input, and the parameters' gradients. */
    public record Grads(NDArray dx, NDArray dW, NDArray db) {}

    private final NDArray W;
    private final NDArray b;
    private final String w;
    private final String bName;
    private final Limits limits;

    /** @param W the weights, not modified; @param b the bias, not modified; names such as "W1" and "b1" */
    public Affine(NDArray W, NDArray b, String wName, String bName) {
        this(W, b, wName, bName, Limits.current());
    }

    /** An Affine layer whose products and sums refuse results over {@code limits}. */
    public Affine(NDArray W, NDArray b, String wName, String bName, Limits limits) {
        this.W = W;
        this.b = b;
        this.w = wName;
        this.bName = bName;
        this.limits = limits;
    }

    /** {@code out = np.dot(x, W) + b}. x is not modified. */
    public NDArray forward(NDArray x) {
        NDArray xW = guard(() -> Np.dot(x, W, limits), e -> OpFailure.at(e, "np.dot(x, " + w + ")", Operand.of("x", x, Role.INPUT), Operand.of(w, W, Role.WEIGHT)));
        return guard(() -> Np.add(xW, b, limits), e -> OpFailure.at(e, "np.dot(x, " + w + ") + " + bName, Operand.of("np.dot(x, " + w + ")", xW, Role.PRODUCT), Operand.of(bName, b, Role.BIAS)));
    }

    /**
     * The backward pass, in the book's order: {@code dx = np.dot(dout, W.T)}; {@code dW = np.dot(x.T, dout)};
     * {@code db = np.sum(dout, axis=0)}. Neither x nor dout is modified.
     *
     * @param x the input of the forward pass (the cache)
     * @param dout the gradient arriving from the next layer
     */
    public Grads backward(NDArray x, NDArray dout) {
        NDArray dx = dx(dout);
        NDArray dW = dW(x, dout);
        NDArray db = db(dout);
        return new Grads(dx, dW, db);
    }

    /** {@code dx = np.dot(dout, W.T)}. */
    public NDArray dx(NDArray dout) {
        return guard(() -> Np.dotTransposedB(dout, W, limits), e -> OpFailure.at(e, "dx = np.dot(dout, " + w + ".T)", Operand.of("dout", dout, Role.DOUT), Operand.transposed(w + ".T", W, Role.WEIGHT)));
    }

    /** {@code dW = np.dot(x.T, dout)}, x being the forward pass's input. */
    public NDArray dW(NDArray x, NDArray dout) {
        return guard(() -> Np.dotTransposedA(x, dout, limits), e -> OpFailure.at(e, "d" + w + " = np.dot(x.T, dout)", Operand.transposed("x.T", x, Role.INPUT), Operand.of("dout", dout, Role.DOUT)));
    }

    /** {@code db = np.sum(dout, axis=0)}. */
    public NDArray db(NDArray dout) {
        return guard(() -> Np.sumAxis0(dout),
                e -> OpFailure.at(e, "d" + bName + " = np.sum(dout, axis=0)", Operand.of("dout", dout, Role.DOUT)));
    }

    // ------------------------------------------------------------------ the repository variant's reshapes

    /**
     * {@code x.reshape(x.shape[0], -1)}: one row per sample. A (n,) x becomes (n, 1); a 2-D x is unchanged; a
     * (2, 2, 3) x becomes (2, 6); a 0-D x has no {@code shape[0]} (NumPy's IndexError).
     */
    public static NDArray flatten(NDArray x) {
        return guard(() -> {
            if (x.rank() == 0) throw new NumpyException("tuple index out of range", "IndexError");
            return x.rank() == 2 ? x : x.reshape(x.dim(0), x.size() / x.dim(0));
        }, e -> OpFailure.at(e, "x = x.reshape(x.shape[0], -1)", Operand.of("x", x, Role.INPUT)));
    }

    /** {@code dx.reshape(*original_x_shape)}, with NumPy's message when the sizes differ. */
    public static NDArray unflatten(NDArray dx, NDArray x) {
        return guard(() -> {
            if (dx.size() != x.size()) {
                throw new NumpyException("cannot reshape array of size " + dx.size() + " into shape " + Shapes.compact(x.shape()), "ValueError");
            }
            return dx.reshape(x.shape());
        }, e -> OpFailure.at(e, "dx = dx.reshape(*self.original_x_shape)", Operand.of("dx", dx, Role.DX), Operand.of("x", x, Role.INPUT)));
    }

    // ------------------------------------------------------------------ the layer in a network

    /** Which Affine a network uses; a scenario names it in {@code "affine"}. */
    public enum Variant {
        /** {@code np.dot(x, W) + b} with no reshape: the lesson's and the book's printed §5.6.2 Affine (the default). */
        LESSON("lesson"),
        /**
         * The book repository's {@code common/layers.py}: x reshaped to {@code (x.shape[0], -1)} in forward, dx reshaped
         * back to x's shape in backward, so a (2,) x is a batch of two one-feature rows.
         */
        REPOSITORY("repository");

        private final String id;

        Variant(String id) {
            this.id = id;
        }

        /** {@code "lesson"} or {@code "repository"}, as a scenario writes it. */
        public String id() {
            return id;
        }

        /** The variant with this id, or null. */
        public static Variant byId(String id) {
            for (Variant v : values()) if (v.id.equals(id)) return v;
            return null;
        }
    }

    /**
     * Affine layer k of a network: node {@code affinek} with parameters {@code Wk} and {@code bk}.
     *
     * @param index k, from 1
     * @param variant the lesson's or the repository's
     */
    public record Layer(int index, Variant variant) implements org.backpropviz.engine.Layer {
        public Layer {
            if (index < 1) throw new IllegalArgumentException("Affine layers are numbered from 1, not " + index);
            java.util.Objects.requireNonNull(variant, "variant");
        }

        public NodeId node() {
            return new NodeId(NODE, index);
        }

        public Param weights() {
            return Param.w(index);
        }

        public Param bias() {
            return Param.b(index);
        }

        @Override
        public List<NodeId> nodes() {
            return List.of(node());
        }

        @Override
        public List<Param> params() {
            return List.of(weights(), bias());
        }

        @Override
        public void run(Step step, StepContext ctx) {
            NDArray W = ctx.inputs().get(weights()), b = ctx.inputs().get(bias());
            Affine math = new Affine(W, b, weights().label(), bias().label(), ctx.limits());
            boolean repo = variant == Variant.REPOSITORY;
            NDArray x = ctx.input();
            if (step.phase() == Phase.FORWARD) {
                if (repo) {
                    ctx.line(RepositorySource.SAVE_SHAPE, Operand.of("x", x, Role.INPUT));
                    ctx.line(RepositorySource.RESHAPE, Operand.of("x", x, Role.INPUT));
                    x = flatten(x);
                    ctx.wrote(Operand.of("x", x, Role.INPUT));
                }
                ctx.line(repo ? RepositorySource.SAVE_X : LessonSource.SAVE_X, Operand.of("x", x, Role.INPUT));
                ctx.line(repo ? RepositorySource.OUT : LessonSource.OUT, Operand.of(repo ? "self.x" : "x", x, Role.INPUT),
                        Operand.of("self.W", W, Role.WEIGHT), Operand.of("self.b", b, Role.BIAS));
                NDArray out = math.forward(x);
                ctx.wrote(Operand.of("out", out, Role.OUTPUT));
                ctx.line(repo ? RepositorySource.RETURN : LessonSource.RETURN, Operand.of("out", out, Role.OUTPUT));
                ctx.output(out);
                return;
            }
            NDArray input = x;
            if (repo) x = flatten(x); // the cache self.x is the reshaped input
            NDArray dout = ctx.dout();
            ctx.line(repo ? RepositorySource.DX : LessonSource.DX, Operand.of("dout", dout, Role.DOUT), Operand.transposed("self.W.T", W, Role.WEIGHT));
            NDArray dx = math.dx(dout);
            ctx.wrote(Operand.of("dx", dx, Role.DX));
            ctx.line(repo ? RepositorySource.DW : LessonSource.DW, Operand.transposed("self.x.T", x, Role.INPUT), Operand.of("dout", dout, Role.DOUT));
            NDArray dW = math.dW(x, dout);
            ctx.wrote(Operand.of("self.dW", dW, Role.DW));
            ctx.line(repo ? RepositorySource.DB : LessonSource.DB, Operand.of("dout", dout, Role.DOUT));
            NDArray db = math.db(dout);
            ctx.wrote(Operand.of("self.db", db, Role.DB));
            if (repo) {
                ctx.line(RepositorySource.UNRESHAPE, Operand.of("dx", dx, Role.DX), Operand.of("x", input, Role.INPUT));
                dx = unflatten(dx, input);
                ctx.wrote(Operand.of("dx", dx, Role.DX));
            }
            ctx.line(repo ? RepositorySource.RETURN_DX : LessonSource.RETURN_DX, Operand.of("dx", dx, Role.DX));
            ctx.output(dx);
            ctx.grad(weights(), dW);
            ctx.grad(bias(), db);
            for (Param p : params()) {
                NDArray grad = p.equals(weights()) ? dW : db, param = ctx.inputs().get(p);
                if (!grad.sameShape(param)) {
                    ctx.warn(EngineWarning.Kind.GRAD_SHAPE, "d" + p.label() + " has shape " + grad.shapeString() + " but " + p.label()
                            + " has shape " + param.shapeString(), "d" + p.label(), grad.shapeString(), p.label(), param.shapeString());
                }
            }
        }

        @Override
        public PythonSource source() {
            return variant == Variant.REPOSITORY ? RepositorySource.SOURCE : LessonSource.SOURCE;
        }

        @Override
        public String pythonClass() {
            return "Affine";
        }

        @Override
        public String pythonConstructor() {
            return "Affine(" + weights().label() + ", " + bias().label() + ")";
        }

        @Override
        public Card card(NodeId node) {
            return new Card("Affine" + index, "x·W" + index + " + b" + index);
        }

        @Override
        public List<Formula> formulas(NodeId node, Trace t) {
            String k = Integer.toString(index);
            boolean repo = variant == Variant.REPOSITORY;
            List<Formula> out = new ArrayList<>();
            Optional<NDArray> input = t.inputOf(this);
            Optional<int[]> x = input.map(a -> repo ? flatShape(a) : a.shape());
            NDArray W = t.inputs().get(weights());
            Optional<NDArray> dout = t.doutOf(this);
            if (repo) {
                out.add(new Formula("x = x.reshape(N, −1) : " + x.map(Shapes::tuple).orElse("?") + " ← " + s(input),
                        "affine.reshape", Phase.FORWARD, List.of(RepositorySource.RESHAPE)));
            }
            out.add(new Formula("out = x · W" + k + " + b" + k + " : " + s(t.forward(node)) + " = " + x.map(Shapes::tuple).orElse("?") + " · "
                    + W.shapeString() + " + " + t.inputs().get(bias()).shapeString(), "affine.forward", Phase.FORWARD,
                    List.of(repo ? RepositorySource.OUT : LessonSource.OUT)));
            String dx = repo ? dout.flatMap(d -> dotShape(d.shape(), transposed(W.shape()))).map(Shapes::tuple).orElse("?") : s(t.backward(node));
            out.add(new Formula("dx = dout · W" + k + "ᵀ : " + dx + " = " + s(dout) + " · " + Shapes.tuple(transposed(W.shape())),
                    "affine.dx", Phase.BACKWARD, List.of(repo ? RepositorySource.DX : LessonSource.DX)));
            out.add(new Formula("dW" + k + " = xᵀ · dout : " + s(t.grad(weights())) + " = " + x.map(sh -> Shapes.tuple(transposed(sh))).orElse("?")
                    + " · " + s(dout), "affine.dW", Phase.BACKWARD, List.of(repo ? RepositorySource.DW : LessonSource.DW)));
            out.add(new Formula("db" + k + " = Σ₀ dout : " + s(t.grad(bias())) + " = Σ₀ " + s(dout), "affine.db", Phase.BACKWARD,
                    List.of(repo ? RepositorySource.DB : LessonSource.DB)));
            if (repo) {
                out.add(new Formula("dx = dx.reshape(x.shape) : " + s(t.backward(node)) + " ← " + dx, "affine.unreshape", Phase.BACKWARD,
                        List.of(RepositorySource.UNRESHAPE)));
            }
            return out;
        }

        private static String s(Optional<NDArray> a) {
            return a.map(NDArray::shapeString).orElse("?");
        }

        private static int[] flatShape(NDArray a) {
            return a.rank() == 0 || a.rank() == 2 ? a.shape() : new int[] {a.dim(0), a.size() / a.dim(0)};
        }

        private static int[] transposed(int[] shape) {
            int[] t = new int[shape.length];
            for (int i = 0; i < shape.length; i++) t[i] = shape[shape.length - 1 - i];
            return t;
        }

        /** The shape {@code np.dot} gives two shapes, if they align. */
        private static Optional<int[]> dotShape(int[] a, int[] b) {
            if (a.length == 0) return Optional.of(b);
            if (b.length == 0) return Optional.of(a);
            if (a[a.length - 1] != b[Math.max(0, b.length - 2)]) return Optional.empty();
            return Optional.of(Np.dotShape(a, b));
        }
    }

    /** The lesson's Affine (the book's printed §5.6.2), with the lesson's comments. */
    static final class LessonSource {
        private LessonSource() {}

        private static final PythonSource.Builder B = PythonSource.builder("Affine (the lesson, §5.6.2)");
        static final SourceLine CLASS = B.code("class Affine:"),
                INIT = B.def(Part.INIT, "    def __init__(self, W, b):", "the weights and the bias", "가중치와 바이어스"),
                INIT_W = B.code("        self.W = W"),
                INIT_B = B.code("        self.b = b"),
                INIT_X = B.code("        self.x = None"),
                INIT_DW = B.code("        self.dW = None"),
                INIT_DB = B.code("        self.db = None"),
                BLANK1 = B.blank(),
                FORWARD = B.def(Part.FORWARD, "    def forward(self, x):"),
                SAVE_X = B.code("        self.x = x"),
                OUT = B.code("        out = np.dot(x, self.W) + self.b"),
                RETURN = B.code("        return out"),
                BLANK2 = B.blank(),
                BACKWARD = B.def(Part.BACKWARD, "    def backward(self, dout):"),
                DX = B.code("        dx = np.dot(dout, self.W.T)",
                        "mind the shapes: the incoming gradient dout times the transpose of W",
                        "Shape을 고려하여, 역전파의 이전 입력신호 dout과 W의 전치행렬을 내적한다."),
                DW = B.code("        self.dW = np.dot(self.x.T, dout)",
                        "mind the shapes: the transpose of x times the incoming gradient dout",
                        "Shape을 고려하여, x의 전치행렬과 역전파의 이전 입력신호 dout을 내적한다."),
                DB = B.code("        self.db = np.sum(dout, axis = 0)",
                        "the bias was added to every row, so summing dout over the rows gives b's shape",
                        "Bias는 역전파의 입력신호를, 순전파의 입력신호의 형상과 일치시키기위해 Sum을 통해 원소수를 일치시킨다."),
                RETURN_DX = B.code("        return dx");
        static final PythonSource SOURCE = B.build();
    }

    /** The book repository's Affine ({@code common/layers.py}): x made 2-D in forward, dx given x's shape back. */
    static final class RepositorySource {
        private RepositorySource() {}

        private static final PythonSource.Builder B = PythonSource.builder("Affine (the book's repository, common/layers.py)");
        static final SourceLine CLASS = B.code("class Affine:"),
                INIT = B.def(Part.INIT, "    def __init__(self, W, b):", "the weights and the bias", "가중치와 바이어스"),
                INIT_W = B.code("        self.W = W"),
                INIT_B = B.code("        self.b = b"),
                INIT_X = B.code("        self.x = None"),
                INIT_SHAPE = B.code("        self.original_x_shape = None"),
                INIT_DW = B.code("        self.dW = None"),
                INIT_DB = B.code("        self.db = None"),
                BLANK1 = B.blank(),
                FORWARD = B.def(Part.FORWARD, "    def forward(self, x):"),
                SAVE_SHAPE = B.code("        self.original_x_shape = x.shape", "remembered, to give dx the same shape",
                        "dx에 같은 형상을 돌려주기 위해 기억해 둔다"),
                RESHAPE = B.code("        x = x.reshape(x.shape[0], -1)", "one row per sample: a (2,) x becomes (2, 1), a (2, 2, 3) x (2, 6)",
                        "표본마다 한 행으로 (텐서 대응): (2,) 형상의 x는 (2, 1), (2, 2, 3) 형상의 x는 (2, 6)이 된다"),
                SAVE_X = B.code("        self.x = x"),
                OUT = B.code("        out = np.dot(self.x, self.W) + self.b"),
                RETURN = B.code("        return out"),
                BLANK2 = B.blank(),
                BACKWARD = B.def(Part.BACKWARD, "    def backward(self, dout):"),
                DX = B.code("        dx = np.dot(dout, self.W.T)"),
                DW = B.code("        self.dW = np.dot(self.x.T, dout)"),
                DB = B.code("        self.db = np.sum(dout, axis=0)"),
                UNRESHAPE = B.code("        dx = dx.reshape(*self.original_x_shape)", "back to the input's shape",
                        "입력 데이터의 형상으로 되돌린다 (텐서 대응)"),
                RETURN_DX = B.code("        return dx");
        static final PythonSource SOURCE = B.build();
    }
}
