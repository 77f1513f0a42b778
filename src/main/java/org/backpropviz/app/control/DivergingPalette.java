package org.backpropviz.app.control;

import javafx.scene.paint.Color;

/**
 * The one diverging colour scale of the app: negative, zero and positive colours (the theme's {@code -bp-negative},
 * {@code -bp-zero}, {@code -bp-positive}) on a scale symmetric about zero, and a colour for NaN and infinities.
 * The strength grows with the square root of {@code |v| / max}, so that small values still show beside large ones.
 */
public record DivergingPalette(Color negative, Color zero, Color positive, Color nonFinite) {
    /** The theme's colours, for code that draws before CSS is applied. */
    public static final DivergingPalette DEFAULT =
            new DivergingPalette(Color.web("#762a83"), Color.web("#f7f7f7"), Color.web("#1b7837"), Color.web("#111111"));

    /** The colour of {@code v} on a scale of ±{@code max}, at full strength. */
    public Color color(double v, double max) {
        return color(v, max, 1);
    }

    /** The colour of {@code v} on a scale of ±{@code max}; {@code strength} 1 is full colour, less is paler. */
    public Color color(double v, double max, double strength) {
        if (!Double.isFinite(v)) return nonFinite;
        double f = max == 0 ? 0 : Math.sqrt(Math.min(1, Math.abs(v) / max)) * strength;
        return zero.interpolate(v < 0 ? negative : positive, f);
    }

    /** The colour as a 32-bit ARGB pixel. */
    public int argb(double v, double max) {
        Color c = color(v, max);
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** The largest finite |value| of the array's elements (0 when there is none): the scale of its colours. */
    public static double scaleOf(org.backpropviz.engine.NDArray a) {
        double m = 0;
        for (int i = 0; i < a.size(); i++) if (Double.isFinite(a.flat(i))) m = Math.max(m, Math.abs(a.flat(i)));
        return m;
    }
}
