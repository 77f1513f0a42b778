package org.backpropviz.app.fx;

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
        run(1, work);
    }

    /**
     * Runs {@code work} on the FX thread after {@code frames} (at least 1) pulses have laid out and drawn what was
     * changed before it: a chain of such calls puts the parts of one large update into frames of their own.
     */
    public static void run(int frames, Runnable work) {
        if (frames < 1) throw new IllegalArgumentException("frames must be at least 1, not " + frames);
        new AnimationTimer() {
            private int skipped;

            @Override
            public void handle(long now) {
                if (skipped < frames) { // this pulse lays out and draws what was changed before
                    skipped++;
                    return;
                }
                stop();
                work.run();
            }
        }.start();
    }
}
