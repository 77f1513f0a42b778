package org.backpropviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backpropviz.engine.train.Training;
import org.junit.jupiter.api.Test;

/** The train command's epoch lines, written by hand, are the text Jackson writes for the same numbers. */
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
}
