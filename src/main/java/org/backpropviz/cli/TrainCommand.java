package org.backpropviz.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backpropviz.engine.Activation;
import org.backpropviz.engine.Activations;
import org.backpropviz.engine.Np;
import org.backpropviz.engine.train.Dataset;
import org.backpropviz.engine.train.TrainConfig;
import org.backpropviz.engine.train.Training;
import org.backpropviz.scenario.DatasetFormat;
import org.backpropviz.scenario.ScenarioException;

/**
 * {@code train --data iris|digits|FILE.csv [--hidden H[,H…]] [--activation relu|sigmoid[,…]] [--lr LR] [--batch B]
 * [--epochs E] [--seed S] [--init-std SD] [--test-fraction F] [--no-scale] [--target-accuracy A] [--plateau N]}: one
 * JSON object per epoch, then one with the totals and the time taken. {@code --hidden} lists the hidden layers' sizes;
 * {@code --activation} names one kind for every hidden layer or one per layer. The options take the window's limits
 * ({@link TrainConfig}); a batch larger than the training rows is the whole training set, with a warning when it was
 * asked for.
 */
final class TrainCommand {
    private TrainCommand() {}

    private static final Set<String> VALUED = Set.of("--data", "--hidden", "--lr", "--batch", "--epochs", "--seed", "--init-std",
            "--test-fraction", "--target-accuracy", "--plateau", "--activation");

