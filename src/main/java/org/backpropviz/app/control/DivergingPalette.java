package org.backpropviz.app.control;

import javafx.scene.paint.Color;

/**
 * The diverging colour scale, for signed arrays: negative, zero and positive colours (the theme's
 * {@code -bp-negative}, {@code -bp-zero}, {@code -bp-positive}) on a scale symmetric about zero, from −max to +max,
 * and a colour for NaN and infinities.
 */
public record DivergingPalette(Color negative, Color zero, Color positive, Color nonFinite) implements Palette {
    /** The theme's colours, for code that draws before CSS is applied. */
    public static final DivergingPalette DEFAULT =
            new DivergingPalette(Color.web("#762a83"), Color.web("#f7f7f7"), Color.web("#1b7837"), Color.web("#111111"));

    /** The colour of {@code v} on a scale of ±{@code max}; {@code strength} 1 is full colour, less is paler. */
    @Override
    public Color color(double v, double max, double strength) {
        if (!Double.isFinite(v)) return nonFinite;
        return zero.interpolate(v < 0 ? negative : positive, Palette.strength(v, max) * strength);
    }

    /** The largest finite |value| of the array's elements (0 when there is none): the scale of its colours. */
    public static double scaleOf(org.backpropviz.engine.NDArray a) {
        return a.maxAbsFinite();
    }

    @Override
    public Pixels pixels() {
        return Pixels.of(f -> zero.interpolate(negative, f), f -> zero.interpolate(positive, f), nonFinite);
    }
}
