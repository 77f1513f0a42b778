package org.backpropviz.engine.train;

/**
 * The settings of a training run.
 *
 * @param hidden the hidden layer's size
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
public record TrainConfig(int hidden, double lr, int batch, int epochs, long seed, double initStd, double testFraction,
                          boolean scale, double targetTestAccuracy, int plateauEpochs) {
    // The limits of the window's settings and of the train command's options: one definition for both.
    /** The largest hidden layer: with the most features a data set may have, W1 is 80 MB. */
    public static final int MAX_HIDDEN = 1000;
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
        if (hidden < 1 || hidden > MAX_HIDDEN) throw new IllegalArgumentException("hidden size must be from 1 to " + MAX_HIDDEN);
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

    /** The defaults for a data set: small nets and short runs that reach the book's accuracy in seconds. */
    public static TrainConfig defaults(String dataset) {
        return switch (dataset) {
            case "iris" -> new TrainConfig(10, 0.2, 10, 300, 1, 0.01, 0.2, true, 0, 0);
            case "digits" -> new TrainConfig(50, 0.5, 50, 60, 1, 0.01, 0.2, true, 0, 0);
            default -> new TrainConfig(50, 0.1, 100, 50, 1, 0.01, 0.2, true, 0, 0);
        };
    }

    public TrainConfig withHidden(int h) { return new TrainConfig(h, lr, batch, epochs, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withLr(double v) { return new TrainConfig(hidden, v, batch, epochs, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withBatch(int b) { return new TrainConfig(hidden, lr, b, epochs, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withEpochs(int e) { return new TrainConfig(hidden, lr, batch, e, seed, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withSeed(long s) { return new TrainConfig(hidden, lr, batch, epochs, s, initStd, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withInitStd(double s) { return new TrainConfig(hidden, lr, batch, epochs, seed, s, testFraction, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withTestFraction(double f) { return new TrainConfig(hidden, lr, batch, epochs, seed, initStd, f, scale, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withScale(boolean s) { return new TrainConfig(hidden, lr, batch, epochs, seed, initStd, testFraction, s, targetTestAccuracy, plateauEpochs); }
    public TrainConfig withStop(double target, int plateau) { return new TrainConfig(hidden, lr, batch, epochs, seed, initStd, testFraction, scale, target, plateau); }
}
