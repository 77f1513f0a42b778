package org.backpropviz.app.model;

import org.backpropviz.text.Numbers;
import org.backpropviz.app.concurrent.EngineWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Phase;
import org.backpropviz.engine.Sgd;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;

/**
 * The state of the graph window: the scenario, the whole chain of {@link Trace} snapshots of one iteration
 * (computed on the {@link EngineWorker}), and the index of the snapshot shown. Stepping moves the index, so step
 * and step back are instant and never run the engine on the JavaFX thread. All methods are called on the FX thread.
 */
public final class GraphViewModel {
    /** Animation time per step at each speed, slowest first; the last is instant. */
    public static final int[] SPEED_MILLIS = {2400, 1200, 600, 250, 0};

    /** Something that happened that the status line should say: a bundle key and its arguments. */
    public record Notice(String key, List<Object> args, boolean error) {}

    /** A computed chain; with {@code before}, the change it shows is recorded in the history under its name. */
    private record Computed(Scenario scenario, List<Trace> chain, Scenario before, String key, List<Object> args) {
        Computed(Scenario scenario, List<Trace> chain) {
            this(scenario, chain, null, null, List.of());
        }
    }

    private final EngineWorker worker = new EngineWorker();
    private final ScenarioHistory history = new ScenarioHistory();
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Trace> furthest = new ReadOnlyObjectWrapper<>(this, "furthest");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<String> preset = new ReadOnlyObjectWrapper<>(this, "preset");
    private final IntegerProperty speed = new SimpleIntegerProperty(this, "speed", 2);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final PauseTransition playTimer = new PauseTransition();
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following");
    private List<Trace> chain = List.of();
    /** The scenario shown before a training run was followed: what undoing the trained network comes back to. */
    private Scenario beforeFollowing;
    /** Computes an iteration's snapshots on the worker: {@link #chainOf}; a test makes it fail (see EngineFaults). */
    private Function<NetInputs, List<Trace>> evaluator = GraphViewModel::chainOf;

    public GraphViewModel(Scenario initial) {
        this(initial, null);
    }

    /** @param presetName the preset {@code initial} was read from, or null */
    public GraphViewModel(Scenario initial, String presetName) {
        playTimer.setOnFinished(e -> playTick());
        load(initial);
        preset.set(presetName);
    }

    // ------------------------------------------------------------------ properties

    /**
     * The scenario's one undo history: every change (editor edits, quick fixes, network changes, presets, SGD updates,
     * trained networks applied) is one named entry.
     */
    public ScenarioHistory history() { return history; }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() { return scenario.getReadOnlyProperty(); }
    public Scenario getScenario() { return scenario.get(); }

    /** The snapshot shown. */
    public ReadOnlyObjectProperty<Trace> traceProperty() { return trace.getReadOnlyProperty(); }
    public Trace getTrace() { return trace.get(); }

    /** The last snapshot of the iteration (complete, or stopped at an error); the start while computing. */
    public ReadOnlyObjectProperty<Trace> furthestProperty() { return furthest.getReadOnlyProperty(); }
    public Trace getFurthest() { return furthest.get(); }

    /** How many steps the shown snapshot has done. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }

    /** True once the chain for the current scenario has been computed. */
    public ReadOnlyBooleanProperty readyProperty() { return ready.getReadOnlyProperty(); }
    public boolean isReady() { return ready.get(); }

