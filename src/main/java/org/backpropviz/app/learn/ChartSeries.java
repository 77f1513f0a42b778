package org.backpropviz.app.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * The points of one chart line, in increasing x, kept in at most {@code maxColumns} columns of equal width: each
 * column keeps its lowest and its highest point (and the series its last one), so a spike stays visible however
 * long the run. Columns start one x unit wide; when there are more than {@code maxColumns}, they double in width
 * and neighbours merge. A run of millions of iterations thus holds a few hundred columns, and drawing it costs the
 * same as drawing a short one. No JavaFX: the training model fills it on the FX thread and a chart reads it there.
 */
final class ChartSeries {
    private final int maxColumns;
    // column i: its index (floor(x / width)) and its lowest and highest points
    private final long[] key;
    private final double[] lowX, lowY, highX, highY;
    private int columns;
    private double width = 1;
    private long added;
    private double lastX = Double.NaN, lastY = Double.NaN;
    private double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;

    /** @param maxColumns the most columns kept, at least 2 */
    ChartSeries(int maxColumns) {
        if (maxColumns < 2) throw new IllegalArgumentException("a series needs at least 2 columns, not " + maxColumns);
        this.maxColumns = maxColumns;
        key = new long[maxColumns + 1];
        lowX = new double[maxColumns + 1];
        lowY = new double[maxColumns + 1];
        highX = new double[maxColumns + 1];
        highY = new double[maxColumns + 1];
    }

    /**
     * Adds a point. {@code x} must not be below the last point's x (iterations and epochs only grow); a point whose
     * y is not finite (a diverged loss) has no place on an axis and is left out.
     */
    void add(double x, double y) {
        if (!Double.isFinite(y) || !Double.isFinite(x)) return;
        if (x < lastX) throw new IllegalArgumentException("points must come in increasing x: " + x + " after " + lastX);
        added++;
        lastX = x;
        lastY = y;
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        long k = (long) Math.floor(x / width);
        int last = columns - 1;
        if (columns > 0 && key[last] == k) {
            if (y < lowY[last]) { lowX[last] = x; lowY[last] = y; }
            if (y > highY[last]) { highX[last] = x; highY[last] = y; }
            return;
        }
        key[columns] = k;
        lowX[columns] = highX[columns] = x;
        lowY[columns] = highY[columns] = y;
        columns++;
        if (columns > maxColumns) widen();
    }

    /** Doubles the columns' width: each pair of neighbours with the same new index becomes one column. */
    private void widen() {
        width *= 2;
        int out = -1;
        for (int i = 0; i < columns; i++) {
            long k = Math.floorDiv(key[i], 2);
            if (out >= 0 && key[out] == k) {
                if (lowY[i] < lowY[out]) { lowX[out] = lowX[i]; lowY[out] = lowY[i]; }
                if (highY[i] > highY[out]) { highX[out] = highX[i]; highY[out] = highY[i]; }
            } else {
                out++;
                key[out] = k;
                lowX[out] = lowX[i];
                lowY[out] = lowY[i];
                highX[out] = highX[i];
                highY[out] = highY[i];
            }
        }
        columns = out + 1;
    }

    /** Forgets every point (a new run). */
    void clear() {
        columns = 0;
        width = 1;
        added = 0;
        lastX = lastY = Double.NaN;
        minY = Double.POSITIVE_INFINITY;
        maxY = Double.NEGATIVE_INFINITY;
    }

    /** The columns kept, at most {@code maxColumns}. */
    int columns() {
        return columns;
    }

    /** The x width of a column: 1, then doubled whenever the columns were too many. */
    double columnWidth() {
        return width;
    }

    /** The points added since the last {@link #clear()} (not counting those left out). */
    long added() {
        return added;
    }

    boolean isEmpty() {
        return added == 0;
    }

    /** The last point's x, or NaN when empty. */
    double lastX() {
        return lastX;
    }

    /** The last point's y, or NaN when empty. */
    double lastY() {
        return lastY;
    }

    /** The lowest y of every point added, or +∞ when empty. */
    double minY() {
        return minY;
    }

    /** The highest y of every point added, or −∞ when empty. */
    double maxY() {
        return maxY;
    }

    /**
     * Writes the points to draw, in increasing x, into {@code xs} and {@code ys} (each at least {@link #maxPoints()}
     * long): per column its low and high points in the order they came (one when they are the same point), then the
     * series' last point if it is neither. Returns how many were written.
     */
    int points(double[] xs, double[] ys) {
        int n = 0;
        for (int i = 0; i < columns; i++) {
            boolean lowFirst = lowX[i] <= highX[i];
            xs[n] = lowFirst ? lowX[i] : highX[i];
            ys[n++] = lowFirst ? lowY[i] : highY[i];
            if (lowX[i] != highX[i]) {
                xs[n] = lowFirst ? highX[i] : lowX[i];
                ys[n++] = lowFirst ? highY[i] : lowY[i];
            }
        }
        if (n > 0 && xs[n - 1] != lastX) {
            xs[n] = lastX;
            ys[n++] = lastY;
        }
        return n;
    }

    /** The most points {@link #points} writes. */
    int maxPoints() {
        return 2 * (maxColumns + 1) + 1;
    }

    /** The points to draw as {x, y} pairs (see {@link #points}); for tests and descriptions, not per frame. */
    List<double[]> pointList() {
        double[] xs = new double[maxPoints()], ys = new double[maxPoints()];
        int n = points(xs, ys);
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new double[] {xs[i], ys[i]});
        return out;
    }
}
