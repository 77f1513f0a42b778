package org.backpropviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.backpropviz.engine.Activation;
import org.backpropviz.engine.Activations;
import org.backpropviz.engine.train.Dataset;
import org.backpropviz.engine.train.TrainConfig;
import org.backpropviz.engine.train.Training;
import org.backpropviz.scenario.DatasetFormat;
import org.junit.jupiter.api.Test;

/** The train command's lines, written directly, are the text Jackson writes for the same keys and values. */
class TrainCommandTest {
    @Test
    void anEpochLineIsWhatJacksonWrites() {
        double[][] cases = {{0.00801035628730694, 1.0, 0.9721448467966574}, {Double.NaN, 0.1, 0}, {Double.POSITIVE_INFINITY, 1e-300, 0.5},
                {2.302585092994046, 0.33333333333333337, 1.0 / 3}};
        int epoch = 1;
        for (double[] c : cases) {
            Training.Epoch e = new Training.Epoch(epoch++, c[0], c[1], c[2]);
            String jackson = Json.line(Json.F.objectNode().put("epoch", e.epoch()).put("loss", e.loss())
                    .put("train_acc", e.trainAccuracy()).put("test_acc", e.testAccuracy()));
            assertEquals(jackson, TrainCommand.epochLine(e));
        }
    }

    @Test
    void theTotalsLineIsWhatJacksonWritesEvenForAnOddFileName() throws Exception {
        Dataset iris = DatasetFormat.builtIn("iris");
        String odd = "my \"iris\" \\ data\n\t\u0001\u001f é 한.csv";
        Dataset d = new Dataset(odd, iris.x(), iris.labels(), iris.classNames());
        for (TrainConfig c : List.of(TrainConfig.defaults("iris").withEpochs(2),
                TrainConfig.defaults("iris").withEpochs(1).withLayers(List.of(5, 4), List.of(Activations.byId("sigmoid"), Activations.byId("relu"))))) {
            Training tr = new Training(d, c);
            Training.Epoch last = null;
            while (!tr.finished()) {
                tr.iterate();
                if (tr.epochComplete()) last = tr.endEpoch();
            }
            double seconds = 0.0123456;
            ObjectNode done = Json.F.objectNode();
            done.put("done", true).put("data", d.name()).put("train_rows", tr.trainSet().size()).put("test_rows", tr.testSet().size());
            if (c.hiddenSizes().size() == 1) done.put("hidden", c.hidden());
            else c.hiddenSizes().forEach(done.putArray("hidden")::add);
            var acts = done.putArray("activations");
            for (Activation a : c.activations()) acts.add(a.id());
            done.put("lr", c.lr()).put("batch", c.batch()).put("seed", c.seed()).put("init_std", c.initStd());
            done.put("epochs", tr.epoch()).put("iterations", tr.iteration());
            done.put("loss", last.loss()).put("train_acc", last.trainAccuracy()).put("test_acc", last.testAccuracy());
            done.put("seconds", Math.round(seconds * 1000) / 1000.0).put("iterations_per_second", Math.round(tr.iteration() / seconds));
            assertEquals(Json.line(done), TrainCommand.doneLine(d, c, tr, last, seconds));
        }
    }
}
