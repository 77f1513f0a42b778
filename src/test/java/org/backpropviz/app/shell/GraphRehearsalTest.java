package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.has;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.matrix;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.backpropviz.app.control.Heatmap;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.NDArray;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Before the first step, the graph rehearses each card in the state the pass will leave it in and puts it back at
 * once: the cards still show the start, and each card that will show a heatmap already has it, hidden, which the
 * step then shows with its array.
 */
@ExtendWith(AppWindow.class)
class GraphRehearsalTest {
    private static final String[] OPS = {"affine1", "relu1", "affine2", "softmax"};
    private BackpropApp app;
    private GraphViewModel model;

    /** A net whose every operation's value is larger than 6 × 6, so each is drawn as a heatmap. */
    private static Scenario wide() {
        return AppFixture.randomNet("wide", 11, 1, 20, 8, 12, 10);
    }

    private static Heatmap heatmapOf(MatrixView v) {
        return fx(() -> v.getChildrenUnmodifiable().stream().filter(c -> c instanceof Heatmap).map(c -> (Heatmap) c)
                .findFirst().orElse(null));
    }

    @Test
    void cardsStillShowTheStartAndHaveTheirHeatmapsReadyForTheFirstStep(FxRobot robot) throws Exception {
        load(model, wide());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            for (String id : OPS) if (heatmapOf(matrix(robot, "#value-" + id)) == null) return false;
            return true;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : OPS) {
            MatrixView value = matrix(robot, "#value-" + id);
            assertNull(fx(value::getArray), id + " shows no value before the first step");
            assertFalse(fx(value::isHeatmap), id);
            assertFalse(fx(heatmapOf(value)::isVisible), id + "'s heatmap waits hidden");
            assertFalse(has(robot, "#node-" + id, "computed"), id);
            assertTrue(fx(() -> robot.lookup("#value-" + id + " .placeholder").query().isVisible()), id + " says not computed");
        }
        Heatmap ready = heatmapOf(matrix(robot, "#value-affine1"));
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        MatrixView affine1 = matrix(robot, "#value-affine1");
        assertTrue(fx(affine1::isHeatmap));
        assertSame(ready, heatmapOf(affine1), "the heatmap made before the step");
        assertTrue(fx(ready::isVisible));
        assertEquals(fx(() -> model.getTrace().forward("affine1").orElseThrow()), fx(ready::array));
        assertTrue(has(robot, "#node-affine1", "computed"));
        assertNull(fx(matrix(robot, "#value-relu1")::getArray), "the next card still waits");
    }

    /** The arrays the graph's tokens carry now, and whether any of them is visible. */
    private static List<NDArray> tokenArrays(FxRobot robot) {
        return fx(() -> robot.lookup(".token .matrix-view").queryAllAs(MatrixView.class).stream()
                .map(MatrixView::getArray).filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void tokensRehearseThePassHiddenAndTheFirstStepSendsItsOwn(FxRobot robot) throws Exception {
        load(model, wide());
        NDArray x = fx(() -> model.getScenario().inputs().x());
        NDArray w1 = fx(() -> model.getScenario().get(org.backpropviz.engine.Param.W1));
        // the rehearsal sends the next step's tokens last (x, W1 and b1 to Affine1), and leaves them holding those arrays
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            List<NDArray> held = tokenArrays(robot);
            return held.stream().anyMatch(a -> a == x) && held.stream().anyMatch(a -> a == w1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> app.view().graph().isAnimating()), "nothing moves");
        assertTrue(fx(() -> robot.lookup(".token").queryAll().stream().noneMatch(javafx.scene.Node::isVisible)),
                "every token hidden");
        assertNull(fx(matrix(robot, "#value-affine1")::getArray), "the cards still show the start");
        assertEquals(0, (int) fx(() -> model.indexProperty().get()));
        MatrixView xToken = fx(() -> robot.lookup(".token .matrix-view").queryAllAs(MatrixView.class).stream()
                .filter(v -> v.getArray() == x).findFirst().orElseThrow());

        AppFixture.fxRun(() -> model.speedProperty().set(0)); // lecture speed: 2.4 s per step, to look at the tokens
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        assertTrue(fx(() -> app.view().graph().isAnimating()), "the first step's tokens move");
        assertTrue(fx(() -> xToken.getParent().isVisible() && xToken.getArray() == x), "x rides to Affine1 on the token made ready for it");
    }

    @Test
    void theInspectorsViewsHaveTheirHeatmapsReadyBeforeTheStepsThatShowThem(FxRobot robot) throws Exception {
        load(model, wide());
        AppFixture.fxRun(() -> model.selectedProperty().set("affine1")); // the inspector opens on Affine1
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> { // the inspector opens a frame or more later
            var v = robot.lookup("#inspector-value").tryQueryAs(MatrixView.class);
            var g = robot.lookup("#inspector-grad").tryQueryAs(MatrixView.class);
            return v.isPresent() && g.isPresent() && heatmapOf(v.get()) != null && heatmapOf(g.get()) != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        MatrixView value = matrix(robot, "#inspector-value");
        Heatmap ready = heatmapOf(value);
        assertNull(fx(value::getArray), "the inspector shows no value before the first step");
        assertFalse(fx(ready::isVisible), "its heatmap waits hidden");
        assertTrue(fx(() -> robot.lookup("#inspector-value .placeholder").query().isVisible()), "it says not computed");
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        assertSame(ready, heatmapOf(value), "the heatmap made before the step");
        assertTrue(fx(ready::isVisible));
        assertEquals(fx(() -> model.getTrace().forward("affine1").orElseThrow()), fx(ready::array));
        assertNull(fx(matrix(robot, "#inspector-grad")::getArray), "no gradient yet");
    }
}
