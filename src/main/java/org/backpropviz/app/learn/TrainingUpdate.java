package org.backpropviz.app.learn;

import java.util.ArrayList;
import java.util.List;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.train.Training;

/**
 * What the training worker tells the FX thread, merged while the FX thread is busy so that at most one
 * {@code Platform.runLater} is pending. Lists are appended; for every other field the newer non-null value wins.
 *
 * @param gen the run it belongs to; updates of an older run are dropped
 * @param loss per iteration {iteration, raw loss, smoothed loss}
 */
record TrainingUpdate(long gen, List<double[]> loss, List<Training.Epoch> epochs, TrainingModel.State state, Double progress,
                      Integer iteration, NetInputs network, TrainingModel.Results results, String dataInfo, org.backpropviz.app.i18n.Msg error) {

    static TrainingUpdate of(long gen) {
        return new TrainingUpdate(gen, List.of(), List.of(), null, null, null, null, null, null, null);
    }

    TrainingUpdate withLoss(List<double[]> l) { return new TrainingUpdate(gen, List.copyOf(l), epochs, state, progress, iteration, network, results, dataInfo, error); }
    TrainingUpdate withEpochs(List<Training.Epoch> e) { return new TrainingUpdate(gen, loss, List.copyOf(e), state, progress, iteration, network, results, dataInfo, error); }
    TrainingUpdate withState(TrainingModel.State s) { return new TrainingUpdate(gen, loss, epochs, s, progress, iteration, network, results, dataInfo, error); }
    TrainingUpdate withProgress(double p, int it) { return new TrainingUpdate(gen, loss, epochs, state, p, it, network, results, dataInfo, error); }
    TrainingUpdate withNetwork(NetInputs n) { return new TrainingUpdate(gen, loss, epochs, state, progress, iteration, n, results, dataInfo, error); }
    TrainingUpdate withResults(TrainingModel.Results r) { return new TrainingUpdate(gen, loss, epochs, state, progress, iteration, network, r, dataInfo, error); }
    TrainingUpdate withDataInfo(String d) { return new TrainingUpdate(gen, loss, epochs, state, progress, iteration, network, results, d, error); }
    TrainingUpdate withError(org.backpropviz.app.i18n.Msg e) { return new TrainingUpdate(gen, loss, epochs, state, progress, iteration, network, results, dataInfo, e); }

    /** This update followed by {@code newer}; an update of another run replaces this one. */
    TrainingUpdate merge(TrainingUpdate newer) {
        if (newer.gen != gen) return newer;
        List<double[]> l = new ArrayList<>(loss);
        l.addAll(newer.loss);
        List<Training.Epoch> e = new ArrayList<>(epochs);
        e.addAll(newer.epochs);
        return new TrainingUpdate(gen, l, e, pick(newer.state, state), pick(newer.progress, progress),
                pick(newer.iteration, iteration), pick(newer.network, network), pick(newer.results, results),
                pick(newer.dataInfo, dataInfo), pick(newer.error, error));
    }

    private static <T> T pick(T newer, T older) {
        return newer != null ? newer : older;
    }
}
