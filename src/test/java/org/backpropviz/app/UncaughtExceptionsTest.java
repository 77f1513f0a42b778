package org.backpropviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The handler every test runs with sees an exception on the FX thread, in a pulse, in a TestFX task and on any thread. */
@ExtendWith(ApplicationExtension.class)
class UncaughtExceptionsTest {
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 200, 100));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    @Test
    void everyThreadsUncaughtExceptionIsRecorded(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("in runLater");
        });
        robot.interact(() -> root.getChildren().add(new Pane() {
            @Override
            protected void layoutChildren() {
                throw new IllegalStateException("in layout");
            }
        }));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> root.getChildren().clear());
        Thread t = new Thread(() -> {
            throw new IllegalStateException("on a thread");
        });
        t.start();
        t.join();
        // TestFX would throw this one from its next task (any robot.interact); the handler takes it first
        WaitForAsyncUtils.asyncFx(() -> {
            throw new IllegalStateException("in a task nobody waits for");
        });
        List<String> seen = UncaughtExceptions.takeAll().stream().map(e -> {
            Throwable c = e;
            while (c.getCause() != null) c = c.getCause();
            return c.getMessage();
        }).distinct().sorted().toList();
        assertEquals(List.of("in a task nobody waits for", "in layout", "in runLater", "on a thread"), seen);
        assertTrue(UncaughtExceptions.takeAll().isEmpty());
    }
}
