package org.backpropviz.app.learn;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.i18n.Msg;

import org.backpropviz.app.fx.AfterThisFrame;
import org.backpropviz.app.concurrent.EngineWorker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.*;
import javafx.beans.value.ObservableValue;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.train.TrainConfig;
import org.backpropviz.engine.train.Training;
import org.backpropviz.scenario.Scenario;

/**
 * Training the two-layer net on a data set, on the model's one worker. Settings are writable properties (read when a
 * run starts; the learning rate also while it runs); everything the run produces is read-only and updated on the FX
 * thread, at most every ~100 ms. Commands: {@link #start()}, {@link #pause()}, {@link #resume()}, {@link #stop()},
 * {@link #step()}. Call everything on the FX thread.
 */
public final class TrainingModel {
    public enum State { IDLE, LOADING, RUNNING, PAUSED, FINISHED, FAILED }
    public enum Source { IRIS, DIGITS, CSV, SCENARIO }
    public enum Limit { EPOCHS, ITERATIONS }

    /** The settings of one run, captured when it starts. */
    record Settings(Source source, Path csv, NetInputs scenario, boolean scale, double testFraction, int hidden, double initStd,
                    double lr, int batch, Limit limit, int epochs, int iterations, long seed, double targetAccuracy, int plateau) {}

    /** A test image (8×8 digits only) with its prediction. */
    public record Sample(double[] pixels, int label, int predicted, double[] probabilities) {
        public boolean misclassified() { return label != predicted; }
    }

    /** Why a run ended (or {@link #NONE} while it is only paused). */
    public enum End { NONE, EPOCHS, ITERATIONS, TARGET, PLATEAU, STOPPED }

    /** The test-set results when a run pauses or ends. {@code confusion[true][predicted]}. */
    public record Results(int[][] confusion, List<String> classNames, double testAccuracy, int epochs, int iterations, List<Sample> samples,
                          End end) {}

    /**
     * The columns a chart series keeps (see {@link ChartSeries}): about one per pixel of a chart's plot at 1440 px,
     * each with its lowest and highest point, so a run of millions of iterations draws as fast as a short one.
     */
    static final int MAX_COLUMNS = 512;
    /** The longest a run waits for the window to draw its start (see {@link TrainingRun}). */
    static final long AWAIT_DRAWN_MS = 150;

    /** Replaced when Stop abandons a run that is still loading its data (FX thread). */
    private EngineWorker worker = new EngineWorker("backpropviz-training");
    private final ObservableValue<NetInputs> scenario;
    private final AtomicReference<TrainingUpdate> pending = new AtomicReference<>();
    private TrainingRun run;
    /** The current run's generation; read by the workers' {@link #post}. */
    private volatile long gen;

