package org.backpropviz.app.control;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Turns off the bitmap cache that JavaFX's scroll pane skin keeps of its viewport ({@code .viewport} has
 * {@code setCache(true)}). The cache pays off when a still page is scrolled; on a page whose content changes while
 * it is shown (a training run's charts, progress and status), every change re-renders the whole viewport into the
 * cache first: with the software renderer that took 20-45 ms a frame for the training page. Without it only the
 * changed parts are painted. (The cache is also the known cause of blurry text in scroll panes.) FX thread only.
 */
public final class UncachedViewport {
    private UncachedViewport() {}

    /** Keeps {@code pane}'s viewport uncached, now and whenever its skin is (re)created. */
    public static void apply(ScrollPane pane) {
        pane.skinProperty().addListener((o, was, now) -> uncache(pane));
        uncache(pane);
    }

    private static void uncache(ScrollPane pane) {
        if (pane.getSkin() == null) return;
        for (Node n : pane.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("viewport")) n.setCache(false);
        }
    }
}
