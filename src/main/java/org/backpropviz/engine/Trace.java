package org.backpropviz.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One iteration of the two-layer net, stepped node by node: an immutable snapshot after some number of
 * {@link Step}s. {@link #step()} returns the next snapshot and {@link #back()} the previous one, so the user
 * interface can hold any snapshot while the engine computes the next on another thread.
 *
 * <p>The net is the book's TwoLayerNet: {@code x → affine1(W1, b1) → relu1 → affine2(W2, b2) → softmax → loss(t)}.
 * When NumPy would raise, the step records an {@link EngineError} and the trace stops there; everything computed
 * before stays available. So it does when a result would be over the trace's {@link Limits} (kind {@code LimitError}).
 */
public final class Trace {
    private final NetInputs in;
    private final Limits limits;
    private final Trace previous;
    private final int done;
    private final Map<String, NDArray> forward;
    private final Map<String, NDArray> backward;
    private final Map<Param, NDArray> grads;
    private final List<EngineWarning> warnings;
    private final EngineError error;

    private Trace(NetInputs in, Limits limits, Trace previous, int done, Map<String, NDArray> forward, Map<String, NDArray> backward,
                  Map<Param, NDArray> grads, List<EngineWarning> warnings, EngineError error) {
        this.in = in;
        this.limits = limits;
        this.previous = previous;
        this.done = done;
        this.forward = forward;
        this.backward = backward;
        this.grads = grads;
        this.warnings = warnings;
        this.error = error;
    }

    /** The state before the first step, under {@link Limits#current()}. */
    public static Trace start(NetInputs in) {
        return start(in, Limits.current());
    }

    /** The state before the first step; every step refuses a result over {@code limits}. */
    public static Trace start(NetInputs in, Limits limits) {
        return new Trace(in, java.util.Objects.requireNonNull(limits, "limits"), null, 0, Map.of(), Map.of(), Map.of(), List.of(), null);
    }

    /**
     * Forward and backward passes at once: the same result as {@code start(in).runAll()}, computed without the
     * intermediate snapshots ({@link #back()} recomputes them when asked).
     */
    public static Trace evaluate(NetInputs in) {
        return evaluate(in, Limits.current());
    }

    /** {@link #evaluate(NetInputs)} under the given limits. */
    public static Trace evaluate(NetInputs in, Limits limits) {
        Trace start = start(in, limits);
        StepRun run = new StepRun(start);
        int done = 0;
        EngineError error = null;
        for (Step s : Step.ORDER) {
            done++;
            error = run.apply(s);
            if (error != null) break;
        }
        return run.snapshot(null, done, error);
    }

    // ------------------------------------------------------------------ queries

    public NetInputs inputs() {
        return in;
    }

    /** The limits every step of this trace computes under. */
    public Limits limits() {
        return limits;
    }

    /** How many steps have run (a failed step counts). */
    public int stepsDone() {
        return done;
    }

    /** The step that runs next; empty when the iteration is complete or a step failed. */
    public Optional<Step> next() {
        return error != null || done >= Step.ORDER.size() ? Optional.empty() : Optional.of(Step.ORDER.get(done));
    }

    /** The step that ran last (or failed); empty at the start. */
    public Optional<Step> last() {
        return done == 0 ? Optional.empty() : Optional.of(Step.ORDER.get(done - 1));
    }

    public boolean isComplete() {
        return done == Step.ORDER.size() && error == null;
    }

    public Optional<EngineError> error() {
        return Optional.ofNullable(error);
    }

    /** The output of an op node's forward pass ({@code loss} is a rank-0 array), or empty if not computed. */
    public Optional<NDArray> forward(String node) {
        return Optional.ofNullable(forward.get(node));
    }

    /** The gradient an op node sent back to its input (softmax: da2, affine2: dz1, relu1: da1, affine1: dx). */
    public Optional<NDArray> backward(String node) {
        return Optional.ofNullable(backward.get(node));
    }

    /** dW1, db1, dW2 or db2, once computed. */
    public Optional<NDArray> grad(Param p) {
        return Optional.ofNullable(grads.get(p));
    }

    /** Forward outputs in node order (a view). */
    public Map<String, NDArray> forwardValues() {
        return forward;
    }

    /** Backward outputs in step order (a view). */
    public Map<String, NDArray> backwardValues() {
        return backward;
    }

    /** Parameter gradients in the order computed (a view). */
    public Map<Param, NDArray> grads() {
        return grads;
    }

    /** Every warning so far, in the order raised. */
    public List<EngineWarning> warnings() {
        return warnings;
    }

    /** The loss, once the loss node has run. */
    public Optional<Double> loss() {
        return forward("loss").map(NDArray::item);
    }

    // ------------------------------------------------------------------ moving

    /** The snapshot after the next step. @throws IllegalStateException when there is no next step */
    public Trace step() {
        Step s = next().orElseThrow(() -> new IllegalStateException("no step left: " + (error != null ? "a step failed" : "the iteration is complete")));
        StepRun run = new StepRun(this);
        EngineError e = run.apply(s);
        return run.snapshot(this, done + 1, e);
    }

    /** The snapshot before the last step; at the start, this one. */
    public Trace back() {
        if (done == 0) return this;
        return previous != null ? previous : start(in, limits).runTo(done - 1);
    }

    /** Runs the rest of the current pass: steps while the next step belongs to the same phase as the first. */
    public Trace runPass() {
        Trace t = this;
        Optional<Step> first = t.next();
        while (first.isPresent() && t.next().map(s -> s.phase() == first.get().phase()).orElse(false)) t = t.step();
        return t;
    }

    /** Runs every remaining step. */
    public Trace runAll() {
        Trace t = this;
        while (t.next().isPresent()) t = t.step();
        return t;
    }

    /** Runs steps until {@code count} steps are done, or the trace stops first. */
    public Trace runTo(int count) {
        Trace t = this;
        while (t.done < count && t.next().isPresent()) t = t.step();
        return t;
    }

    // ------------------------------------------------------------------ one step

    /** Computes steps on top of a snapshot: the layer calls, side by side with what each one caches. */
    private static final class StepRun {
        private final NetInputs in;
        private final Limits limits;
        private final Map<String, NDArray> fwd;
        private final Map<String, NDArray> bwd;
        private final Map<Param, NDArray> grads;
        private final List<EngineWarning> warnings;
        private Step step;

        StepRun(Trace from) {
            this.in = from.in;
            this.limits = from.limits;
            this.fwd = new LinkedHashMap<>(from.forward);
            this.bwd = new LinkedHashMap<>(from.backward);
            this.grads = new EnumMap<>(Param.class);
            this.grads.putAll(from.grads);
            this.warnings = new ArrayList<>(from.warnings);
        }

        /** Runs one step; returns its error, or null. */
        EngineError apply(Step s) {
            step = s;
            try {
                compute();
                return null;
            } catch (OpFailure f) {
                return EngineError.of(step, f);
            }
        }

        Trace snapshot(Trace previous, int done, EngineError error) {
            return new Trace(in, limits, previous, done, Collections.unmodifiableMap(fwd), Collections.unmodifiableMap(bwd),
                    Collections.unmodifiableMap(grads), List.copyOf(warnings), error);
        }

        private void compute() {
            Affine affine1 = new Affine(in.W1(), in.b1(), "W1", "b1", limits);
            Affine affine2 = new Affine(in.W2(), in.b2(), "W2", "b2", limits);
            switch (step) {
                case AFFINE1_FORWARD -> out(fwd, "affine1", affine1.forward(in.x()));
                case RELU1_FORWARD -> {
                    NDArray z1 = out(fwd, "relu1", Relu.forward(fwd.get("affine1")));
                    if (allZero(z1)) warn(EngineWarning.Kind.DEAD_RELU,
                            "every output of the ReLU is 0, so no gradient flows back to W1, b1 or x");
                }
                case AFFINE2_FORWARD -> out(fwd, "affine2", affine2.forward(fwd.get("relu1")));
                case SOFTMAX_FORWARD -> out(fwd, "softmax", SoftmaxWithLoss.softmax(fwd.get("affine2")));
                case LOSS_FORWARD -> out(fwd, "loss", SoftmaxWithLoss.loss(fwd.get("softmax"), in.t(), limits));
                case SOFTMAX_BACKWARD -> {
                    NDArray y = fwd.get("softmax"), t = in.t();
                    out(bwd, "softmax", SoftmaxWithLoss.backward(y, t, limits));
                    if (t.rank() == 1 && t.size() == y.size() && (y.rank() == 1 || y.dim(0) != t.dim(0))) {
                        warn(EngineWarning.Kind.VECTOR_T_AS_BATCH, "t is 1-D, so batch_size = t.shape[0] = " + t.dim(0)
                                + " is its length, not a batch size: the gradient is divided by " + t.dim(0),
                                t.shapeString(), Integer.toString(t.dim(0)));
                    }
                }
                case AFFINE2_BACKWARD -> affineBackward(affine2, fwd.get("relu1"), bwd.get("softmax"), Param.W2, Param.B2);
                case RELU1_BACKWARD -> out(bwd, "relu1", Relu.backward(fwd.get("affine1"), bwd.get("affine2")));
                case AFFINE1_BACKWARD -> affineBackward(affine1, in.x(), bwd.get("relu1"), Param.W1, Param.B1);
                default -> throw new AssertionError(step);
            }
        }

        private void affineBackward(Affine layer, NDArray x, NDArray dout, Param w, Param b) {
            Affine.Grads g = layer.backward(x, dout);
            out(bwd, step.node(), g.dx());
            grads.put(w, checked(g.dW()));
            grads.put(b, checked(g.db()));
            for (Param p : List.of(w, b)) {
                NDArray grad = grads.get(p), param = in.get(p);
                if (!grad.sameShape(param)) {
                    warn(EngineWarning.Kind.GRAD_SHAPE, "d" + p.label() + " has shape " + grad.shapeString() + " but " + p.label()
                            + " has shape " + param.shapeString(), "d" + p.label(), grad.shapeString(), p.label(), param.shapeString());
                }
            }
        }

        private NDArray out(Map<String, NDArray> into, String node, NDArray value) {
            into.put(node, checked(value));
            return value;
        }

        private NDArray checked(NDArray value) {
            if (!value.allFinite()) {
                warn(EngineWarning.Kind.NON_FINITE, "a value of " + step.node() + " (" + step.phase().id()
                        + ") is NaN or infinite", step.phase().id());
            }
            return value;
        }

        private void warn(EngineWarning.Kind kind, String message, String... args) {
            EngineWarning w = new EngineWarning(step.node(), kind, message, List.of(args));
            if (!warnings.contains(w)) warnings.add(w);
        }

        private static boolean allZero(NDArray a) {
            for (int i = 0; i < a.size(); i++) if (a.flat(i) != 0) return false;
            return true;
        }
    }
}
