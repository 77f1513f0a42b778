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
    public TrainConfig {
        if (hidden < 1) throw new IllegalArgumentException("hidden size must be at least 1");
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("learning rate must be a positive number");
        if (batch < 1) throw new IllegalArgumentException("batch size must be at least 1");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (!(initStd > 0) || !Double.isFinite(initStd)) throw new IllegalArgumentException("init std must be a positive number");
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("test fraction must be between 0 and 1");
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