    /** True while the engine worker has work queued or running. */
    public ReadOnlyBooleanProperty busyProperty() { return worker.busyProperty(); }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }

    /** True while the graph shows a running training's network (values only, no steps). */
    public ReadOnlyBooleanProperty followingProperty() { return following.getReadOnlyProperty(); }
    public boolean isFollowing() { return following.get(); }

    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }

    /** The name of the preset the scenario was loaded from, or null. */
    public ReadOnlyObjectProperty<String> presetProperty() { return preset.getReadOnlyProperty(); }

    /** The id of the node open in the inspector, or null. */
    public ObjectProperty<String> selectedProperty() { return selected; }

    /** 0 (slowest) … {@code SPEED_MILLIS.length - 1} (instant). */
    public IntegerProperty speedProperty() { return speed; }

    public DoubleProperty learningRateProperty() { return learningRate; }

    /** The animation time of one step at the current speed. */
    public Duration stepDuration() {
        int s = Math.max(0, Math.min(SPEED_MILLIS.length - 1, speed.get()));
        return Duration.millis(SPEED_MILLIS[s]);
    }

    public boolean canStep() { return index.get() < chain.size() - 1; }
    public boolean canBack() { return index.get() > 0; }
    public boolean canUpdate() { return ready.get() && furthest.get().isComplete(); }

    // ------------------------------------------------------------------ commands

    /**
     * How the description of an edited scenario reads, from the scenario's name: the description the example came
     * with may no longer hold after a fix or an edit (a preset's "the backward pass fails" once it is fixed), so it is
     * replaced. The view sets it in the user's language; the descriptions written in the languages set before still
     * count as edited ones (a scenario edited before a language switch is still an edited one).
     */
    public void setEditedDescription(java.util.Locale language, Function<String, String> fromName) {
        editedDescription = java.util.Objects.requireNonNull(fromName);
        editedDescriptions.put(language, fromName);
    }

    /** True when the scenario was changed by a fix, an edit or a network change since it was loaded. */
    public boolean isEdited() {
        Scenario s = scenario.get();
        return s != null && (s.description().equals(editedDescription.apply(s.name()))
                || editedDescriptions.values().stream().anyMatch(f -> s.description().equals(f.apply(s.name()))));
    }

    private Function<String, String> editedDescription = name -> "Edited from \u201c" + name + "\u201d.";
    /** How each language the window has shown words an edited scenario's description. */
    private final java.util.Map<java.util.Locale, Function<String, String>> editedDescriptions = new java.util.HashMap<>();

    /**
     * The edited scenario with its description replaced when that description is an example's (a preset's, or one
     * already replaced): a description the user wrote in their own file is theirs and stays.
     */
    private static Scenario described(Scenario edited, Function<String, String> description, boolean example) {
        return example ? edited.withDescription(description.apply(edited.name())) : edited;
    }

    /**
     * True when the scenario shown is an example's (a preset, a trained network, or one edited from them), whose
     * description may go stale.
     */
    private boolean describesAnExample() {
        return preset.get() != null || isEdited() || generated.containsKey(scenario.get().description());
    }

    /**
     * Names and descriptions the window generated (a trained network's "Trained on iris", in the language of the
     * moment), each with the key and arguments it was made from: a view shows them in its own language
     * ({@link #generatedFrom}), so they follow a language switch as a preset's text does. The last 64 are kept.
     */
    private final java.util.Map<String, org.backpropviz.app.i18n.Msg> generated = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, org.backpropviz.app.i18n.Msg> eldest) {
            return size() > 64;
        }
    };

    /** Remembers that {@code text} (a scenario's name or description) was rendered from {@code from}. */
    public void generated(String text, org.backpropviz.app.i18n.Msg from) {
        if (text != null && !text.isEmpty()) generated.put(text, from);
    }

    /** The key and arguments {@code text} was generated from, or null for a text of the scenario's own (a file's). */
    public org.backpropviz.app.i18n.Msg generatedFrom(String text) {
        return generated.get(text);
    }

    /** Shows a preset from its start; undo comes back to the scenario before. */
    public void loadPreset(String name, Scenario s) {
        Scenario before = scenario.get();
        load(s);
        preset.set(name);
        if (before != null && !before.equals(s)) history.record(before, "change.preset", List.of(s.name()));
    }

    /**
     * Changes the scenario as one undoable step named by a bundle key and its arguments ({@code change.addLayer}):
     * a change to its network, say. The new scenario is shown from its start.
     */
    public void change(Scenario next, String key, List<Object> args) {
        Scenario before = scenario.get();
        if (next.equals(before)) return;
        String name = preset.get();
        load(described(next, editedDescription, describesAnExample()));
        if (name != null) preset.set(name); // the preset's text still says what the example is about
        history.record(before, key, args);
        notice.set(new Notice("notice.changed", List.of(key, args), false));
    }

    /** Takes back the last change of the scenario (see {@link ScenarioHistory}). */
    public void undo() {
        Scenario s = history.undo(scenario.get());
        if (s != null) restore(s, "notice.undone");
    }

    /** Makes the last undone change again. */
    public void redo() {
        Scenario s = history.redo(scenario.get());
        if (s != null) restore(s, "notice.redone");
    }

    private void restore(Scenario s, String noticeKey) {
        var e = noticeKey.equals("notice.undone") ? history.nextRedoProperty().get() : history.nextUndoProperty().get();
        stopPlaying();
        following.set(false);
        s.learningRate().ifPresent(learningRate::set);
        Notice said = new Notice(noticeKey, List.of(e.key(), e.args()), false);
        if (!s.inputs().network().equals(scenario.get().inputs().network())) {
            compute(s, 0, said); // another network: from its start
            return;
        }
        // the same network with other arrays (an edit, a fix): re-run to the same step, as the change itself did
        scenario.set(s);
        ready.set(false);
        NetInputs in = s.inputs();
        Function<NetInputs, List<Trace>> eval = evaluator;
        submit(() -> new Computed(s, eval.apply(in)), index.get(), c -> said);
    }

    /** Shows another scenario from its start; its chain is computed on the worker. */
    public void load(Scenario s) {
        preset.set(null);
        following.set(false);
        stopPlaying();
        s.learningRate().ifPresent(learningRate::set);
        compute(s, 0, null);
    }

    /**
     * Replaces one input or parameter array (an edit in the matrix editor) and re-runs the iteration up to the same
     * step, clamped to where the new chain stops. The scenario changes at once; the chain follows from the worker.
     * A burst of edits is coalesced: the worker skips every request made stale by a newer one.
     */
    public void edit(org.backpropviz.engine.Param p, org.backpropviz.engine.NDArray value) {
        edit(p, value, "change.replace", List.of(p.label()));
    }

    /**
     * {@link #edit(org.backpropviz.engine.Param, NDArray)} recorded in the history as one change named by a bundle key
     * and its arguments ({@code change.editCell}, {@code [W1, [0, 0]]}).
     */
    public void edit(org.backpropviz.engine.Param p, NDArray value, String key, List<Object> args) {
        stopPlaying();
        following.set(false);
        Scenario before = scenario.get();
        Scenario changed = before.with(p, value);
        if (changed.equals(before)) return;
        Scenario edited = described(changed, editedDescription, describesAnExample());
        history.record(before, key, args);
        scenario.set(edited);
        ready.set(false); // the old chain stays on screen until the new one is computed
        NetInputs in = edited.inputs();
        Function<NetInputs, List<Trace>> eval = evaluator;
        submit(() -> new Computed(edited, eval.apply(in)), index.get(),
                c -> new Notice("notice.edited", List.of(p.label(), value.shapeString()), false));
    }

    /**
     * Shows a network a running training is changing: its arrays only (the start of an iteration, nothing stepped),
     * cheap enough to call several times a second. {@link #load} it to step through it.
     */
    public void follow(Scenario s) {
        stopPlaying();
        if (!following.get()) beforeFollowing = scenario.get();
        preset.set(null);
        scenario.set(s);
        Trace start = Trace.start(s.inputs());
        chain = List.of(start);
        following.set(true);
        worker.submit(() -> null, x -> { }, f -> { }); // drops a chain still being computed for an older network
        ready.set(true);
        furthest.set(start);
        show(0);
    }

    /**
     * Shows a trained network whole (to step through it), as one change of the history: undo comes back to the
     * scenario shown before the training was followed.
     */
    public void applyTrained(Scenario s) {
        // the same trained network again, only described anew (a run's test accuracy arrives just after its end):
        // still the one change, whose undo goes back to the scenario from before the training
        boolean again = !following.get() && trainedShown != null && scenario.get() == trainedShown
                && trainedShown.inputs().equals(s.inputs());
        Scenario before = following.get() && beforeFollowing != null ? beforeFollowing : scenario.get();
        beforeFollowing = null;
        load(s);
        trainedShown = scenario.get();
        if (!again && before != null && !before.equals(s)) history.record(before, "change.trained", List.of());
    }

    /** The trained network {@link #applyTrained} showed last, while it is the scenario shown. */
    private Scenario trainedShown;

    /** Applies a quick fix: edits the scenario and re-runs to the same step; one change of the history. */
    public void applyFix(QuickFix fix) {
        stopPlaying();
        following.set(false);
        Scenario s = scenario.get();
        ready.set(false); // the edit and the new chain are computed on the worker; the old state stays on screen meanwhile
        Function<NetInputs, List<Trace>> eval = evaluator;
        Function<String, String> description = editedDescription;
        boolean example = describesAnExample();
        submit(() -> {
            Scenario edited = described(fix.edit().apply(s), description, example);
            return new Computed(edited, eval.apply(edited.inputs()), s, fix.changeKey(), fix.changeArgs());
        }, index.get(), c -> new Notice("notice.fixed", fixText(fix), false));
    }

    /** One step: the next node of the forward pass, then of the backward pass. */
    public void step() {
        if (canStep()) show(index.get() + 1);
    }

    /** Undoes exactly one step. */
    public void back() {
        stopPlaying();
        if (canBack()) show(index.get() - 1);
    }

    public void reset() {
        stopPlaying();
        show(0);
    }

    /** Runs the rest of the current pass (forward or backward), stopping early at an error. */
    public void runPass() {
        Optional<Step> next = trace.get().next();
        if (next.isEmpty()) return;
        Phase phase = next.get().phase();
        int i = index.get();
        while (i < chain.size() - 1 && chain.get(i).next().map(s -> s.phase() == phase).orElse(false)) i++;
        show(i);
    }

    /** Starts stepping through the whole iteration, or pauses it. */
    public void togglePlay() {
        if (playing.get()) {
            stopPlaying();
            return;
        }
        if (!canStep() && ready.get()) show(0);
        playing.set(true);
        playTick();
    }

    /** One SGD update {@code param -= lr * grad} with the gradients of the whole iteration; then starts again. */
    public void sgdUpdate() {
        if (!canUpdate()) return;
        stopPlaying();
        Scenario s = scenario.get();
        Trace done = furthest.get();
        double lr = learningRate.get();
        double before = done.loss().orElse(Double.NaN);
        ready.set(false);
        Function<NetInputs, List<Trace>> eval = evaluator;
        submit(() -> {
            NetInputs in = Sgd.update(s.inputs(), done.grads(), lr);
            return new Computed(s.withInputs(in).withLearningRate(lr), eval.apply(in), s, "change.sgd", List.of(format(lr)));
        }, 0, c -> new Notice("notice.sgd", List.of(format(before),
                format(c.chain().get(c.chain().size() - 1).loss().orElse(Double.NaN)), format(lr)), false));
    }

    /** Says something in the status line (a bundle key and its arguments), e.g. that a file was saved. */
    public void say(String key, List<Object> args, boolean error) {
        notice.set(new Notice(key, List.copyOf(args), error));
    }

    /**
     * Runs {@code work} for a view on the engine worker, after what is queued there (such as the pictures of a pass's
     * arrays, made ahead). The work must not touch the scene graph, and nothing is handed back: it leaves its results
     * where the view looks for them (or, at most, tells the view with {@code Platform.runLater} that what was queued
     * before it is done). It never makes a pending pass stale.
     */
    public void runOnWorker(Runnable work) {
        try {
            worker.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            // the window is closing: nothing will be shown
        }
    }

    /** Stops the worker; call when the window closes. */
    public void shutdown() {
        stopPlaying();
        worker.invalidate(); // an evaluation cut short by the shutdown is not reported as a failure
        worker.shutdown();
    }

    // ------------------------------------------------------------------ internals

    private void compute(Scenario s, int keep, Notice after) {
        String id = selected.get();
        if (id != null && !NetGraph.of(s.inputs().network()).find(id).isPresent()) selected.set(null); // its layer is gone
        scenario.set(s);
        Trace start = Trace.start(s.inputs());
        chain = List.of(start);
        ready.set(false);
        furthest.set(start);
        show(0);
        NetInputs in = s.inputs();
        Function<NetInputs, List<Trace>> eval = evaluator;
        submit(() -> new Computed(s, eval.apply(in)), keep, c -> after);
    }

    private void submit(java.util.concurrent.Callable<Computed> work, int keep,
                        java.util.function.Function<Computed, Notice> noticeOf) {
        worker.submit(work, c -> {
            if (c.before() != null && !c.before().equals(c.scenario())) history.record(c.before(), c.key(), c.args());
            scenario.set(c.scenario());
            chain = c.chain();
            furthest.set(chain.get(chain.size() - 1));
            ready.set(true);
            notice.set(noticeOf.apply(c));
            show(Math.min(keep, chain.size() - 1));
        }, failure -> {
            ready.set(true); // the chain on screen is still the last good one
            notice.set(failureNotice(failure));
        });
    }

    /**
     * What the status line says when an evaluation threw: NumPy's refusal, running out of memory (the arrays are too
     * large for the heap; what the failed evaluation held is garbage by now, so the next edit runs as usual), or any
     * other failure by its message. Anything but NumPy's refusal is also printed with its stack trace: it is a bug
     * or a limit, not a lesson.
     */
    static Notice failureNotice(Throwable failure) {
        if (failure instanceof org.backpropviz.engine.OpFailure) {
            return new Notice("notice.numpyFailed", List.of(String.valueOf(failure.getMessage())), true);
        }
        failure.printStackTrace();
        if (failure instanceof OutOfMemoryError) {
            return new Notice("notice.outOfMemory", List.of(Runtime.getRuntime().maxMemory() >> 20), true);
        }
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new Notice("notice.failed", List.of(why), true);
    }

    /** Replaces the evaluation the worker runs ({@link #chainOf}); for tests that make the engine fail. */
    void setEvaluator(Function<NetInputs, List<Trace>> evaluator) {
        this.evaluator = evaluator;
    }

    /** Every snapshot of one iteration, from the start to the end or to the failed step. Runs on the worker. */
    static List<Trace> chainOf(NetInputs in) {
        List<Trace> out = new ArrayList<>();
        Trace t = Trace.start(in);
        out.add(t);
        while (t.next().isPresent()) {
            if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("interrupted");
            t = t.step();
            out.add(t);
        }
        for (NDArray a : in.asMap().values()) prepare(a);
        for (Trace snapshot : out) prepareForViews(snapshot);
        return List.copyOf(out);
    }

    /**
     * Computes, here on the worker, what the views' heatmaps ask of every array of {@code t} (its largest |element|,
     * whether it is signed, whether it is finite), which they would otherwise compute on the JavaFX thread (a scan of a
     * million values per 1000 × 1000 array, three times for each view that shows it).
     */
    private static void prepareForViews(Trace t) {
        t.forwardValues().values().forEach(GraphViewModel::prepare);
        t.backwardValues().values().forEach(GraphViewModel::prepare);
        t.grads().values().forEach(GraphViewModel::prepare);
    }

    private static void prepare(NDArray a) {
        a.maxAbsFinite();
        a.anyNegative();
        a.allFinite();
    }

    private void show(int i) {
        index.set(i);
        trace.set(chain.get(i));
    }

    private void playTick() {
        if (!playing.get()) return;
        if (!canStep()) {
            if (ready.get()) stopPlaying();
            else restartTimer(Duration.millis(100));
            return;
        }
        step();
        restartTimer(stepDuration().add(Duration.millis(350)));
    }

    private void restartTimer(Duration d) {
        playTimer.stop();
        playTimer.setDuration(d);
        playTimer.playFromStart();
    }

    private void stopPlaying() {
        playing.set(false);
        playTimer.stop();
    }

    /** The fix's own message key and arguments, for the status line to translate. */
    private static List<Object> fixText(QuickFix fix) {
        List<Object> out = new ArrayList<>();
        out.add(fix.messageKey());
        out.addAll(fix.args());
        return out;
    }

    private static String format(double v) {
        return Numbers.repr(v);
    }
}