    // settings
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.IRIS);
    private final ObjectProperty<Path> csvFile = new SimpleObjectProperty<>(this, "csvFile");
    private final BooleanProperty scale = new SimpleBooleanProperty(this, "scale", true);
    private final DoubleProperty testFraction = new SimpleDoubleProperty(this, "testFraction", 0.2);
    private final IntegerProperty hidden = new SimpleIntegerProperty(this, "hidden");
    private final DoubleProperty initStd = new SimpleDoubleProperty(this, "initStd");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate");
    private final IntegerProperty pace = new SimpleIntegerProperty(this, "pace", 0);
    private final IntegerProperty batch = new SimpleIntegerProperty(this, "batch");
    private final ObjectProperty<Limit> limit = new SimpleObjectProperty<>(this, "limit", Limit.EPOCHS);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs");
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations", 1000);
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final DoubleProperty targetAccuracy = new SimpleDoubleProperty(this, "targetAccuracy", 0);
    private final IntegerProperty plateau = new SimpleIntegerProperty(this, "plateau", 0);

    // outputs
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyIntegerWrapper iteration = new ReadOnlyIntegerWrapper(this, "iteration", 0);
    private final ReadOnlyObjectWrapper<Training.Epoch> lastEpoch = new ReadOnlyObjectWrapper<>(this, "lastEpoch");
    private final ReadOnlyObjectWrapper<NetInputs> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyObjectWrapper<Results> results = new ReadOnlyObjectWrapper<>(this, "results");
    private final ReadOnlyStringWrapper dataInfo = new ReadOnlyStringWrapper(this, "dataInfo", "");
    private final ReadOnlyStringWrapper layers = new ReadOnlyStringWrapper(this, "layers", "");
    private final ReadOnlyObjectWrapper<Msg> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ChartSeries rawLoss = new ChartSeries(MAX_COLUMNS);
    private final ChartSeries smoothLoss = new ChartSeries(MAX_COLUMNS);
    private final ChartSeries trainAccuracy = new ChartSeries(MAX_COLUMNS);
    private final ChartSeries testAccuracy = new ChartSeries(MAX_COLUMNS);
    private final ReadOnlyLongWrapper lossChanges = new ReadOnlyLongWrapper(this, "lossChanges", 0);
    private final ReadOnlyLongWrapper accuracyChanges = new ReadOnlyLongWrapper(this, "accuracyChanges", 0);
    private final ReadOnlyLongWrapper applied = new ReadOnlyLongWrapper(this, "applied", 0);

    /** @param scenario the current scenario, used when the source is {@link Source#SCENARIO}; its value may be null */
    public TrainingModel(ObservableValue<NetInputs> scenario) {
        this.scenario = scenario;
        if (scenario != null) {
            scenario.addListener((o, was, now) -> layers.set(layersOf(now)));
            layers.set(layersOf(scenario.getValue()));
        } else {
            layers.set(layersOf(null));
        }
        applyDefaults();
        pace.addListener((o, was, now) -> {
            if (run != null) run.setPace(now.intValue());
        });
        source.addListener((o, was, now) -> {
            if (now == Source.IRIS || now == Source.DIGITS) applyDefaults();
        });
    }

    /**
     * The layers a run trains, as the Graph tab has them ({@code Affine → Sigmoid → Affine → Sigmoid → Affine}): a run
     * takes the graph's depth and activations, with the hidden width set here (see {@link TrainingRun}); the book's
     * {@code Affine → ReLU → Affine} when the graph's net has no hidden layer. The names are the layers' own, the same in
     * every language.
     */
    public ReadOnlyStringProperty layersProperty() { return layers.getReadOnlyProperty(); }

    static String layersOf(NetInputs in) {
        if (in == null || in.network().depth() < 2) return "Affine → ReLU → Affine";
        StringBuilder s = new StringBuilder("Affine");
        for (org.backpropviz.engine.Activation a : in.network().activations()) s.append(" → ").append(a.title()).append(" → Affine");
        return s.toString();
    }

    // ------------------------------------------------------------------ settings

    public ObjectProperty<Source> sourceProperty() { return source; }
    public ObjectProperty<Path> csvFileProperty() { return csvFile; }
    /** Scale features to [0, 1] as the book scales MNIST. */
    public BooleanProperty scaleProperty() { return scale; }
    public DoubleProperty testFractionProperty() { return testFraction; }
    public IntegerProperty hiddenProperty() { return hidden; }
    /** The standard deviation of the initial weights (the book's weight_init_std, 0.01). */
    public DoubleProperty initStdProperty() { return initStd; }
    /** The learning rate; a change reaches a running training at its next iteration (see {@link #setLearningRate}). */
    public DoubleProperty learningRateProperty() { return learningRate; }
    /**
     * Iterations per second a run is held to, so that its live charts can be followed on a run that would take under
     * a second; 0 (the default) runs as fast as it goes. A change reaches a running training at its next iteration.
     */
    public IntegerProperty paceProperty() { return pace; }
    public IntegerProperty batchProperty() { return batch; }
    public ObjectProperty<Limit> limitProperty() { return limit; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty iterationsProperty() { return iterations; }
    public LongProperty seedProperty() { return seed; }
    /** Stop once the test accuracy reaches this; 0 for never. */
    public DoubleProperty targetAccuracyProperty() { return targetAccuracy; }
    /** Stop when the test accuracy has not improved for this many epochs; 0 for never. */
    public IntegerProperty plateauProperty() { return plateau; }

    // ------------------------------------------------------------------ outputs

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty iterationProperty() { return iteration.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Training.Epoch> lastEpochProperty() { return lastEpoch.getReadOnlyProperty(); }
    /**
     * The current weights with the next mini-batch as x and t, for the graph view to follow: updated at most ~5 times
     * a second while running, and exactly after a pause, a stop or one iteration. Null before the first run.
     */
    public ReadOnlyObjectProperty<NetInputs> networkProperty() { return network.getReadOnlyProperty(); }
    /** Confusion matrix, final test accuracy and digit samples, when the run pauses or ends; null while running. */
    public ReadOnlyObjectProperty<Results> resultsProperty() { return results.getReadOnlyProperty(); }
    /**
     * Counts the worker's updates applied to this model. It changes after all of an update's properties: a listener
     * here sees an update whole (a run's end sets the network, the state and the results at once).
     */
    public ReadOnlyLongProperty appliedProperty() { return applied.getReadOnlyProperty(); }
    /** {@code name|rows|features|classes|train rows|test rows} of the loaded data, or "". */
    public ReadOnlyStringProperty dataInfoProperty() { return dataInfo.getReadOnlyProperty(); }
    /** Why the run failed (bad data rows with their line number, a failing pass), or "". */
    public ReadOnlyObjectProperty<Msg> errorProperty() { return error.getReadOnlyProperty(); }
    /**
     * Loss per iteration (x: iteration), in at most {@value #MAX_COLUMNS} columns. The series are the model's own,
     * changed on the FX thread: read them there, after {@link #lossChangesProperty()} or
     * {@link #accuracyChangesProperty()} says they changed.
     */
    ChartSeries rawLoss() { return rawLoss; }
    /** The exponential moving average of the loss, at the same iterations as {@link #rawLoss()}. */
    ChartSeries smoothLoss() { return smoothLoss; }
    /** Training accuracy per epoch. */
    ChartSeries trainAccuracy() { return trainAccuracy; }
    /** Test accuracy per epoch. */
    ChartSeries testAccuracy() { return testAccuracy; }
    /** Counts the changes to the loss series: one per update that brought loss points, one per new run that cleared them. */
    public ReadOnlyLongProperty lossChangesProperty() { return lossChanges.getReadOnlyProperty(); }
    /**
     * Counts the changes to the accuracy series: one per update that brought an epoch, one per new run. Apart from
     * {@link #lossChangesProperty()}, so that the accuracy chart is not drawn again for every batch of loss points.
     */
    public ReadOnlyLongProperty accuracyChangesProperty() { return accuracyChanges.getReadOnlyProperty(); }

    // ------------------------------------------------------------------ commands

    /** The book's and the command line's defaults for the chosen built-in data set (Iris for the others). */
    public void applyDefaults() {
        TrainConfig c = TrainConfig.defaults(source.get() == Source.DIGITS ? "digits" : "iris");
        hidden.set(c.hidden());
        initStd.set(c.initStd());
        learningRate.set(c.lr());
        batch.set(c.batch());
        epochs.set(c.epochs());
        seed.set(c.seed());
        testFraction.set(c.testFraction());
        scale.set(c.scale());
        limit.set(Limit.EPOCHS);
        targetAccuracy.set(0);
        plateau.set(0);
    }

    /** Starts a new run with the current settings; a running one is dropped. */
    public void start() {
        begin();
        worker.execute(run::loop);
    }

    /** Pauses a running training after its current iteration. */
    public void pause() {
        if (run != null && state.get() == State.RUNNING) run.requestPause(true);
    }

    public void resume() {
        if (run == null || state.get() != State.PAUSED) return;
        run.requestPause(false);
        worker.execute(run::loop);
    }

    /**
     * Ends the run: the test results are computed as at a normal end. While the data is still loading, the run is
     * abandoned at once (back to {@link State#IDLE}): a load may take long or never end (a file that is never
     * written), and the window's buttons must not wait for it.
     */
    public void stop() {
        if (run == null) return;
        if (state.get() == State.LOADING) abandon();
        else if (state.get() == State.RUNNING) run.requestStop();
        else if (state.get() == State.PAUSED) worker.execute(run::finish);
    }

    /**
     * Drops the current run: its updates are ignored from now on, and it is left to the old worker, interrupted (the
     * CSV reader stops at its next block), while later runs get a new worker and never queue behind it.
     */
    private void abandon() {
        run.requestStop();
        run = null;
        gen++;
        pending.set(null);
        worker.shutdown();
        worker = new EngineWorker("backpropviz-training");
        state.set(State.IDLE);
    }

    /** One mini-batch (starting a paused run first when there is none), then paused. */
    public void step() {
        State s = state.get();
        if (s == State.RUNNING || s == State.LOADING) return;
        if (run == null || s == State.FINISHED || s == State.FAILED || s == State.IDLE) begin();
        run.requestPause(true);
        worker.execute(run::step);
    }

    /** Sets the learning rate, also for a running training (from its next iteration; no reset). */
    public void setLearningRate(double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("learning rate must be a positive number");
        learningRate.set(v);
        if (run != null) run.setLearningRate(v);
    }

    /**
     * The trained network with the next mini-batch as a scenario (the lead writes it to a file), named and described
     * in {@code text}'s language ({@link #trainedName()}, {@link #trainedDescription()}). Null before a run.
     */
    public Scenario saveAsScenario(Messages text) {
        NetInputs n = network.get();
        if (n == null) return null;
        return new Scenario(text.get(trainedName()), text.get(trainedDescription()), learningRate.get(), n);
    }

    /** The trained network's name as a key and its arguments ("Trained on iris"), for a view to render. */
    public Msg trainedName() {
        return Msg.of("export.name", dataName());
    }

    /** What the trained network is (data, sizes, rate, iterations, test accuracy), as a key and its arguments. */
    public Msg trainedDescription() {
        Results r = results.get();
        return Msg.of("export.description", dataName(), hidden.get(), org.backpropviz.text.Numbers.repr(learningRate.get()), batch.get(),
                iteration.get(), r == null ? "?" : String.format(java.util.Locale.ROOT, "%.4f", r.testAccuracy()));
    }

    /** The trained network with the next mini-batch as a NumPy script (the lesson's layers). Null before a run. */
    public String exportNumpyCode(Messages text) {
        Scenario s = saveAsScenario(text);
        return s == null ? null : org.backpropviz.scenario.NumpyExport.script(s);
    }

    private String dataName() {
        String info = dataInfo.get();
        return info.isEmpty() ? source.get().name().toLowerCase(java.util.Locale.ROOT) : info.substring(0, info.indexOf('|'));
    }

    /** Stops the worker. */
    public void dispose() {
        if (run != null) run.requestStop();
        worker.shutdown();
    }

    // ------------------------------------------------------------------ applying the worker's updates

    private void begin() {
        if (run != null) run.requestStop();
        gen++;
        pending.set(null);
        Settings s = new Settings(source.get(), csvFile.get(), scenario == null ? null : scenario.getValue(), scale.get(),
                testFraction.get(), hidden.get(), initStd.get(), learningRate.get(), batch.get(), limit.get(), epochs.get(),
                iterations.get(), seed.get(), targetAccuracy.get(), plateau.get());
        rawLoss.clear();
        smoothLoss.clear();
        trainAccuracy.clear();
        testAccuracy.clear();
        lossChanges.set(lossChanges.get() + 1);
        accuracyChanges.set(accuracyChanges.get() + 1);
        lastEpoch.set(null);
        results.set(null);
        error.set(null);
        dataInfo.set("");
        progress.set(0);
        iteration.set(0);
        state.set(State.LOADING);
        run = new TrainingRun(s, gen, this::post, this::awaitDrawn);
        run.setPace(pace.get());
    }

    /**
     * Worker thread: waits until the window has drawn the updates posted so far (two pulses after they are applied:
     * the first lays them out, and the second starts once the renderer has painted them), at most
     * {@value #AWAIT_DRAWN_MS} ms, so that a window that draws no frames (minimised, say) never holds a run up.
     */
    private void awaitDrawn() {
        CountDownLatch drawn = new CountDownLatch(1);
        Platform.runLater(() -> AfterThisFrame.run(2, drawn::countDown));
        try {
            drawn.await(AWAIT_DRAWN_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Worker thread: merges into the pending update; schedules one runLater only when none is pending. An update of
     * an abandoned run (which may still post from its old worker) never replaces one of a newer run.
     */
    private void post(TrainingUpdate u) {
        if (u.gen() != gen) return;
        TrainingUpdate before = pending.getAndAccumulate(u, (old, now) -> old == null || old.gen() < now.gen() ? now
                : old.gen() > now.gen() ? old : old.merge(now));
        if (before == null) Platform.runLater(this::drain);
    }

    private void drain() {
        TrainingUpdate u = pending.getAndSet(null);
        if (u == null || u.gen() != gen) return; // a stale run
        for (double[] p : u.loss()) {
            rawLoss.add(p[0], p[1]);
            smoothLoss.add(p[0], p[2]);
        }
        for (Training.Epoch e : u.epochs()) {
            trainAccuracy.add(e.epoch(), e.trainAccuracy());
            testAccuracy.add(e.epoch(), e.testAccuracy());
        }
        if (!u.epochs().isEmpty()) lastEpoch.set(u.epochs().get(u.epochs().size() - 1));
        if (!u.loss().isEmpty()) lossChanges.set(lossChanges.get() + 1);
        if (!u.epochs().isEmpty()) accuracyChanges.set(accuracyChanges.get() + 1);
        if (u.progress() != null) progress.set(u.progress());
        if (u.iteration() != null) iteration.set(u.iteration());
        if (u.dataInfo() != null) dataInfo.set(u.dataInfo());
        if (u.network() != null) network.set(u.network());
        if (u.error() != null) error.set(u.error());
        if (u.state() != null) {
            state.set(u.state());
            if (u.state() == State.RUNNING) results.set(null);
        }
        if (u.results() != null) results.set(u.results());
        applied.set(applied.get() + 1);
    }
}
