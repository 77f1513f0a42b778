package org.backpropviz.app.control;

import javafx.scene.paint.Color;

/**
 * The sequential (one-sided) colour scale, for arrays with no negative element (x in [0, 1], a softmax output,
 * one-hot rows, class labels): from the colour of 0 (the theme's {@code -bp-zero}, as on the diverging scale) to one
 * strong colour ({@code -bp-sequential}) at max. A negative value, which such an array does not have, is drawn as 0.
 */
public record SequentialPalette(Color zero, Color high, Color nonFinite) implements Palette {
    /** The theme's colours, for code that draws before CSS is applied. */
    public static final SequentialPalette DEFAULT =
            new SequentialPalette(DivergingPalette.DEFAULT.zero(), Color.web("#08519c"), DivergingPalette.DEFAULT.nonFinite());

    /** The colour of {@code v} on a scale from 0 to {@code max}; {@code strength} 1 is full colour, less is paler. */
    @Override
    public Color color(double v, double max, double strength) {
        if (!Double.isFinite(v)) return nonFinite;
        return v <= 0 ? zero : zero.interpolate(high, Palette.strength(v, max) * strength);
    }

    @Override
    public Pixels pixels() {
        return Pixels.of(f -> zero, f -> zero.interpolate(high, f), nonFinite);
    }
}
