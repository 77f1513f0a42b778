package org.backpropviz.app.control;

import org.backpropviz.app.fx.AfterThisFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Work put after a number of frames runs in a later pulse, each part of a split update in a frame of its own. */
@ExtendWith(ApplicationExtension.class)
class AfterThisFrameTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    /** The number of pulses counted between the call and the work (the call's own pulse not counted). */
    private int pulsesBefore(int frames) throws Exception {
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            AtomicInteger pulses = new AtomicInteger();
            AnimationTimer counter = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.incrementAndGet();
                }
            };
            counter.start();
            AfterThisFrame.run(frames, () -> {
                counter.stop();
                seen.complete(pulses.get());
            });
        });
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void workWaitsForTheFramesAskedFor() throws Exception {
        // the counter and the work's timer tick in the same pulses: the work runs in pulse frames + 1
        assertEquals(2, pulsesBefore(1));
        assertEquals(4, pulsesBefore(3));
        assertTrue(pulsesBefore(3) > pulsesBefore(1));
    }

    @Test
    void noFramesIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> AfterThisFrame.run(0, () -> { }));
    }
}
