package org.backpropviz.app.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.train.Dataset;
import org.backpropviz.engine.train.TrainConfig;
import org.backpropviz.engine.train.Training;

/**
 * One training run on the worker thread: loads the data, builds the {@link Training}, and iterates exactly as the
 * {@code train} command does ({@code iterate()}, then {@code endEpoch()} when an epoch is complete), so the app shows
 * the command line's numbers for the same settings. Every method except the flag setters runs on the worker; updates
 * leave through {@code post}, throttled to one every {@value #POST_MS} ms and a network every {@value #NETWORK_MS} ms.
 *
 * <p>A run leaves the CPU to the window for its first frames: it loads the data, and later starts iterating, only
 * once the window has drawn what the run changed so far ({@code awaitDrawn}, a few frames at most). On two cores
 * those frames otherwise shared one core with the renderer and the compiler while the training took the other. Over
 * 8 digits runs each, interleaved with the build before, a first run's longest frame gap had a median of 28 ms
 * against 30, a second run's 22 ms against 26 (README).
 */
final class TrainingRun {
    static final long POST_MS = 100, NETWORK_MS = 200;
    /** The smoothed loss is an exponential moving average with this decay, debiased as in TensorBoard. */
    static final double EMA = 0.95;

    private final TrainingModel.Settings settings;
    private final long gen;
    private final Consumer<TrainingUpdate> post;
    private final Runnable awaitDrawn;
    private volatile Training training;
    private volatile double lr;
    private volatile boolean pauseRequested, stopRequested;
    /** Iterations per second the loop is held to; 0: as fast as it goes. */
    private volatile int pace;
    private int itersPerEpoch = 1;
    private double ema;
    private int emaCount;
    private Training.Epoch lastEpoch;

    /**
     * @param post takes every update to the window (from the worker)
     * @param awaitDrawn blocks the worker until the window has drawn the updates posted so far, or briefly at most
     */
    TrainingRun(TrainingModel.Settings settings, long gen, Consumer<TrainingUpdate> post, Runnable awaitDrawn) {
        this.settings = settings;
        this.gen = gen;
        this.post = post;
        this.awaitDrawn = awaitDrawn;
        this.lr = settings.lr();
    }

    // ------------------------------------------------------------------ any thread

    void requestPause(boolean pause) { pauseRequested = pause; }
    void requestStop() { stopRequested = true; }

    /** Holds the loop to {@code perSecond} iterations a second (0: no limit), from the next iteration. */
    void setPace(int perSecond) { pace = Math.max(0, perSecond); }

    /** Takes effect at the next iteration. */
    void setLearningRate(double v) {
        lr = v;
        Training t = training;
        if (t != null) t.setLearningRate(v);
    }

    // ------------------------------------------------------------------ worker thread

    /**
     * The graph's network, trained: its depth and activations (and, on the scenario's own batch, its hidden widths);
     * the book's two-layer net when the scenario has no hidden layer.
     */
    static TrainConfig sameNetwork(TrainConfig c, TrainingModel.Settings settings) {
        org.backpropviz.engine.NetInputs in = settings.scenario();
        if (in == null || in.network().depth() < 2) return c;
        org.backpropviz.engine.Network n = in.network();
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        for (int k = 1; k < n.depth(); k++) {
            org.backpropviz.engine.NDArray w = in.get(org.backpropviz.engine.Param.w(k));
            boolean own = settings.source() == TrainingModel.Source.SCENARIO && w.rank() == 2;
            sizes.add(own ? w.cols() : settings.hidden());
        }
        return c.withLayers(sizes, n.activations());
    }

