package org.backpropviz.app.learn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Np;
import org.backpropviz.engine.train.Dataset;
import org.backpropviz.scenario.DatasetFormat;
import org.backpropviz.scenario.ScenarioException;

/** Loads the data a training run uses (on the worker). */
final class DataLoader {
    /** Why data could not be used: a bundle key and its arguments. */
    static final class Refused extends Exception {
        final String key;
        final transient Object[] args;

        Refused(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private DataLoader() {}

    static Dataset load(TrainingModel.Source source, Path csv, NetInputs scenario, double testFraction) throws Refused {
        Dataset d = switch (source) {
            case IRIS -> builtIn("iris");
            case DIGITS -> builtIn("digits");
            case CSV -> {
                if (csv == null) throw new Refused("data.noFile");
                try {
                    yield DatasetFormat.read(csv);
                } catch (ScenarioException e) {
                    throw new Refused("data.bad", e.getMessage());
                }
            }
            case SCENARIO -> fromScenario(scenario);
        };
        long nTest = Math.round(d.size() * testFraction);
        if (nTest < 1 || nTest >= d.size()) throw new Refused("data.tooFew", d.size(), testFraction);
        return d;
    }

    private static Dataset builtIn(String name) throws Refused {
        try {
            return DatasetFormat.builtIn(name);
        } catch (ScenarioException e) {
            throw new Refused("data.bad", e.getMessage());
        }
    }

    /** The scenario's own batch: x's rows with t's labels (integer labels or one-hot rows). */
    static Dataset fromScenario(NetInputs in) throws Refused {
        if (in == null) throw new Refused("data.noScenario");
        NDArray x = in.x(), t = in.t();
        if (x.rank() == 0) throw new Refused("data.scenarioShape", x.shapeString(), t.shapeString());
        NDArray x2 = x.rank() == 1 ? x.reshape(1, x.size()) : x;
        int n = x2.rows();
        int[] labels;
        NDArray last = in.get(org.backpropviz.engine.Param.w(in.network().depth())); // the output layer's W
        int classes = last.rank() == 2 ? last.cols() : 0;
        if (t.size() == n && !(t.rank() == 2 && t.cols() > 1)) {
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                double v = t.flat(i);
                if (v < 0 || v != Math.rint(v)) throw new Refused("data.scenarioLabels", t.toString());
                if (v >= Dataset.MAX_CLASSES) { // not a class to name: 1e8 would make 100 million names
                    throw new Refused("data.scenarioClasses", v < 1e15 ? Long.toString((long) v) : Double.toString(v),
                            Dataset.MAX_CLASSES - 1, Dataset.MAX_CLASSES);
                }
                labels[i] = (int) v;
            }
        } else if (t.size() % n == 0 && t.size() / n > 1) {
            NDArray t2 = t.reshape(n, t.size() / n);
            labels = Np.argmaxAxis1(t2);
            classes = Math.max(classes, t2.cols());
        } else {
            throw new Refused("data.scenarioShape", x.shapeString(), t.shapeString());
        }
        for (int l : labels) classes = Math.max(classes, l + 1);
        classes = Math.max(classes, 2);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add(Integer.toString(c));
        return new Dataset("scenario", x2, labels, names);
    }
}
