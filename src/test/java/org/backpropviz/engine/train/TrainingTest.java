package org.backpropviz.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backpropviz.scenario.DatasetFormat;
import org.backpropviz.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {

    /** Runs a whole training and returns every epoch. */
    static List<Training.Epoch> train(Training t) {
        List<Training.Epoch> epochs = new ArrayList<>();
        while (!t.finished()) {
            t.iterate();
            if (t.epochComplete()) epochs.add(t.endEpoch());
        }
        return epochs;
    }

    /**
     * The trainer's own arrays give the numbers of the engine the graph steps through ({@code Trace.evaluate}, then
     * {@code Sgd.update}) to the bit, over whole epochs with their short last batch (1438 rows in batches of 50).
     */
    @Test
    void eachIterationEqualsTheGraphsForwardBackwardAndSgdStepToTheBit() throws Exception {
        Training t = new Training(DatasetFormat.builtIn("digits"), TrainConfig.defaults("digits"));
        org.backpropviz.engine.NetInputs ref = t.network();
        int shortBatches = 0;
        for (int i = 0; i < 100; i++) {
            org.backpropviz.engine.NetInputs next = t.nextBatch();
            if (next.x().rows() < 50) shortBatches++;
            org.backpropviz.engine.NetInputs batch = ref.with(org.backpropviz.engine.Param.X, next.x()).with(org.backpropviz.engine.Param.T, next.t());
            org.backpropviz.engine.Trace trace = org.backpropviz.engine.Trace.evaluate(batch);
            ref = org.backpropviz.engine.Sgd.update(batch, trace.grads(), t.learningRate());

            Training.Iteration it = t.iterate();
            assertEquals(trace.loss().orElseThrow(), it.loss(), 0.0, "loss of iteration " + it.iteration());
            org.backpropviz.engine.NetInputs now = t.network();
            for (org.backpropviz.engine.Param p : org.backpropviz.engine.Param.TRAINABLE) {
                assertArrayEquals(ref.get(p).toFlatArray(), now.get(p).toFlatArray(), 0.0, p.label() + " after iteration " + it.iteration());
                assertArrayEquals(ref.get(p).shape(), now.get(p).shape());
            }
            assertArrayEquals(next.x().toFlatArray(), now.x().toFlatArray(), 0.0, "the batch trained on is the one announced");
            if (t.epochComplete()) t.endEpoch();
        }
        assertEquals(3, shortBatches, "three epochs' short last batches were compared");
        org.backpropviz.engine.NetInputs test = t.network().with(org.backpropviz.engine.Param.X, t.testSet().x());
        assertArrayEquals(org.backpropviz.engine.Trace.forwardOnly(test, org.backpropviz.engine.SoftmaxWithLoss.SOFTMAX).toFlatArray(),
                t.probabilities(t.testSet().x()).toFlatArray(), 0.0, "the trainer's predictions are the graph's forward pass");
    }

    /**
     * Deeper nets too: three and four Affine layers with Sigmoid and ReLU, each iteration equal to the graph's
     * forward, backward and SGD step to the bit (the activations' kernels compute what their steps compute).
     */
    @Test
    void aDeeperNetsIterationsEqualTheGraphsToTheBit() throws Exception {
        org.backpropviz.engine.Activation sig = org.backpropviz.engine.Sigmoid.KIND, relu = org.backpropviz.engine.Relu.KIND;
        for (TrainConfig c : List.of(TrainConfig.defaults("iris").withLayers(List.of(8, 5), List.of(sig, relu)).withInitStd(0.5),
                TrainConfig.defaults("iris").withLayers(List.of(6, 6, 4), List.of(relu, sig, sig)).withInitStd(0.8).withBatch(7))) {
            Training t = new Training(DatasetFormat.builtIn("iris"), c);
            org.backpropviz.engine.NetInputs ref = t.network();
            assertEquals(c.network(), ref.network());
            assertEquals(2 * (c.hiddenSizes().size() + 1), ref.trainable().size());
            for (int i = 0; i < 60; i++) {
                org.backpropviz.engine.NetInputs next = t.nextBatch();
                org.backpropviz.engine.NetInputs batch = ref.with(org.backpropviz.engine.Param.X, next.x()).with(org.backpropviz.engine.Param.T, next.t());
                org.backpropviz.engine.Trace trace = org.backpropviz.engine.Trace.evaluate(batch);
                assertTrue(trace.isComplete());
                ref = org.backpropviz.engine.Sgd.update(batch, trace.grads(), t.learningRate());
                Training.Iteration it = t.iterate();
                assertEquals(trace.loss().orElseThrow(), it.loss(), 0.0, "loss of iteration " + it.iteration());
                org.backpropviz.engine.NetInputs now = t.network();
                for (org.backpropviz.engine.Param p : now.trainable()) {
                    assertArrayEquals(ref.get(p).toFlatArray(), now.get(p).toFlatArray(), 0.0, p.label() + " after iteration " + it.iteration());
                }
                if (t.epochComplete()) t.endEpoch();
            }
            // the trainer's predictions are the graph's forward pass, to the bit
            org.backpropviz.engine.NDArray probs = t.probabilities(t.testSet().x());
            assertEquals("(30, 3)", probs.shapeString());
            org.backpropviz.engine.NetInputs test = t.network().with(org.backpropviz.engine.Param.X, t.testSet().x());
            assertArrayEquals(org.backpropviz.engine.Trace.forwardOnly(test, org.backpropviz.engine.SoftmaxWithLoss.SOFTMAX).toFlatArray(),
                    probs.toFlatArray(), 0.0);
        }
    }

    @Test
    void aSigmoidNetWithTwoHiddenLayersLearnsIris() throws Exception {
        TrainConfig c = TrainConfig.defaults("iris").withHiddenSizes(List.of(10, 8)).withActivation(org.backpropviz.engine.Sigmoid.KIND)
                .withInitStd(0.5).withLr(0.5);
        List<Training.Epoch> e = train(new Training(DatasetFormat.builtIn("iris"), c));
        assertTrue(e.get(e.size() - 1).testAccuracy() >= 0.9, "iris test accuracy " + e.get(e.size() - 1));
    }

    @Test
    void theWeightsItHandsOutAreCopies() throws Exception {
        Training t = new Training(DatasetFormat.builtIn("iris"), TrainConfig.defaults("iris"));
        t.iterate();
        org.backpropviz.engine.NetInputs before = t.network();
        double[] w1 = before.W1().toFlatArray();
        t.iterate();
        assertArrayEquals(w1, before.W1().toFlatArray(), 0.0, "an iteration did not change an array handed out before it");
        assertNotEquals(before.W1(), t.network().W1());
    }

    @Test
    void irisWithTheDefaultsReachesNinetyThreePercent() throws Exception {
        Dataset iris = DatasetFormat.builtIn("iris");
        assertEquals(150, iris.size());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        List<Training.Epoch> e = train(new Training(iris, TrainConfig.defaults("iris")));
        assertTrue(e.get(e.size() - 1).testAccuracy() >= 0.93, "iris test accuracy " + e.get(e.size() - 1));
        assertTrue(e.get(e.size() - 1).loss() < e.get(0).loss());
    }

    @Test
    void digitsWithTheDefaultsReachesNinetyFivePercent() throws Exception {
        Dataset digits = DatasetFormat.builtIn("digits");
        assertEquals(1797, digits.size());
        assertEquals(64, digits.features());
        Training t = new Training(digits, TrainConfig.defaults("digits"));
        List<Training.Epoch> e = train(t);
        assertTrue(e.get(e.size() - 1).testAccuracy() >= 0.95, "digits test accuracy " + e.get(e.size() - 1));
        int[][] confusion = t.confusionMatrix();
        int total = 0, right = 0;
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) {
            total += confusion[i][j];
            if (i == j) right += confusion[i][j];
        }
        assertEquals(t.testSet().size(), total);
        assertEquals(e.get(e.size() - 1).testAccuracy(), (double) right / total, 1e-12);
    }

    @Test
    void aFixedSeedReproducesTheNumbersAndAnotherSeedDoesNot() throws Exception {
        Dataset iris = DatasetFormat.builtIn("iris");
        TrainConfig c = TrainConfig.defaults("iris").withEpochs(20);
        List<Training.Epoch> a = train(new Training(iris, c)), b = train(new Training(iris, c));
        assertEquals(a, b);
        assertNotEquals(a, train(new Training(iris, c.withSeed(2))));
    }

    @Test
    void theLearningRateCanChangeMidRun() throws Exception {
        Training t = new Training(DatasetFormat.builtIn("iris"), TrainConfig.defaults("iris"));
        t.iterate();
        t.setLearningRate(0.05);
        assertEquals(0.05, t.learningRate());
        t.iterate();
        assertThrows(IllegalArgumentException.class, () -> t.setLearningRate(-1));
    }

    @Test
    void aStopConditionEndsTheRunEarly() throws Exception {
        Training t = new Training(DatasetFormat.builtIn("iris"), TrainConfig.defaults("iris").withStop(0.9, 0));
        List<Training.Epoch> e = train(t);
        assertTrue(e.size() < 300);
        assertTrue(e.get(e.size() - 1).testAccuracy() >= 0.9);
    }

    @Test
    void theNextBatchAfterAnEpochOpensTheNextEpoch() throws Exception {
        Training t = new Training(DatasetFormat.builtIn("iris"), TrainConfig.defaults("iris").withBatch(60));
        t.iterate();
        t.iterate();
        assertTrue(t.epochComplete());
        assertEquals("(60, 4)", t.nextBatch().x().shapeString());
        Training.Epoch closed = t.takeClosedEpoch();
        assertEquals(1, closed.epoch());
        assertEquals(1, t.epoch());
    }

    @Test
    void tooFewRowsForASplitSaySo() {
        Dataset tiny = new Dataset("tiny", org.backpropviz.engine.NDArray.matrix(new double[][] {{0, 1}, {1, 0}}), new int[] {0, 1},
                List.of("a", "b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Training(tiny, TrainConfig.defaults("iris")));
        assertEquals("2 rows with a test fraction of 0.2 leave no test rows: use more rows or a larger test fraction", e.getMessage());
    }

    @Test
    void scalingMapsTheTrainingFeaturesIntoZeroToOne() throws Exception {
        Training t = new Training(DatasetFormat.builtIn("digits"), TrainConfig.defaults("digits").withEpochs(1));
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double[] r : t.trainSet().featureRanges()) {
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        assertEquals(0.0, lo);
        assertEquals(1.0, hi); // digits' pixels 0..16, divided by 16 like the book's x / 255
    }

    @Test
    void aUsersCsvIsReadAndBadRowsAreNamedByLine(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("mine.csv");
        Files.writeString(good, "a,b,label\n0.1,0.2,0\n0.3,0.1,1\n0.9,0.8,1\n");
        Dataset d = DatasetFormat.read(good);
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "0.1,0.2,0\n0.3,x,1\n");
        assertEquals("bad.csv, line 2, column 2: \"x\" is not a number",
                assertThrows(ScenarioException.class, () -> DatasetFormat.read(bad)).getMessage());
        Files.writeString(bad, "0.1,0.2,0\n0.3,0.1\n");
        assertEquals("bad.csv, line 2: 1 feature, the first row has 2",
                assertThrows(ScenarioException.class, () -> DatasetFormat.read(bad)).getMessage());
        Files.writeString(bad, "0.1,0.2,0\n0.3,0.1,1.5\n");
        assertEquals("bad.csv, line 2, column 3: the label 1.5 is not a class number from 0 to 999 (a data set has at most 1000 classes)",
                assertThrows(ScenarioException.class, () -> DatasetFormat.read(bad)).getMessage());
    }

    /** 2400 training rows with a hidden layer of 1000 make 2.4 million hidden values: predicted in three parts. */
    @Test
    void predictionsOfManyRowsAreTakenInPartsWithTheClassesOfTheWholeSet() {
        java.util.Random r = new java.util.Random(5);
        double[][] rows = new double[3000][2];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = r.nextGaussian();
            rows[i][1] = r.nextGaussian();
            labels[i] = r.nextInt(3);
        }
        Dataset d = new Dataset("many", org.backpropviz.engine.NDArray.matrix(rows), labels, List.of("a", "b", "c"));
        Training t = new Training(d, TrainConfig.defaults("csv").withHidden(1000).withInitStd(1).withScale(false));
        org.backpropviz.engine.NDArray x = t.trainSet().x();
        assertTrue((long) x.rows() * 1000 > 2L * org.backpropviz.engine.MultiLayerNet.PREDICT_VALUES, "more than two parts");
        int[] whole = org.backpropviz.engine.Np.argmaxAxis1(t.probabilities(x));
        assertArrayEquals(whole, t.predict(x));
        assertTrue(java.util.Arrays.stream(whole).distinct().count() > 1, "not one class everywhere");
    }

    /** A batch larger than the training set is the whole set, and only that many rows' arrays are made. */
    @Test
    void aBatchLargerThanTheTrainingSetTrainsOnTheWholeSet() throws Exception {
        Dataset iris = DatasetFormat.builtIn("iris");
        List<Training.Epoch> whole = train(new Training(iris, TrainConfig.defaults("iris").withBatch(120).withEpochs(5)));
        List<Training.Epoch> larger = train(new Training(iris, TrainConfig.defaults("iris").withBatch(10_000).withEpochs(5)));
        assertEquals(whole, larger);
    }

    /** The window's settings and the train command share these limits; a config beyond them cannot be made. */
    @Test
    void aConfigBeyondTheLimitsIsRefused() {
        TrainConfig c = TrainConfig.defaults("iris");
        assertEquals(1000, TrainConfig.MAX_HIDDEN);
        assertEquals(10_000, TrainConfig.MAX_BATCH);
        assertThrows(IllegalArgumentException.class, () -> c.withHidden(TrainConfig.MAX_HIDDEN + 1));
        assertThrows(IllegalArgumentException.class, () -> c.withHidden(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> c.withBatch(TrainConfig.MAX_BATCH + 1));
        assertThrows(IllegalArgumentException.class, () -> c.withStop(5, 0));
        assertThrows(IllegalArgumentException.class, () -> c.withStop(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> c.withStop(0, -1));
        assertThrows(IllegalArgumentException.class, () -> c.withStop(0, TrainConfig.MAX_PLATEAU + 1));
        assertEquals(TrainConfig.MAX_HIDDEN, c.withHidden(TrainConfig.MAX_HIDDEN).withStop(1, TrainConfig.MAX_PLATEAU).hidden());
    }
}
