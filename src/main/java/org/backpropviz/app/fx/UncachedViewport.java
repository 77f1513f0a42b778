package org.backpropviz.app.fx;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Turns off the bitmap cache that JavaFX's scroll pane skin keeps of its viewport ({@code .viewport} has
 * {@code setCache(true)}). The cache pays off when a still page is scrolled; on a page whose content changes while
 * it is shown (a training run's charts, progress and status), changes re-render the whole viewport into the cache:
 * JavaFX's pulse logger counted 43 such rebuilds ("CacheFilter rebuilding") in a session of two digits runs on the
 * training page, and none without the cache. (The cache is also the known cause of blurry text in scroll panes.)
 * FX thread only.
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
