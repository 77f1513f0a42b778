package org.backpropviz.app.control;

import javafx.animation.AnimationTimer;

/**
 * Runs work one frame later than the changes already made: at the start of the pulse after the one that lays out
 * and draws those changes. {@code Platform.runLater} cannot do that: it runs before the next pulse, so the work
 * and the changes still share one frame. For splitting a large view update across frames. FX thread only.
 */
public final class AfterThisFrame {
    private AfterThisFrame() {}

    /** Runs {@code work} on the FX thread in the second pulse from now. */
    public static void run(Runnable work) {
        new AnimationTimer() {
            private boolean skipped;

            @Override
            public void handle(long now) {
                if (!skipped) { // this pulse lays out and draws what was changed before
                    skipped = true;
                    return;
                }
                stop();
                work.run();
            }
        }.start();
    }
}
