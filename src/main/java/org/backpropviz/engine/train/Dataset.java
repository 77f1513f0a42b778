package org.backpropviz.engine.train;

import java.util.List;
import java.util.Random;
import org.backpropviz.engine.NDArray;

/**
 * Rows of features with an integer class label each. Immutable.
 *
 * @param name where it came from (iris, digits, a file name)
 * @param x the features, shape (n, d)
 * @param labels the class of each row, 0 … classes-1
 * @param classNames one name per class
 */
public record Dataset(String name, NDArray x, int[] labels, List<String> classNames) {
    /** The most classes a data set may have: labels are 0 … 999. */
    public static final int MAX_CLASSES = 1000;
    /** The most features a row may have (MNIST has 784, the digits 64). */
    public static final int MAX_FEATURES = 10_000;
    /** The most values (rows × features) a data set may hold: 80 MB of doubles. */
    public static final int MAX_VALUES = 10_000_000;

    public Dataset {
        if (x.rank() != 2 || x.rows() != labels.length) {
            throw new IllegalArgumentException("features " + x.shapeString() + " and " + labels.length + " labels do not match");
        }
        if (classNames.size() > MAX_CLASSES) {
            throw new IllegalArgumentException(classNames.size() + " classes; a data set has at most " + MAX_CLASSES);
        }
        labels = labels.clone();
        classNames = List.copyOf(classNames);
        for (int l : labels) {
            if (l < 0 || l >= classNames.size()) throw new IllegalArgumentException("label " + l + " is not one of " + classNames.size() + " classes");
        }
    }

    public int size() {
        return labels.length;
    }

    public int features() {
        return x.cols();
    }

    public int classes() {
        return classNames.size();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int label(int row) {
        return labels[row];
    }

    /** The rows at the given indices, in that order. */
    public Dataset rows(int[] idx) {
        int[] l = new int[idx.length];
        for (int i = 0; i < idx.length; i++) l[i] = labels[idx[i]];
        return new Dataset(name, x.takeRows(idx), l, classNames);
    }

    /** A seeded shuffle split into (train, test); the test part holds {@code round(size · fraction)} rows. */
    public Dataset[] split(double testFraction, long seed) {
        int[] perm = permutation(size(), new Random(seed));
        int nTest = (int) Math.round(size() * testFraction);
        if (nTest < 1) {
            throw new IllegalArgumentException(size() + " rows with a test fraction of " + testFraction
                    + " leave no test rows: use more rows or a larger test fraction");
        }
        if (nTest >= size()) {
            throw new IllegalArgumentException(size() + " rows with a test fraction of " + testFraction + " leave no training rows");
        }
        int[] test = java.util.Arrays.copyOfRange(perm, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(perm, nTest, size());
        return new Dataset[] {rows(train), rows(test)};
    }

    /** A Fisher–Yates permutation of 0 … n-1. */
    static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The range of every feature column: {min, max} over the rows. */
    public double[][] featureRanges() {
        int d = features(), n = size();
        double[] v = x.toFlatArray(), lo = new double[d], hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) widen(v, i * d, d, lo, hi); // row by row, in the array's order
        double[][] r = new double[d][];
        for (int c = 0; c < d; c++) r[c] = new double[] {lo[c], hi[c]};
        return r;
    }

    /**
     * {@code lo[c] = min(lo[c], v[off + c])} and the same for hi, for c &lt; d: one row, in a method of its own so that
     * the JIT compiles it after a few hundred rows (a loop over all the rows ran interpreted for half of the digits).
     */
    private static void widen(double[] v, int off, int d, double[] lo, double[] hi) {
        for (int c = 0; c < d; c++) {
            lo[c] = Math.min(lo[c], v[off + c]);
            hi[c] = Math.max(hi[c], v[off + c]);
        }
    }

    /**
     * Features scaled to [0, 1] as the book scales MNIST (pixel / 255): each value minus the smallest, divided by
     * the range, with the smallest and largest value taken over all features of {@code reference} (the training
     * set), so that every feature keeps its relative size.
     */
    public Dataset scaledLike(Dataset reference) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] r : reference.featureRanges()) {
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        double range = hi > lo ? hi - lo : 1;
        double[] v = x.toFlatArray();
        int d = features();
        for (int off = 0; off < v.length; off += d) scale(v, off, d, lo, range);
        return new Dataset(name, NDArray.of(x.shape(), v), labels, classNames);
    }

    /** {@code v[off + c] = (v[off + c] - lo) / range} for c &lt; d: one row (a method for the JIT, as {@link #widen}). */
    private static void scale(double[] v, int off, int d, double lo, double range) {
        for (int c = off; c < off + d; c++) v[c] = (v[c] - lo) / range;
    }
}
