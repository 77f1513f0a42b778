package org.backpropviz.app.fx;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Draws a view only while it is on screen: a view behind another tab skips its redraws (a training run sends
 * the graph a new network every frame) and makes the last one when it shows again. FX thread only.
 */
public final class WhenShown {
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private boolean stale;

    /** {@code redraw} brings the view up to date; it runs when the view shows again after a skipped redraw. */
    public WhenShown(Runnable redraw) {
        shown.addListener((o, was, now) -> {
            if (now && stale) {
                stale = false;
                redraw.run();
            }
        });
    }

    /** True when the caller should redraw now; false (and the redraw is owed) while the view is hidden. */
    public boolean drawNow() {
        if (shown.get()) return true;
        stale = true;
        return false;
    }

    /** Whether the view is on screen (true until bound to, say, its tab's selection). */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
