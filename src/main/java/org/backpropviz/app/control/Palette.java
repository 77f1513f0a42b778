package org.backpropviz.app.control;

import javafx.scene.paint.Color;

/**
 * A colour scale of the app: how a value becomes a colour on a scale that ends at {@code max} (an array's largest
 * finite |element|). {@link DivergingPalette} is for signed arrays, {@link SequentialPalette} for arrays with no
 * negative element; {@link ColourScale#of} chooses. Both give 0 the same colour, so an all-zero array looks the same
 * on either. The strength grows with the square root of {@code |v| / max}, so that small values still show beside
 * large ones.
 */
public sealed interface Palette permits DivergingPalette, SequentialPalette {
    /** Levels of strength per sign in a {@link Pixels} table. */
    int LEVELS = 256;

    /** The colour of {@code v} on a scale that ends at {@code max}; {@code strength} 1 is full colour, less is paler. */
    Color color(double v, double max, double strength);

    /** The colour of {@code v} at full strength. */
    default Color color(double v, double max) {
        return color(v, max, 1);
    }

    /** The colour as a 32-bit ARGB pixel. */
    default int argb(double v, double max) {
        return Pixels.argbOf(color(v, max));
    }

    /** The colour of 0 (and of every element of an all-zero array). */
    Color zero();

    /** The colour of NaN and infinities. */
    Color nonFinite();

    /** This palette as a table of ARGB pixels, for painting many values without making a colour per value. */
    Pixels pixels();

    /** How far from the colour of 0 a value is, from 0 to 1: {@code sqrt(|v| / max)}, 0 when max is 0. */
    static double strength(double v, double max) {
        return max == 0 ? 0 : Math.sqrt(Math.min(1, Math.abs(v) / max));
    }

    /** ARGB colours by sign and strength; {@link #argb} agrees with {@link Palette#argb} to a level. */
    record Pixels(int[] negative, int[] positive, int nonFinite) {
        /** The pixel of {@code v} on a scale that ends at {@code max}. */
        public int argb(double v, double max) {
            if (!Double.isFinite(v)) return nonFinite;
            if (max == 0) return positive[0];
            int level = (int) Math.round(strength(v, max) * (LEVELS - 1));
            return v < 0 ? negative[level] : positive[level];
        }

        /** A table from colours at the levels {@code 0 … LEVELS-1} of each side. */
        static Pixels of(java.util.function.DoubleFunction<Color> negative, java.util.function.DoubleFunction<Color> positive, Color nonFinite) {
            int[] neg = new int[LEVELS], pos = new int[LEVELS];
            for (int i = 0; i < LEVELS; i++) {
                double f = (double) i / (LEVELS - 1);
                neg[i] = argbOf(negative.apply(f));
                pos[i] = argbOf(positive.apply(f));
            }
            return new Pixels(neg, pos, argbOf(nonFinite));
        }

        static int argbOf(Color c) {
            return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                    | (int) Math.round(c.getBlue() * 255);
        }
    }
}
