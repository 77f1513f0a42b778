package org.backpropviz.app.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import javafx.scene.paint.Color;
import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;

/**
 * A heatmap's picture, made on any thread: each pixel the colour of its element on the array's scale, NaN and
 * infinities apart, and the same size and pixels as the heatmap made them on the JavaFX thread before (the loop kept
 * here as {@link #earlierPixels}), for the graph's card, token and inspector sizes.
 */
class HeatmapPictureTest {
    private static final HeatmapPicture.Colours THEME = HeatmapPicture.Colours.DEFAULT;

    private static HeatmapPicture.Spec box(double w, double h) {
        return new HeatmapPicture.Spec(w, h, HeatmapPicture.DEFAULT_MAX_CELL, THEME);
    }

    private static int argb(Color c) {
        return Palette.Pixels.argbOf(c);
    }

    @Test
    void signedValuesTakeTheDivergingColoursAtTheirStrength() {
        NDArray a = NDArray.matrix(new double[][] {{-4, 0, 4, 1}});
        HeatmapPicture p = HeatmapPicture.of(a, ColourScale.of(a), box(4, 1));
        assertEquals(ColourScale.DIVERGING, ColourScale.of(a));
        assertEquals(4, p.width()); // four elements in a box four pixels wide: one pixel each, at least 8 tall
        assertEquals(1, p.height());
        assertEquals(argb(THEME.negative()), p.argb()[0]);
        assertEquals(argb(THEME.zero()), p.argb()[1]);
        assertEquals(argb(THEME.positive()), p.argb()[2]);
        // 1 of 4: sqrt(0.25) = half way from the colour of 0 to the positive colour
        assertEquals(argb(THEME.zero().interpolate(THEME.positive(), 0.5)), p.argb()[3]);
        assertEquals("4.0", p.legendMax());
    }

    @Test
    void arraysWithNoNegativeElementTakeTheSequentialColour() {
        NDArray a = NDArray.matrix(new double[][] {{0, 2}});
        HeatmapPicture p = HeatmapPicture.of(a, ColourScale.of(a), box(2, 1));
        assertEquals(ColourScale.SEQUENTIAL, ColourScale.of(a));
        assertEquals(argb(THEME.zero()), p.argb()[0]);
        assertEquals(argb(THEME.sequential()), p.argb()[1]);
    }

    @Test
    void nanAndInfinitiesTakeTheirOwnColourAndLeaveTheScaleToFiniteValues() {
        NDArray a = NDArray.matrix(new double[][] {{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.5, 2}});
        HeatmapPicture p = HeatmapPicture.of(a, ColourScale.of(a), box(5, 1));
        for (int i = 0; i < 3; i++) assertEquals(argb(THEME.nonFinite()), p.argb()[i], "element " + i);
        assertEquals(argb(THEME.positive()), p.argb()[4]); // 2 is the largest finite |element|: full colour
        assertEquals("2.0", p.legendMax());
    }

    @Test
    void anAllZeroArrayIsTheColourOfZero() {
        NDArray a = NDArray.full(new int[] {30, 40}, 0);
        HeatmapPicture p = HeatmapPicture.of(a, ColourScale.of(a), box(154, 60));
        for (int px : p.argb()) assertEquals(argb(THEME.zero()), px);
    }

    @Test
    void sameSizeAndPixelsAsTheHeatmapMadeThemBefore() {
        Random r = new Random(3);
        int[][] shapes = {{1000, 1000}, {1000, 784}, {784, 1000}, {1000, 10}, {1, 1000}, {1, 10}, {3, 700}, {50, 2}, {7, 7}, {1, 1}};
        double[][] boxes = {{154, 60}, {146, 60}, {40, 26}, {260, 160}};
        for (int[] s : shapes) {
            double[] flat = new double[s[0] * s[1]];
            for (int i = 0; i < flat.length; i++) flat[i] = r.nextGaussian() * (s[1] == 10 ? 1 : 0.01) + (s[0] == 1 ? 0.5 : 0);
            if (flat.length > 20) flat[17] = Double.NaN;
            NDArray a = NDArray.of(s, flat);
            for (double[] b : boxes) {
                HeatmapPicture p = HeatmapPicture.of(a, ColourScale.of(a), box(b[0], b[1]));
                Earlier e = earlierPixels(a, b[0], b[1], 28, THEME.palette(ColourScale.of(a)));
                String what = a.shapeString() + " in " + b[0] + " x " + b[1];
                assertEquals(e.w, p.width(), what);
                assertEquals(e.h, p.height(), what);
                assertEquals(e.cellW, p.cellWidth(), what);
                assertEquals(e.cellH, p.cellHeight(), what);
                assertArrayEquals(e.argb, p.argb(), what);
            }
        }
    }

    private record Earlier(int w, int h, double cellW, double cellH, int[] argb) {}

    /** Heatmap.redraw's sizing and colouring as they were before pictures could be made ahead. */
    private static Earlier earlierPixels(NDArray array, double boxWidth, double boxHeight, double maxCell, Palette p) {
        int rows = array.rows(), cols = array.cols();
        double cell = Math.min(maxCell, Math.min(boxWidth / cols, boxHeight / rows));
        double w = cols * cell, h = rows * cell;
        if (cell < 1) {
            double aspect = (double) cols / rows;
            w = Math.min(boxWidth, boxHeight * aspect);
            h = Math.min(boxHeight, w / aspect);
        }
        w = Math.max(w, Math.min(boxWidth, 24));
        h = Math.max(h, Math.min(boxHeight, 8));
        int pw = Math.max(1, (int) Math.round(w)), ph = Math.max(1, (int) Math.round(h));
        double cellW = (double) pw / cols, cellH = (double) ph / rows;
        Palette.Pixels px = p.pixels();
        double max = DivergingPalette.scaleOf(array);
        int[] argb = new int[pw * ph];
        int[] colourOfColumn = new int[pw];
        for (int y = 0; y < ph; y++) {
            int r = Math.min(rows - 1, (int) (y / cellH));
            for (int x = 0; x < pw; x++) {
                int c = Math.min(cols - 1, (int) (x / cellW));
                colourOfColumn[x] = px.argb(array.get(r, c), max);
            }
            System.arraycopy(colourOfColumn, 0, argb, y * pw, pw);
        }
        return new Earlier(pw, ph, cellW, cellH, argb);
    }
}
