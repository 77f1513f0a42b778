package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backpropviz.app.shell.Presets;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Relu;
import org.backpropviz.engine.Sigmoid;
import org.backpropviz.engine.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** Training trains the graph's network: its depth and activations. */
class SameNetworkTest {
    private static TrainingModel.Settings settings(TrainingModel.Source source, NetInputs in, int hidden) {
        return new TrainingModel.Settings(source, null, in, true, 0.2, hidden, 0.01, 0.1, 10,
                TrainingModel.Limit.EPOCHS, 5, 100, 1, 1.0, 0);
    }

    @Test
    void aThreeLayerSigmoidScenarioTrainsAsOne() {
        NetInputs in = Presets.load("iris-3-layer-sigmoid").inputs();
        TrainConfig c = TrainConfig.defaults("iris");
        TrainConfig own = TrainingRun.sameNetwork(c, settings(TrainingModel.Source.SCENARIO, in, 7));
        assertEquals(List.of(5, 5), own.hiddenSizes());
        assertEquals(List.of(Sigmoid.KIND, Sigmoid.KIND), own.activations());
        TrainConfig iris = TrainingRun.sameNetwork(c, settings(TrainingModel.Source.IRIS, in, 7));
        assertEquals(List.of(7, 7), iris.hiddenSizes(), "another data set: the spinner's width in each hidden layer");
        assertEquals(in.network(), own.network());
    }

    @Test
    void theLessonNetStaysTheBooksTwoLayerNet() {
        NetInputs in = Presets.load("batch-of-4").inputs();
        TrainConfig c = TrainingRun.sameNetwork(TrainConfig.defaults("iris").withHidden(9), settings(TrainingModel.Source.IRIS, in, 9));
        assertEquals(List.of(9), c.hiddenSizes());
        assertEquals(List.of(Relu.KIND), c.activations());
    }
}
