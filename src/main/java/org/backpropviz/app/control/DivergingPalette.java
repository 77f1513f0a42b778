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
        return argbOf(color(v, max));
    }

    /** The largest finite |value| of the array's elements (0 when there is none): the scale of its colours. */
    public static double scaleOf(org.backpropviz.engine.NDArray a) {
        return a.maxAbsFinite();
    }

    /** Levels of strength per sign in a {@link Pixels} table. */
    static final int LEVELS = 256;

    /** This palette as a table of ARGB pixels, for painting many values without making a colour per value. */
    public Pixels pixels() {
        int[] neg = new int[LEVELS], pos = new int[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            double f = (double) i / (LEVELS - 1);
            neg[i] = argbOf(zero.interpolate(negative, f));
            pos[i] = argbOf(zero.interpolate(positive, f));
        }
        return new Pixels(neg, pos, argbOf(nonFinite));
    }

    /** ARGB colours by sign and strength; {@link #argb} agrees with {@link DivergingPalette#argb} to a level. */
    public record Pixels(int[] negative, int[] positive, int nonFinite) {
        /** The pixel of {@code v} on a scale of ±{@code max}. */
        public int argb(double v, double max) {
            if (!Double.isFinite(v)) return nonFinite;
            if (max == 0) return negative[0];
            int level = (int) Math.round(Math.sqrt(Math.min(1, Math.abs(v) / max)) * (LEVELS - 1));
            return v < 0 ? negative[level] : positive[level];
        }
    }

    private static int argbOf(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
