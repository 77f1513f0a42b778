package org.backpropviz.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.backpropviz.engine.MultiLayerNet;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Network;
import org.backpropviz.engine.Np;

/**
 * Mini-batch SGD on a network of the config's layers (the book's two-layer net by default), one iteration at a time so
 * that a caller can pause, step, change the learning rate or stop between any two. Each iteration is the same forward,
 * backward and {@code param -= lr * grad} that the graph view steps through, to the bit, computed in a
 * {@link MultiLayerNet}'s arrays allocated once. Not thread-safe:
 * one worker drives it; {@link #setLearningRate} may be called from any thread and takes effect at the next
 * iteration.
 */
public final class Training {
    /** One mini-batch done. */
    public record Iteration(int iteration, int epoch, double loss) {}

    /** One pass over the training set done. */
    public record Epoch(int epoch, double loss, double trainAccuracy, double testAccuracy) {}

    private final Dataset train;
    private final Dataset test;
    private final TrainConfig config;
    private final Random rnd;
    private volatile double lr;
    private final Network network;
    private final MultiLayerNet net;
    private final int[] labels;
    private int[] order;
    private int cursor;
    private int epoch;
    private int iteration;
    private double epochLossSum;
    private int epochIterations;
    /** The rows of the last batch trained on, or null before the first. */
    private int[] lastBatch;
    private double bestTest = -1;
    private int sinceBest;

    /** Splits and scales {@code data} and initialises the weights with the config's seed. */
    public Training(Dataset data, TrainConfig config) {
        Dataset[] parts = data.split(config.testFraction(), config.seed());
        Dataset tr = parts[0], te = parts[1];
        if (config.scale()) {
            Dataset reference = tr;
            tr = tr.scaledLike(reference);
            te = te.scaledLike(reference);
        }
        this.train = tr;
        this.test = te;
        this.config = config;
        this.lr = config.lr();
        this.rnd = new Random(config.seed() * 31 + 7);
        this.network = config.network();
        // W1 … Wn drawn in order from the config's seed, the biases zero (the book's init_network)
        List<Integer> widths = new ArrayList<>();
        widths.add(train.features());
        widths.addAll(config.hiddenSizes());
        widths.add(train.classes());
        List<NDArray> params = new ArrayList<>();
        for (int k = 1; k < widths.size(); k++) {
            params.add(normal(widths.get(k - 1), widths.get(k), config.initStd()));
            params.add(NDArray.full(new int[] {widths.get(k)}, 0));
        }
        // a batch larger than the training set is the whole set: arrays for more rows would only take memory
        this.net = new MultiLayerNet(params, network.activations(), Math.min(config.batch(), train.size()));
        this.labels = train.labels();
        this.order = Dataset.permutation(train.size(), rnd);
    }