    /** Loads the data and initialises the weights; false (after posting the failure) when that fails. */
    boolean prepare() {
        if (training != null) return true;
        try {
            Dataset d = DataLoader.load(settings.source(), settings.csv(), settings.scenario(), settings.testFraction());
            int trainRows = d.size() - (int) Math.round(d.size() * settings.testFraction());
            itersPerEpoch = (trainRows + settings.batch() - 1) / settings.batch();
            int epochs = settings.limit() == TrainingModel.Limit.EPOCHS ? settings.epochs()
                    : settings.iterations() / itersPerEpoch + 1;
            TrainConfig c = new TrainConfig(settings.hidden(), settings.lr(), settings.batch(), epochs, settings.seed(),
                    settings.initStd(), settings.testFraction(), settings.scale(), settings.targetAccuracy(), settings.plateau());
            c = sameNetwork(c, settings);
            Training t = new Training(d, c);
            t.setLearningRate(lr);
            training = t;
            t.setLearningRate(lr); // a change made while the weights were being built
            post.accept(TrainingUpdate.of(gen).withDataInfo(d.name() + "|" + d.size() + "|" + d.features() + "|" + d.classes()
                    + "|" + t.trainSet().size() + "|" + t.testSet().size()).withNetwork(t.nextBatch()).withProgress(0, 0));
            return true;
        } catch (DataLoader.Refused e) {
            post.accept(TrainingUpdate.of(gen).withState(TrainingModel.State.FAILED).withError(org.backpropviz.app.i18n.Msg.of(e.key, e.args)));
        } catch (Throwable e) { // an OutOfMemoryError too: the run ends with a message, the window stays usable
            post.accept(TrainingUpdate.of(gen).withState(TrainingModel.State.FAILED).withError(describe(e)));
        }
        return false;
    }

