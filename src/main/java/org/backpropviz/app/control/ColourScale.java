package org.backpropviz.app.control;

import javafx.scene.paint.Color;
import org.backpropviz.engine.NDArray;

/**
 * Which colour scale an array is drawn on. An array with a negative element is signed and gets the two-sided
 * {@link #DIVERGING} scale; any other (x in [0, 1], a softmax output, one-hot rows, labels, an all-zero array) gets the
 * one-sided {@link #SEQUENTIAL} scale from 0. Views say which through the pseudo-class {@code :sequential}.
 */
public enum ColourScale {
    /** −max … 0 … +max in two colours ({@link DivergingPalette}). */
    DIVERGING,
    /** 0 … max in one colour ({@link SequentialPalette}). */
    SEQUENTIAL;

    /** The scale of {@code a} (not modified): diverging when some element is below 0, sequential otherwise. */
    public static ColourScale of(NDArray a) {
        return a.anyNegative() ? DIVERGING : SEQUENTIAL;
    }

    /** True when every element of {@code a} is 0 (such an array is drawn the same way whatever its shape). */
    public static boolean allZero(NDArray a) {
        return a.maxAbsFinite() == 0 && a.allFinite();
    }

    /** A palette of this scale in the given colours. */
    public Palette palette(Color negative, Color zero, Color positive, Color sequential, Color nonFinite) {
        return this == SEQUENTIAL ? new SequentialPalette(zero, sequential, nonFinite)
                : new DivergingPalette(negative, zero, positive, nonFinite);
    }
}