    private NDArray normal(int rows, int cols, double std) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = std * rnd.nextGaussian();
        return NDArray.of(new int[] {rows, cols}, v);
    }

    public Dataset trainSet() { return train; }
    public Dataset testSet() { return test; }
    public TrainConfig config() { return config; }
    public int epoch() { return epoch; }
    public int iteration() { return iteration; }
    public double learningRate() { return lr; }

    /** Takes effect at the next iteration. */
    public void setLearningRate(double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("learning rate must be a positive number");
        lr = v;
    }

    /**
     * The current weights (copies), with the last mini-batch as x and t (ready to step through the graph); before the
     * first iteration a row of zeros with label 0.
     */
    public NetInputs network() {
        if (lastBatch != null) return batchInputs(lastBatch);
        return NetInputs.of(network, NDArray.full(new int[] {1, train.features()}, 0), net.weights(),
                NDArray.full(new int[] {1}, 0).asInteger());
    }

    /** The next mini-batch with the current weights, as the graph view would step it (not trained on yet). */
    public NetInputs nextBatch() {
        if (cursor >= order.length) { // the epoch is complete: the next batch opens the next epoch
            endEpochIfComplete();
        }
        int end = Math.min(cursor + config.batch(), order.length);
        return batchInputs(Arrays.copyOfRange(order, cursor, end));
    }

    /** The current weights (copies) with the rows {@code idx} of the training set as x and their labels as t. */
    private NetInputs batchInputs(int[] idx) {
        Dataset b = train.rows(idx);
        double[] t = new double[idx.length];
        for (int i = 0; i < idx.length; i++) t[i] = b.label(i);
        return NetInputs.of(network, b.x(), net.weights(), NDArray.of(new int[] {idx.length}, t).asInteger());
    }

    /** True when every epoch is done or a stop condition has been met. */
    public boolean finished() {
        return epoch >= config.epochs() || stopConditionMet();
    }

    private boolean stopConditionMet() {
        return (config.targetTestAccuracy() > 0 && bestTest >= config.targetTestAccuracy())
                || (config.plateauEpochs() > 0 && sinceBest >= config.plateauEpochs());
    }

    /** One mini-batch: forward, backward, {@code param -= lr * grad}. */
    public Iteration iterate() {
        if (finished()) throw new IllegalStateException("training is finished");
        if (cursor >= order.length) endEpochIfComplete(); // as nextBatch() would: the batch opens the next epoch
        int end = Math.min(cursor + config.batch(), order.length);
        double loss = net.step(train.x(), labels, order, cursor, end, lr);
        lastBatch = Arrays.copyOfRange(order, cursor, end);
        cursor += config.batch();
        iteration++;
        epochLossSum += loss;
        epochIterations++;
        return new Iteration(iteration, epoch + 1, loss);
    }

    /** True right after the iteration that finished an epoch; call {@link #endEpoch()} then. */
    public boolean epochComplete() {
        return cursor >= order.length;
    }

    private Epoch pendingEpoch;

    private void endEpochIfComplete() {
        if (epochComplete()) pendingEpoch = endEpoch();
    }

    /**
     * The epoch that {@link #nextBatch()} or {@link #iterate()} closed on its own because the caller had not called
     * {@link #endEpoch()}; null if none. Reading it clears it.
     */
    public Epoch takeClosedEpoch() {
        Epoch e = pendingEpoch;
        pendingEpoch = null;
        return e;
    }

    /** Closes the epoch: accuracies on both sets, a new batch order. */
    public Epoch endEpoch() {
        epoch++;
        double meanLoss = epochIterations == 0 ? Double.NaN : epochLossSum / epochIterations;
        Epoch e = new Epoch(epoch, meanLoss, accuracy(train), accuracy(test));
        if (e.testAccuracy() > bestTest) {
            bestTest = e.testAccuracy();
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        epochLossSum = 0;
        epochIterations = 0;
        cursor = 0;
        order = Dataset.permutation(train.size(), rnd);
        return e;
    }

    /**
     * Class probabilities for every row of {@code x} with the current weights: the trainer's forward pass up to the
     * softmax (for the two-layer net, softmax(relu(x·W1 + b1)·W2 + b2)), the same numbers as the graph's.
     */
    public NDArray probabilities(NDArray x) {
        return net.probabilities(x);
    }

    /**
     * The predicted class of every row of {@code x} (n, d): the largest score's index, as the book's accuracy takes it,
     * in arrays the net keeps ({@link MultiLayerNet#predict}), so the memory it takes is bounded whatever the number
     * of rows.
     */
    public int[] predict(NDArray x) {
        return net.predict(x);
    }

    public double accuracy(Dataset d) {
        int[] p = predict(d.x());
        int ok = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == d.label(i)) ok++;
        return (double) ok / p.length;
    }

    /** {@code confusion[true][predicted]} counts on the test set. */
    public int[][] confusionMatrix() {
        int[][] m = new int[test.classes()][test.classes()];
        int[] p = predict(test.x());
        for (int i = 0; i < p.length; i++) m[test.label(i)][p[i]]++;
        return m;
    }
}
