package org.backpropviz.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backpropviz.engine.Activation;
import org.backpropviz.engine.Activations;
import org.backpropviz.engine.train.Dataset;
import org.backpropviz.engine.train.TrainConfig;
import org.backpropviz.engine.train.Training;
import org.backpropviz.scenario.DatasetFormat;
import org.backpropviz.scenario.ScenarioException;

/**
 * {@code train --data iris|digits|FILE.csv [--hidden H[,H…]] [--activation relu|sigmoid[,…]] [--lr LR] [--batch B]
 * [--epochs E] [--seed S] [--init-std SD] [--test-fraction F] [--no-scale]}: one JSON object per epoch, then one with
 * the totals and the time taken. {@code --hidden} lists the hidden layers' sizes; {@code --activation} names one kind
 * for every hidden layer or one per layer.
 */
final class TrainCommand {
    private TrainCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Cli.UsageException {
        String data = null;
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals("--data")) data = args[i + 1];
        if (data == null) throw new Cli.UsageException("--data iris|digits|FILE.csv is required");
        TrainConfig c = TrainConfig.defaults(data);
        List<Activation> activations = null; // applied once the hidden layers are known
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-scale")) {
                c = c.withScale(false);
                continue;
            }
            if (i + 1 >= args.length) throw new Cli.UsageException(a + " needs a value");
            String v = args[++i];
            try {
                c = switch (a) {
                    case "--data" -> c;
                    case "--hidden" -> c.withHiddenSizes(sizes(a, v));
                    case "--activation" -> {
                        activations = activations(a, v);
                        yield c;
                    }
                    case "--lr" -> c.withLr(Options.number(a, v));
                    case "--batch" -> c.withBatch(Options.positiveInt(a, v));
                    case "--epochs" -> c.withEpochs(Options.positiveInt(a, v));
                    case "--seed" -> c.withSeed(Options.integer(a, v));
                    case "--init-std" -> c.withInitStd(Options.number(a, v));
                    case "--test-fraction" -> c.withTestFraction(Options.number(a, v));
                    case "--target-accuracy" -> c.withStop(Options.number(a, v), c.plateauEpochs());
                    case "--plateau" -> c.withStop(c.targetTestAccuracy(), Options.positiveInt(a, v));
                    default -> throw new Cli.UsageException("unknown option " + a);
                };
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageException(a + ": " + e.getMessage());
            }
        }
        if (activations != null) {
            int layers = c.hiddenSizes().size();
            if (activations.size() != 1 && activations.size() != layers) {
                throw new Cli.UsageException("--activation: " + activations.size() + " kinds for " + layers + " hidden layer"
                        + (layers == 1 ? "" : "s") + "; give one for all or one per layer");
            }
            c = c.withLayers(c.hiddenSizes(), activations.size() == 1 ? Collections.nCopies(layers, activations.get(0)) : activations);
        }
        Dataset d;
        try {
            d = data.equals("iris") || data.equals("digits") ? DatasetFormat.builtIn(data) : DatasetFormat.read(Path.of(data));
        } catch (ScenarioException e) {
            err.println("train: " + e.getMessage());
            return Cli.INVALID;
        }
        long t0 = System.nanoTime();
        Training tr;
        try {
            tr = new Training(d, c);
        } catch (IllegalArgumentException e) {
            err.println("train: " + e.getMessage());
            return Cli.INVALID;
        }
        Training.Epoch last = null;
        while (!tr.finished()) {
            tr.iterate();
            if (tr.epochComplete()) {
                last = tr.endEpoch();
                out.println(Json.line(Json.F.objectNode().put("epoch", last.epoch()).put("loss", last.loss())
                        .put("train_acc", last.trainAccuracy()).put("test_acc", last.testAccuracy())));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ObjectNode done = Json.F.objectNode();
        done.put("done", true).put("data", d.name()).put("train_rows", tr.trainSet().size()).put("test_rows", tr.testSet().size());
        if (c.hiddenSizes().size() == 1) done.put("hidden", c.hidden());
        else c.hiddenSizes().forEach(done.putArray("hidden")::add);
        var acts = done.putArray("activations");
        c.activations().forEach(act -> acts.add(act.id()));
        done.put("lr", c.lr()).put("batch", c.batch()).put("seed", c.seed()).put("init_std", c.initStd());
        done.put("epochs", tr.epoch()).put("iterations", tr.iteration());
        if (last != null) done.put("loss", last.loss()).put("train_acc", last.trainAccuracy()).put("test_acc", last.testAccuracy());
        done.put("seconds", Math.round(seconds * 1000) / 1000.0).put("iterations_per_second", Math.round(tr.iteration() / seconds));
        out.println(Json.line(done));
        return Cli.OK;
    }

    /** {@code 50} or {@code 50,30}: the hidden layers' sizes. */
    private static List<Integer> sizes(String option, String v) throws Cli.UsageException {
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",", -1)) out.add(Options.positiveInt(option, part.trim()));
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