    /**
     * What the window says when a run fails on the worker: a full heap in words of the settings that fill it, anything
     * else by its message (or, without one, its kind).
     */
    static org.backpropviz.app.i18n.Msg describe(Throwable e) {
        if (e instanceof OutOfMemoryError) return org.backpropviz.app.i18n.Msg.of("run.outOfMemory");
        String m = e.getMessage();
        return org.backpropviz.app.i18n.Msg.of("run.message", m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    /** Ends the run as failed, with the loss and epochs not yet posted. */
    private void fail(List<double[]> loss, List<Training.Epoch> epochs, Throwable e) {
        TrainingUpdate u = training == null ? TrainingUpdate.of(gen) : progress(loss, epochs);
        post.accept(u.withState(TrainingModel.State.FAILED).withError(describe(e)));
    }

    private boolean done() {
        Training t = training;
        return t.finished() || settings.limit() == TrainingModel.Limit.ITERATIONS && t.iteration() >= settings.iterations();
    }

    /** Iterates until paused, stopped or done. Whatever it throws (an OutOfMemoryError too) ends the run as failed. */
    void loop() {
        if (training == null) awaitDrawn.run(); // the click's frame (settings greyed out, charts emptied) first
        if (!prepare()) return;
        List<double[]> loss = new ArrayList<>();
        List<Training.Epoch> epochs = new ArrayList<>();
        try {
            if (done()) {
                finish();
                return;
            }
            post.accept(TrainingUpdate.of(gen).withState(TrainingModel.State.RUNNING));
            awaitDrawn.run(); // then the frame with the data's name, the first network and the running state
            long lastPost = System.nanoTime(), lastNet = lastPost, lastIteration = lastPost;
            while (!done() && !pauseRequested && !stopRequested && !Thread.currentThread().isInterrupted()) {
                iterate(loss, epochs);
                lastIteration = keepPace(lastIteration);
                long now = System.nanoTime();
                if (now - lastPost >= POST_MS * 1_000_000) {
                    TrainingUpdate u = progress(loss, epochs);
                    if (now - lastNet >= NETWORK_MS * 1_000_000) {
                        u = u.withNetwork(training.nextBatch());
                        lastNet = now;
                    }
                    post.accept(u);
                    loss.clear();
                    epochs.clear();
                    lastPost = now;
                }
            }
            post.accept(progress(loss, epochs));
            loss.clear();
            epochs.clear();
            if (done() || stopRequested) finish();
            else post.accept(TrainingUpdate.of(gen).withState(TrainingModel.State.PAUSED).withNetwork(training.nextBatch()).withResults(results(TrainingModel.End.NONE)));
        } catch (Throwable e) {
            fail(loss, epochs, e);
        }
    }

    /** Waits until the pace allows the next iteration; returns the time it did. */
    private long keepPace(long lastIteration) {
        int p = pace;
        if (p > 0) {
            long wait = lastIteration + 1_000_000_000L / p - System.nanoTime();
            if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        return System.nanoTime();
    }

    /** One mini-batch, then paused. */
    void step() {
        if (!prepare()) return;
        List<double[]> loss = new ArrayList<>();
        List<Training.Epoch> epochs = new ArrayList<>();
        try {
            if (done()) {
                finish();
                return;
            }
            iterate(loss, epochs);
            TrainingModel.State s = done() ? TrainingModel.State.FINISHED : TrainingModel.State.PAUSED;
            post.accept(progress(loss, epochs).withState(s).withNetwork(training.nextBatch()).withResults(results(end())));
        } catch (Throwable e) {
            fail(loss, epochs, e);
        }
    }

    /** The end: final accuracy, confusion matrix and sample predictions. */
    void finish() {
        if (training == null) {
            post.accept(TrainingUpdate.of(gen).withState(TrainingModel.State.IDLE));
            return;
        }
        try {
            post.accept(TrainingUpdate.of(gen).withState(TrainingModel.State.FINISHED).withNetwork(training.nextBatch()).withResults(results(end())));
        } catch (Throwable e) {
            fail(List.of(), List.of(), e);
        }
    }

    /** Why the run ends now. */
    private TrainingModel.End end() {
        Training t = training;
        if (!done()) return stopRequested ? TrainingModel.End.STOPPED : TrainingModel.End.NONE;
        if (settings.limit() == TrainingModel.Limit.ITERATIONS && t.iteration() >= settings.iterations()) return TrainingModel.End.ITERATIONS;
        if (t.epoch() >= t.config().epochs()) return TrainingModel.End.EPOCHS;
        boolean target = settings.targetAccuracy() > 0 && lastEpoch != null && lastEpoch.testAccuracy() >= settings.targetAccuracy();
        return target ? TrainingModel.End.TARGET : TrainingModel.End.PLATEAU;
    }

    private void iterate(List<double[]> loss, List<Training.Epoch> epochs) {
        Training t = training;
        Training.Iteration it = t.iterate();
        emaCount++;
        ema = EMA * ema + (1 - EMA) * it.loss();
        double smooth = ema / (1 - Math.pow(EMA, emaCount));
        loss.add(new double[] {it.iteration(), it.loss(), smooth});
        if (t.epochComplete()) {
            lastEpoch = t.endEpoch();
            epochs.add(lastEpoch);
        }
    }

    private TrainingUpdate progress(List<double[]> loss, List<Training.Epoch> epochs) {
        Training t = training;
        double total = settings.limit() == TrainingModel.Limit.EPOCHS ? (double) settings.epochs() * itersPerEpoch : settings.iterations();
        double p = t.finished() ? 1 : Math.min(1, t.iteration() / total);
        return TrainingUpdate.of(gen).withLoss(loss).withEpochs(epochs).withProgress(p, t.iteration());
    }

    private TrainingModel.Results results(TrainingModel.End end) {
        Training t = training;
        Dataset test = t.testSet();
        int[] predicted = t.predict(test.x()); // in parts: the whole test set's probabilities may not fit in memory
        int ok = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == test.label(i)) ok++;
        List<TrainingModel.Sample> samples = new ArrayList<>();
        if (test.features() == 64) {
            List<Integer> pick = new ArrayList<>();
            for (int i = 0; i < test.size() && pick.size() < 4; i++) if (predicted[i] != test.label(i)) pick.add(i);
            for (int i = 0; i < test.size() && pick.size() < 12; i++) if (!pick.contains(i)) pick.add(i);
            pick.sort(null);
            NDArray probs = t.probabilities(test.rows(pick.stream().mapToInt(Integer::intValue).toArray()).x());
            for (int k = 0; k < pick.size(); k++) {
                int i = pick.get(k);
                double[] px = new double[64];
                for (int c = 0; c < 64; c++) px[c] = test.x().get(i, c);
                double[] pr = new double[probs.cols()];
                for (int c = 0; c < pr.length; c++) pr[c] = probs.get(k, c);
                samples.add(new TrainingModel.Sample(px, test.label(i), predicted[i], pr));
            }
        }
        return new TrainingModel.Results(t.confusionMatrix(), test.classNames(), (double) ok / predicted.length, t.epoch(),
                t.iteration(), samples, end);
    }
}