    static int run(String[] args, PrintStream out, PrintStream err) throws Cli.UsageException {
        Map<String, String> options = Options.parse(args, VALUED, Set.of("--no-scale"));
        String data = options.get("--data");
        if (data == null) throw new Cli.UsageException("--data iris|digits|FILE.csv is required");
        TrainConfig c = TrainConfig.defaults(data);
        List<Activation> activations = null; // applied once the hidden layers are known
        for (Map.Entry<String, String> o : options.entrySet()) {
            String a = o.getKey(), v = o.getValue();
            c = switch (a) {
                case "--data" -> c;
                case "--no-scale" -> c.withScale(false);
                case "--hidden" -> c.withHiddenSizes(sizes(a, v));
                case "--activation" -> {
                    activations = activations(a, v);
                    yield c;
                }
                case "--lr" -> c.withLr(Options.number(a, v, TrainConfig::validLearningRate, "a number greater than 0"));
                case "--batch" -> c.withBatch(Options.whole(a, v, 1, TrainConfig.MAX_BATCH));
                case "--epochs" -> c.withEpochs(Options.whole(a, v, 1, TrainConfig.MAX_EPOCHS));
                case "--seed" -> c.withSeed(Options.whole(a, v, 0, TrainConfig.MAX_SEED));
                case "--init-std" -> c.withInitStd(Options.number(a, v, TrainConfig::validInitStd, "a number greater than 0"));
                case "--test-fraction" -> c.withTestFraction(Options.number(a, v, TrainConfig::validTestFraction, "a number between 0 and 1"));
                case "--target-accuracy" -> c.withStop(Options.number(a, v, TrainConfig::validTargetAccuracy, "a number from 0 to 1"),
                        c.plateauEpochs());
                case "--plateau" -> c.withStop(c.targetTestAccuracy(), Options.whole(a, v, 0, TrainConfig.MAX_PLATEAU));
                default -> throw new IllegalStateException("an option without a meaning: " + a);
            };
        }
        if (activations != null) {
            int layers = c.hiddenSizes().size();
            if (activations.size() != 1 && activations.size() != layers) {
                throw new Cli.UsageException("--activation: " + activations.size() + " kinds for " + layers + " hidden layer"
                        + (layers == 1 ? "" : "s") + "; give one for all or one per layer");
            }
            c = c.withLayers(c.hiddenSizes(), activations.size() == 1 ? Collections.nCopies(layers, activations.get(0)) : activations);
        }
        // the digits and a large CSV file need the native BLAS: it starts loading now, beside the reading. Loaded, the
        // OpenBLAS's worker thread spins for about 0.1 s (its THREAD_TIMEOUT) before it sleeps; started after the
        // reading, that spin took a core from the compiler during the loop's first epochs (15-30 ms of a 0.15 s loop)
        Thread blas = data.equals("digits") || isLargeFile(data) ? loadBlas(Long.MAX_VALUE) : null;
        Dataset d;
        try {
            d = data.equals("iris") || data.equals("digits") ? DatasetFormat.builtIn(data) : DatasetFormat.read(Path.of(data));
        } catch (ScenarioException e) {
            err.println("train: " + e.getMessage());
            return Cli.INVALID;
        }
        int testRows = (int) Math.round(d.size() * c.testFraction()), trainRows = d.size() - testRows;
        if (testRows >= 1 && trainRows >= 1 && c.batch() > trainRows) { // as the trainer takes it: the whole training set
            if (options.containsKey("--batch")) {
                err.println("train: --batch " + c.batch() + " is more than the " + trainRows + " training rows: each iteration takes all " + trainRows);
            }
            c = c.withBatch(trainRows);
        }
        // a native BLAS that the products will use is looked for and loaded before the clock starts (70-120 ms), as
        // NumPy's import loads its BLAS before the book's loop: the "seconds" are the training's in both. The largest
        // product is at most all the rows times the largest layer (iris: 6,000 multiply-adds, which EJML computes)
        List<Integer> widths = new ArrayList<>(c.hiddenSizes());
        widths.add(0, d.features());
        widths.add(d.classes());
        long layer = 0;
        for (int k = 1; k < widths.size(); k++) layer = Math.max(layer, (long) widths.get(k - 1) * widths.get(k));
        // on a thread of its own, while this one splits, scales and draws the weights (on two cores, the two overlap)
        if (blas == null) blas = loadBlas(layer * d.size());
        Training tr;
        Training.Epoch last = null;
        long t0;
        try {
            tr = new Training(d, c);
            joinQuietly(blas);
            // the clock starts where the book's loop starts (and train_numpy.py's): after the split, the scaling and
            // the initial weights; the whole process's time includes them
            t0 = System.nanoTime();
            while (!tr.finished()) {
                tr.iterate();
                if (tr.epochComplete()) {
                    last = tr.endEpoch();
                    out.println(epochLine(last));
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            return Cli.INVALID;
        } catch (OutOfMemoryError e) {
            err.println("train: out of memory: the Java heap is too small for this data and network (try a smaller --hidden or --batch)");
            return Cli.INVALID;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println(doneLine(d, c, tr, last, seconds));
        return Cli.OK;
    }

    /** A CSV file of more than 64 KB: some 10,000 values or more, whose products a native BLAS computes. */
    private static boolean isLargeFile(String data) {
        try {
            Path p = Path.of(data);
            return Files.isRegularFile(p) && Files.size(p) > 65_536;
        } catch (IOException | RuntimeException e) { // an invalid path or an unreadable file: the reading says so
            return false;
        }
    }

    /** Loads the native BLAS on a thread of its own if products of {@code multiplyAdds} would use it; returns the thread. */
    private static Thread loadBlas(long multiplyAdds) {
        Thread t = new Thread("load-blas") { // not a lambda: the first one of a run costs its start a few ms
            @Override
            public void run() {
                try {
                    Np.prepareProducts(multiplyAdds);
                } catch (Throwable e) { // a broken install (a jar of lib/ missing): the training itself says so, once
                }
            }
        };
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for {@code t} to end; an interrupt ends the wait and stays set. */
    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code {"epoch":1,"loss":…,"train_acc":…,"test_acc":…}}. */
    static String epochLine(Training.Epoch e) {
        return new JsonLine().put("epoch", e.epoch()).put("loss", e.loss()).put("train_acc", e.trainAccuracy())
                .put("test_acc", e.testAccuracy()).toString();
    }

    /** The totals: the data, the network and its settings, the last epoch's figures, the time taken. */
    static String doneLine(Dataset d, TrainConfig c, Training tr, Training.Epoch last, double seconds) {
        JsonLine done = new JsonLine().put("done", true).put("data", d.name()).put("train_rows", tr.trainSet().size())
                .put("test_rows", tr.testSet().size());
        if (c.hiddenSizes().size() == 1) done.put("hidden", c.hidden());
        else done.putNumbers("hidden", c.hiddenSizes());
        List<String> kinds = new ArrayList<>(); // a loop: a stream's first use costs a short run 5-10 ms of class loading
        for (Activation a : c.activations()) kinds.add(a.id());
        done.putStrings("activations", kinds);
        done.put("lr", c.lr()).put("batch", c.batch()).put("seed", c.seed()).put("init_std", c.initStd());
        done.put("epochs", tr.epoch()).put("iterations", tr.iteration());
        if (last != null) done.put("loss", last.loss()).put("train_acc", last.trainAccuracy()).put("test_acc", last.testAccuracy());
        return done.put("seconds", Math.round(seconds * 1000) / 1000.0).put("iterations_per_second", Math.round(tr.iteration() / seconds))
                .toString();
    }

    /** {@code 50} or {@code 50,50}: the hidden layers' sizes, each from 1 to {@link TrainConfig#MAX_HIDDEN}. */
    private static List<Integer> sizes(String option, String v) throws Cli.UsageException {
        String[] parts = v.split(",", -1);
        if (parts.length > TrainConfig.MAX_HIDDEN_LAYERS) {
            throw new Cli.UsageException(option + ": " + parts.length + " hidden layers; at most " + TrainConfig.MAX_HIDDEN_LAYERS);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : parts) out.add(Options.whole(option, part.trim(), 1, TrainConfig.MAX_HIDDEN));
        return out;
    }

    /** {@code sigmoid} or {@code relu,sigmoid}: registered activation kinds. */
    private static List<Activation> activations(String option, String v) throws Cli.UsageException {
        List<Activation> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            Activation a = Activations.byId(part.trim());
            if (a == null) throw new Cli.UsageException(option + ": \"" + part.trim() + "\" is not " + Activations.names());
            out.add(a);
        }
        return out;
    }
}
