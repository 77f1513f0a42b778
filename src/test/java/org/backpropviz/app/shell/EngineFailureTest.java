package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.has;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import org.backpropviz.app.model.EngineFaults;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** An evaluation that runs out of memory on the engine's worker: a message, the last result kept, the next edit computed. */
@ExtendWith(AppWindow.class)
class EngineFailureTest {
    private BackpropApp app;
    private GraphViewModel model;


    @Test
    void anOutOfMemoryErrorEndsTheEvaluationWithAMessageAndTheNextEditRuns(FxRobot robot) {
        waitReady(model, 10);
        Trace before = fx(model::getFurthest);
        NDArray w1 = fx(() -> model.getScenario().get(Param.W1));
        fxRun(() -> {
            EngineFaults.failNext(model, 1, () -> new OutOfMemoryError("Java heap space"));
            model.edit(Param.W1, NDArray.full(w1.shape(), 0.5));
        });
        waitReady(model, 10);
        String notice = text(robot, "#notice");
        assertTrue(notice.startsWith("The engine ran out of memory on this network"), notice);
        assertTrue(has(robot, "#notice", "mismatch"), "said as an error");
        assertFalse(fx(() -> model.busyProperty().get()), "the worker is not left busy");
        assertSame(before, fx(model::getFurthest), "the graph keeps the last result it computed");

        // the worker takes the next edit as usual
        NDArray next = NDArray.full(w1.shape(), 0.25);
        fxRun(() -> model.edit(Param.W1, next));
        waitReady(model, 10);
        assertEquals("Edited W1 (2, 3); re-ran to the same step.", text(robot, "#notice"));
        assertFalse(has(robot, "#notice", "mismatch"));
        assertEquals(next, fx(() -> model.getFurthest().inputs().get(Param.W1)));
        assertEquals(before.stepsDone(), fx(() -> model.getFurthest().stepsDone()), "the iteration ran as far as before");
        robot.clickOn("#main").type(KeyCode.RIGHT); // and the window answers
        waitIndex(model, 1);
    }
}
