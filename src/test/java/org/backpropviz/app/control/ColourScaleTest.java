package org.backpropviz.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;

/** Which scale an array gets: one-sided when nothing is below 0, two-sided for signed arrays; what "all zero" is. */
class ColourScaleTest {
    private static final Color NEGATIVE = Color.web("#762a83"), ZERO = Color.web("#f7f7f7"), POSITIVE = Color.web("#1b7837");
    private static final Color SEQUENTIAL = Color.web("#08519c"), NAN = Color.web("#111111");

    @Test
    void arraysWithNoNegativeElementGetTheOneSidedScale() {
        NDArray oneHot = NDArray.matrix(new double[][] {{0, 1, 0}, {1, 0, 0}});
        NDArray softmax = NDArray.matrix(new double[][] {{0.3455, 0.3214, 0.3331}, {0.2871, 0.2362, 0.4767}});
        NDArray pixels = NDArray.matrix(new double[][] {{0, 0.25, 1}, {0.5, 0.75, 0}});
        NDArray labels = NDArray.vector(0, 1, 2, 0, 2);
        for (NDArray a : new NDArray[] {oneHot, softmax, pixels, labels, NDArray.scalar(0.826), NDArray.vector(-0.0, 0)}) {
            assertEquals(ColourScale.SEQUENTIAL, ColourScale.of(a), a.toString());
        }
    }

    @Test
    void anArrayWithANegativeElementGetsTheDivergingScale() {
        assertEquals(ColourScale.DIVERGING, ColourScale.of(NDArray.vector(0.119, -0.135, 0.322)));
        assertEquals(ColourScale.DIVERGING, ColourScale.of(NDArray.matrix(new double[][] {{1, 2}, {3, -1e-12}})));
        assertEquals(ColourScale.DIVERGING, ColourScale.of(NDArray.vector(1, Double.NEGATIVE_INFINITY)));
        assertEquals(ColourScale.SEQUENTIAL, ColourScale.of(NDArray.vector(1, Double.NaN)), "NaN is neither side");
    }

    @Test
    void anAllZeroArrayIsOneWhateverItsShape() {
        for (int[] shape : new int[][] {{2}, {1, 2}, {3, 3}, {100, 784}, {}}) {
            NDArray zeros = NDArray.full(shape, 0.0);
            assertTrue(ColourScale.allZero(zeros), java.util.Arrays.toString(shape));
            assertEquals(ColourScale.SEQUENTIAL, ColourScale.of(zeros));
        }
        assertFalse(ColourScale.allZero(NDArray.vector(0, 1e-300)));
        assertFalse(ColourScale.allZero(NDArray.vector(0, Double.NaN)), "NaN is not 0");
    }

    @Test
    void thePaletteFollowsTheScaleAndZeroLooksTheSameOnBoth() {
        Palette diverging = ColourScale.DIVERGING.palette(NEGATIVE, ZERO, POSITIVE, SEQUENTIAL, NAN);
        Palette sequential = ColourScale.SEQUENTIAL.palette(NEGATIVE, ZERO, POSITIVE, SEQUENTIAL, NAN);
        assertEquals(new DivergingPalette(NEGATIVE, ZERO, POSITIVE, NAN), diverging);
        assertEquals(new SequentialPalette(ZERO, SEQUENTIAL, NAN), sequential);
        assertEquals(diverging.color(0, 0), sequential.color(0, 0));
        assertEquals(diverging.color(0, 1), sequential.color(0, 1));
        assertEquals(ZERO, sequential.color(0, 0.5));
        assertEquals(SEQUENTIAL, sequential.color(0.5, 0.5), "the end of the one-sided scale is its strong colour");
        assertEquals(SEQUENTIAL, sequential.color(7, 0.5), "beyond the scale: full colour");
        assertEquals(ZERO, sequential.color(-1, 0.5), "no negative values on this scale: drawn as 0");
        assertEquals(NAN, sequential.color(Double.NaN, 0.5));
        assertEquals(POSITIVE, diverging.color(0.5, 0.5));
        assertEquals(NEGATIVE, diverging.color(-0.5, 0.5));
        // halfway up the scale is as strong on both: sqrt(1/2) of the way from the colour of 0
        assertEquals(ZERO.interpolate(SEQUENTIAL, Math.sqrt(0.5)), sequential.color(0.25, 0.5));
        assertEquals(ZERO.interpolate(POSITIVE, Math.sqrt(0.5)), diverging.color(0.25, 0.5));
    }
}
