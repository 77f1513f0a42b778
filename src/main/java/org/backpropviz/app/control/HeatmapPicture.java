package org.backpropviz.app.control;

import javafx.scene.paint.Color;
import org.backpropviz.engine.NDArray;

/**
 * A heatmap's picture of an array: its size in pixels, the size of one element, and its opaque ARGB pixels in rows.
 * It depends only on the array, its {@link ColourScale} and a {@link Spec} (the largest picture, the largest element,
 * the colours), all immutable, so any thread may make one: the graph makes its cards' pictures on the engine worker
 * once a pass is computed, and the JavaFX thread then only hands finished pixels to an image ({@link Heatmap}).
 * The pixels are never modified after {@link #of} returns them; whoever takes a picture must not modify them either.
 *
 * @param width      the picture's width in pixels, at least 1
 * @param height     its height in pixels, at least 1
 * @param cellWidth  the width of one element in pixels (less than 1 when there are more columns than pixels)
 * @param cellHeight the height of one element in pixels
 * @param argb       {@code width * height} opaque ARGB pixels, row after row
 * @param legendMax  the legend's number for the scale's end, the largest finite |element| ({@link #legendNumber})
 */
public record HeatmapPicture(int width, int height, double cellWidth, double cellHeight, int[] argb, String legendMax) {
    /** The largest side of one element in pixels when a view does not say. */
    public static final double DEFAULT_MAX_CELL = 28;

    /** The five colours CSS gives a heatmap (the theme's by default). */
    public record Colours(Color negative, Color zero, Color positive, Color sequential, Color nonFinite) {
        /** The theme's colours (base.css), what a heatmap has before CSS is applied. */
        public static final Colours DEFAULT = new Colours(DivergingPalette.DEFAULT.negative(), DivergingPalette.DEFAULT.zero(),
                DivergingPalette.DEFAULT.positive(), SequentialPalette.DEFAULT.high(), DivergingPalette.DEFAULT.nonFinite());

        /** The palette of {@code scale} in these colours. */
        public Palette palette(ColourScale scale) {
            return scale.palette(negative, zero, positive, sequential, nonFinite);
        }
    }

    /** What a picture depends on besides the array: the largest picture, the largest side of an element, the colours. */
    public record Spec(double boxWidth, double boxHeight, double maxCell, Colours colours) {}

    /**
     * The picture of {@code a} (not modified) on {@code scale} (the one {@link ColourScale#of} chooses for it): scaled
     * to fit the spec's box, keeping the array's proportions where it can, each pixel the colour of the element under
     * it; NaN and infinities in the non-finite colour, every value of an all-zero array in the colour of 0.
     */
    public static HeatmapPicture of(NDArray a, ColourScale scale, Spec spec) {
        int rows = a.rows(), cols = a.cols();
        double boxWidth = spec.boxWidth(), boxHeight = spec.boxHeight();
        double cell = Math.min(spec.maxCell(), Math.min(boxWidth / cols, boxHeight / rows));
        double w = cols * cell, h = rows * cell;
        if (cell < 1) { // more elements than pixels: fit the box, keeping a visible width and height
            double aspect = (double) cols / rows;
            w = Math.min(boxWidth, boxHeight * aspect);
            h = Math.min(boxHeight, w / aspect);
        }
        w = Math.max(w, Math.min(boxWidth, 24));
        h = Math.max(h, Math.min(boxHeight, 8));
        int pw = Math.max(1, (int) Math.round(w)), ph = Math.max(1, (int) Math.round(h));
        double cellW = (double) pw / cols, cellH = (double) ph / rows;
        Palette.Pixels px = spec.colours().palette(scale).pixels();
        double max = DivergingPalette.scaleOf(a);
        int[] argb = new int[pw * ph];
        int lastRow = -1;
        for (int y = 0; y < ph; y++) {
            int r = Math.min(rows - 1, (int) (y / cellH));
            if (r == lastRow) { // a row of elements taller than a pixel: the line above again
                System.arraycopy(argb, (y - 1) * pw, argb, y * pw, pw);
                continue;
            }
            lastRow = r;
            for (int x = 0, at = y * pw; x < pw; x++) {
                int c = Math.min(cols - 1, (int) (x / cellW));
                argb[at + x] = px.argb(a.get(r, c), max);
            }
        }
        return new HeatmapPicture(pw, ph, cellW, cellH, argb, legendNumber(max));
    }

    /** A legend's end: NumPy's form in seven characters at most ({@code -5.5828}), so the legend's bar keeps its room. */
    public static String legendNumber(double v) {
        return org.backpropviz.text.Numbers.fit(v, 7);
    }
}
