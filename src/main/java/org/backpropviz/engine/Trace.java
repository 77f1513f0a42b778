package org.backpropviz.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One iteration of a network, stepped node by node: an immutable snapshot after some number of {@link Step}s.
 * {@link #step()} returns the next snapshot and {@link #back()} the previous one, so the user interface can hold any
 * snapshot while the engine computes the next on another thread.
 *
 * <p>The steps are the network's ({@link Network#steps()}); for the lesson's net, {@code x → affine1(W1, b1) → relu1 →
 * affine2(W2, b2) → softmax → loss(t)} and back. Each step runs its {@link Layer} and records the source lines it
 * executed ({@link #execution()}). When NumPy would raise, the step records an {@link EngineError} and the trace stops
 * there; everything computed before stays available.
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
    private final Execution execution;

    private Trace(NetInputs in, Limits limits, Trace previous, int done, Map<String, NDArray> forward, Map<String, NDArray> backward,
                  Map<Param, NDArray> grads, List<EngineWarning> warnings, EngineError error, Execution execution) {
        this.in = in;
        this.limits = limits;
        this.previous = previous;
        this.done = done;
        this.forward = forward;
        this.backward = backward;
        this.grads = grads;
        this.warnings = warnings;
        this.error = error;
        this.execution = execution;
    }

    /** The state before the first step, under {@link Limits#current()}. */
    public static Trace start(NetInputs in) {
        return start(in, Limits.current());
    }

    /** The state before the first step; every step refuses a result over {@code limits}. */
    public static Trace start(NetInputs in, Limits limits) {
        return new Trace(in, java.util.Objects.requireNonNull(limits, "limits"), null, 0, Map.of(), Map.of(), Map.of(), List.of(), null, null);
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
        StepRun run = new StepRun(start, false);
        int done = 0;
        EngineError error = null;
        for (Step s : in.network().steps()) {
            done++;
            error = run.apply(s);
            if (error != null) break;
        }
        return run.snapshot(null, done, error);
    }

    /**
     * The forward pass up to and including {@code last}'s forward step, without snapshots, warnings or source lines:
     * what the gradient check and the trainer's predictions need.
     *
     * @return the node's forward output
     * @throws OpFailure where NumPy would raise
     */
    public static NDArray forwardOnly(NetInputs in, NodeId last) {
        StepRun run = new StepRun(start(in), true);
        for (Step s : in.network().steps()) {
            run.step = s;
            run.layer = in.network().layerOf(s.id());
            run.layer.run(s, run);
            if (s.id().equals(last)) return run.fwd.get(last.name());
        }
        throw new IllegalArgumentException("no node " + last + " in " + in.network());
    }

    // ------------------------------------------------------------------ queries

    public NetInputs inputs() {
        return in;
    }

    /** The network stepped through. */
    public Network network() {
        return in.network();
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
        List<Step> steps = in.network().steps();
        return error != null || done >= steps.size() ? Optional.empty() : Optional.of(steps.get(done));
    }

    /** The step that ran last (or failed); empty at the start. */
    public Optional<Step> last() {
        return done == 0 ? Optional.empty() : Optional.of(in.network().steps().get(done - 1));
    }

    public boolean isComplete() {
        return done == in.network().steps().size() && error == null;
    }

    public Optional<EngineError> error() {
        return Optional.ofNullable(error);
    }

    /**
     * The source lines the last step executed, with the shapes of their variables, and the line it failed at; empty
     * at the start. (A snapshot made by {@link #evaluate} knows only its last step's.)
     */
    public Optional<Execution> execution() {
        return Optional.ofNullable(execution);
    }

    /** The output of an op node's forward pass ({@code loss} is a rank-0 array), or empty if not computed. */
    public Optional<NDArray> forward(String node) {
        return Optional.ofNullable(forward.get(node));
    }

    /** {@link #forward(String)} by id. */
    public Optional<NDArray> forward(NodeId node) {
        return forward(node.name());
    }

    /** The gradient an op node sent back to its input (softmax: da2, affine2: dz1, relu1: da1, affine1: dx). */
    public Optional<NDArray> backward(String node) {
        return Optional.ofNullable(backward.get(node));
    }

    /** {@link #backward(String)} by id. */
    public Optional<NDArray> backward(NodeId node) {
        return backward(node.name());
    }

    /** dW1, db1, …, once computed. */
    public Optional<NDArray> grad(Param p) {
        return Optional.ofNullable(grads.get(p));
    }

    /** A layer's forward input in this snapshot: x for the first layer, else the previous layer's output. */
    public Optional<NDArray> inputOf(Layer layer) {
        return in.network().before(layer).map(prev -> forward(prev.outputNode())).orElse(Optional.of(in.x()));
    }

    /** The gradient arriving at a layer from the next one, once computed; empty for SoftmaxWithLoss. */
    public Optional<NDArray> doutOf(Layer layer) {
        return in.network().after(layer).flatMap(next -> backward(next.backwardNode()));
    }

    /** Forward outputs in node order, by node name (a view). */
    public Map<String, NDArray> forwardValues() {
        return forward;
    }

    /** Backward outputs in step order, by node name (a view). */
    public Map<String, NDArray> backwardValues() {
        return backward;
    }

    /** Parameter gradients in parameter order, W1, b1, W2, … (a view). */
    public Map<Param, NDArray> grads() {
        return grads;
    }

    /** Every warning so far, in the order raised. */
    public List<EngineWarning> warnings() {
        return warnings;
    }

    /** The loss, once the loss node has run. */
    public Optional<Double> loss() {
        return forward(SoftmaxWithLoss.LOSS).map(NDArray::item);
    }

    /** A shape as Python writes it, or {@code ?} when the array is not computed (for formulas). */
    public static String shape(Optional<NDArray> a) {
        return a.map(NDArray::shapeString).orElse("?");
    }

    // ------------------------------------------------------------------ moving

    /** The snapshot after the next step. @throws IllegalStateException when there is no next step */
    public Trace step() {
        Step s = next().orElseThrow(() -> new IllegalStateException("no step left: " + (error != null ? "a step failed" : "the iteration is complete")));
        StepRun run = new StepRun(this, false);
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

    /** Computes steps on top of a snapshot: what a layer reads and writes while it runs, and the lines it executes. */
    private static final class StepRun implements StepContext {
        private final NetInputs in;
        private final Limits limits;
        private final Network net;
        private final boolean quiet;
        private final Map<String, NDArray> fwd;
        private final Map<String, NDArray> bwd;
        private final Map<Param, NDArray> grads;
        private final List<EngineWarning> warnings;
        private Step step;
        private Layer layer;
        private final List<Execution.Line> lines = new ArrayList<>();
        private SourceLine line;
        private List<Operand> variables;

        StepRun(Trace from, boolean quiet) {
            this.in = from.in;
            this.limits = from.limits;
            this.net = in.network();
            this.quiet = quiet;
            this.fwd = new LinkedHashMap<>(from.forward);
            this.bwd = new LinkedHashMap<>(from.backward);
            this.grads = new TreeMap<>(from.grads);
            this.warnings = new ArrayList<>(from.warnings);
        }

        /** Runs one step; returns its error, or null. */
        EngineError apply(Step s) {
            step = s;
            layer = net.layerOf(s.id());
            lines.clear();
            line = null;
            try {
                layer.run(s, this);
                endLine(false);
                return null;
            } catch (OpFailure f) {
                endLine(true);
                return EngineError.of(step, f);
            }
        }

        Trace snapshot(Trace previous, int done, EngineError error) {
            return new Trace(in, limits, previous, done, Collections.unmodifiableMap(fwd), Collections.unmodifiableMap(bwd),
                    Collections.unmodifiableMap(grads), List.copyOf(warnings), error, step == null ? null : new Execution(step, lines));
        }

        @Override
        public Step step() {
            return step;
        }

        @Override
        public Limits limits() {
            return limits;
        }

        @Override
        public NetInputs inputs() {
            return in;
        }

        @Override
        public NDArray input() {
            return net.before(layer).map(prev -> fwd.get(prev.outputNode().name())).orElse(in.x());
        }

        @Override
        public NDArray dout() {
            Layer next = net.after(layer).orElseThrow(() -> new IllegalStateException(layer + " is last: its dout is 1"));
            return bwd.get(next.backwardNode().name());
        }

        @Override
        public NDArray forward(NodeId node) {
            return fwd.get(node.name());
        }

        @Override
        public void output(NDArray value) {
            (step.phase() == Phase.FORWARD ? fwd : bwd).put(step.node(), checked(value));
        }

        @Override
        public void grad(Param p, NDArray value) {
            grads.put(p, checked(value));
        }

        @Override
        public void line(SourceLine next, Operand... reads) {
            if (quiet) return;
            endLine(false);
            line = next;
            variables = new ArrayList<>(List.of(reads));
        }

        @Override
        public void wrote(Operand variable) {
            if (quiet || line == null) return;
            variables.removeIf(v -> v.name().equals(variable.name()));
            variables.add(variable);
        }

        private void endLine(boolean failed) {
            if (line != null) lines.add(new Execution.Line(line, variables, failed));
            line = null;
        }

        private NDArray checked(NDArray value) {
            if (!quiet && !value.allFinite()) {
                warn(EngineWarning.Kind.NON_FINITE, "a value of " + step.node() + " (" + step.phase().id()
                        + ") is NaN or infinite", step.phase().id());
            }
            return value;
        }

        @Override
        public boolean collectsWarnings() {
            return !quiet;
        }

        @Override
        public void warn(EngineWarning.Kind kind, String message, String... args) {
            if (quiet) return;
            EngineWarning w = new EngineWarning(step.node(), kind, message, List.of(args));
            if (!warnings.contains(w)) warnings.add(w);
        }
    }
}
