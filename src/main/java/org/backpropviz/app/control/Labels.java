package org.backpropviz.app.control;

import javafx.scene.control.Label;
import javafx.scene.control.skin.LabelSkin;

/**
 * Labels for views that are built or rebuilt while the window shows (a heatmap's legend, a grid of numbers, the
 * inspector's formulas, the confusion matrix).
 *
 * <p>A plain {@code new Label()} gets its skin in the next CSS pass, and the skin's text node then marks every
 * ancestor up to the scene's root as needing CSS again, after the pass has already cleaned them. JavaFX answers in the
 * following frame with a CSS pass that changes nothing and a render with no dirty region, which repaints the whole
 * window: 27-44 ms with the software renderer, seen with {@code -Djavafx.pulseLogger=true} after each step through a
 * (1000, 784, 1000, 10) net. A label made here has its skin before it joins a scene, so the pass it joins styles it
 * and leaves the tree clean.
 */
public final class Labels {
    private Labels() {}

    /** A label showing {@code text}, with its skin already made. */
    public static Label of(String text) {
        Label l = new Label(text);
        l.setSkin(new LabelSkin(l));
        return l;
    }

    /** An empty label with its skin already made. */
    public static Label empty() {
        return of("");
    }
}
