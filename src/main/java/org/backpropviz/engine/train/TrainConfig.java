package org.backpropviz.engine.train;

import java.util.Collections;
import java.util.List;
import org.backpropviz.engine.Activation;
import org.backpropviz.engine.Affine;
import org.backpropviz.engine.Network;
import org.backpropviz.engine.Relu;

/**
 * The settings of a training run.
 *
 * @param hiddenSizes the size of each hidden layer, in order: one entry for the book's two-layer net, n − 1 for a net
 *     of n Affine layers
 * @param activations the activation after each hidden layer (as many as {@code hiddenSizes})
 * @param lr the learning rate (a running {@link Training} can change its own)
 * @param batch the mini-batch size
 * @param epochs how many passes over the training set
 * @param seed seeds the split, the initial weights and the batch order
 * @param initStd the standard deviation of the initial weights (the book's {@code weight_init_std})
 * @param testFraction the share of rows held out for testing
 * @param scale whether features are scaled to [0, 1] (as the book scales MNIST)
 * @param targetTestAccuracy stop once the test accuracy reaches this (0 for never)
 * @param plateauEpochs stop when the test accuracy has not improved for this many epochs (0 for never)
 */
public record TrainConfig(List<Integer> hiddenSizes, List<Activation> activations, double lr, int batch, int epochs, long seed,
                          double initStd, double testFraction, boolean scale, double targetTestAccuracy, int plateauEpochs) {
    // The limits of the window's settings and of the train command's options: one definition for both.
    /** The largest hidden layer: with the most features a data set may have, W1 is 80 MB. */
    public static final int MAX_HIDDEN = 1000;
    /** The most hidden layers a trained net may have. */
    public static final int MAX_HIDDEN_LAYERS = 5;
    /** The largest mini-batch (a larger one than the training set takes the whole set). */
    public static final int MAX_BATCH = 10_000;
    /** The most epochs a run may ask for. */
    public static final int MAX_EPOCHS = 100_000;
    /** The most iterations a run may ask for (the window's other kind of limit). */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** The longest plateau to wait for (0: never stop on a plateau). */
    public static final int MAX_PLATEAU = 10_000;
    /** Seeds are whole numbers from 0 to this. */
    public static final int MAX_SEED = Integer.MAX_VALUE;

    public TrainConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
        activations = List.copyOf(activations);
        if (hiddenSizes.isEmpty()) throw new IllegalArgumentException("a net needs at least one hidden layer");
        if (hiddenSizes.size() > MAX_HIDDEN_LAYERS) throw new IllegalArgumentException("a net may have at most " + MAX_HIDDEN_LAYERS + " hidden layers");
        for (int h : hiddenSizes) if (h < 1 || h > MAX_HIDDEN) throw new IllegalArgumentException("hidden size must be from 1 to " + MAX_HIDDEN);
        if (activations.size() != hiddenSizes.size()) {
            throw new IllegalArgumentException(hiddenSizes.size() + " hidden layers need " + hiddenSizes.size() + " activations, not " + activations.size());
        }
        if (!validLearningRate(lr)) throw new IllegalArgumentException("learning rate must be a positive number");
        if (batch < 1 || batch > MAX_BATCH) throw new IllegalArgumentException("batch size must be from 1 to " + MAX_BATCH);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (!validInitStd(initStd)) throw new IllegalArgumentException("init std must be a positive number");
        if (!validTestFraction(testFraction)) throw new IllegalArgumentException("test fraction must be between 0 and 1");
        if (!validTargetAccuracy(targetTestAccuracy)) throw new IllegalArgumentException("target accuracy must be from 0 to 1");
        if (plateauEpochs < 0 || plateauEpochs > MAX_PLATEAU) throw new IllegalArgumentException("plateau must be from 0 to " + MAX_PLATEAU);
    }

    /** A learning rate is a finite number greater than 0. */
    public static boolean validLearningRate(double v) {
        return v > 0 && Double.isFinite(v);
    }

    /** The initial weights' standard deviation is a finite number greater than 0. */
    public static boolean validInitStd(double v) {
        return v > 0 && Double.isFinite(v);
    }

    /** The test fraction is strictly between 0 and 1: both sides keep at least a row of a large enough set. */
    public static boolean validTestFraction(double v) {
        return v > 0 && v < 1;
    }

    /** A target accuracy is from 0 (never stop on it) to 1. */
    public static boolean validTargetAccuracy(double v) {
        return v >= 0 && v <= 1;
    }

    /** The book's two-layer net: one hidden layer of {@code hidden} units with ReLU. */
    public TrainConfig(int hidden, double lr, int batch, int epochs, long seed, double initStd, double testFraction,
                       boolean scale, double targetTestAccuracy, int plateauEpochs) {
        this(List.of(hidden), List.of(Relu.KIND), lr, batch, epochs, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs);
    }

    /** The defaults for a data set: small nets and short runs that reach the book's accuracy in seconds. */
    public static TrainConfig defaults(String dataset) {
        return switch (dataset) {
            case "iris" -> new TrainConfig(10, 0.2, 10, 300, 1, 0.01, 0.2, true, 0, 0);
            case "digits" -> new TrainConfig(50, 0.5, 50, 60, 1, 0.01, 0.2, true, 0, 0);
            default -> new TrainConfig(50, 0.1, 100, 50, 1, 0.01, 0.2, true, 0, 0);
        };
    }

    /** The first hidden layer's size (the only one of the book's two-layer net). */
    public int hidden() {
        return hiddenSizes.get(0);
    }

    /** The network trained: the hidden layers' activations between Affine layers, the lesson's Affine. */
    public Network network() {
        return Network.of(activations, Affine.Variant.LESSON);
    }

    /** One hidden layer of {@code h} units, with the first layer's activation. */
    public TrainConfig withHidden(int h) { return withLayers(List.of(h), List.of(activations.get(0))); }
    /** Hidden layers of these sizes, each with the same activation as the first layer now has. */
    public TrainConfig withHiddenSizes(List<Integer> sizes) { return withLayers(sizes, Collections.nCopies(sizes.size(), activations.get(0))); }
    /** The same activation after every hidden layer. */
    public TrainConfig withActivation(Activation a) { return withLayers(hiddenSizes, Collections.nCopies(hiddenSizes.size(), a)); }
    /** Hidden layers and their activations, one each. */
    public TrainConfig withLayers(List<Integer> sizes, List<Activation> acts) { return new TrainConfig(sizes, acts, lr, batch, epochs, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withLr(double v) { return new TrainConfig(hiddenSizes, activations, v, batch, epochs, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withBatch(int b) { return new TrainConfig(hiddenSizes, activations, lr, b, epochs, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withEpochs(int e) { return new TrainConfig(hiddenSizes, activations, lr, batch, e, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withSeed(long s) { return new TrainConfig(hiddenSizes, activations, lr, batch, epochs, s, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withInitStd(double s) { return new TrainConfig(hiddenSizes, activations, lr, batch, epochs, seed, s, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withTestFraction(double f) { return new TrainConfig(hiddenSizes, activations, lr, batch, epochs, seed, initStd, f, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withScale(boolean s) { return new TrainConfig(hiddenSizes, activations, lr, batch, epochs, seed, initStd, testFraction, s, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withStop(double target, int plateau) { return new TrainConfig(hiddenSizes, activations, lr, batch, epochs, seed, initStd, testFraction, scale, target, plateau); }
}
