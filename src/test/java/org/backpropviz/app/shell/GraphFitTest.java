package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import org.backpropviz.app.model.GraphViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15, point 8: the graph fits its area by itself when the inspector opens or the window changes size, with no
 * editor docked; selecting a node never zooms onto it, and the user's own zoom stays until Ctrl+0.
 */
@ExtendWith(AppWindow.class)
class GraphFitTest {
    private BackpropApp app;
    private GraphViewModel model;


    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            app.stage().setWidth(w);
            app.stage().setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertWholeGraphInSight(String when) {
        AppFixture.assertWholeGraphInSight(app, when);
    }

    private double scale() {
        return fx(() -> app.view().graph().scale());
    }

    private void ctrl(FxRobot robot, KeyCode k) {
        robot.press(KeyCode.CONTROL, k).release(k, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWholeNetStaysInSightWhenTheInspectorOpensAndTheWindowShrinksOrGrows(FxRobot robot) {
        waitReady(model, 10);
        size(robot, 1024, 700);
        assertWholeGraphInSight("1024x700");
        robot.clickOn("#node-affine2"); // the inspector opens beside the graph
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("affine2", fx(() -> model.selectedProperty().get()));
        assertTrue(fx(() -> robot.lookup("#inspector").tryQuery().isPresent()), "the inspector is open");
        assertWholeGraphInSight("1024x700 with the inspector");
        double small = scale();

        size(robot, 1280, 800); // the headless screen's size (1440x900 was looked at under Xvfb)
        assertWholeGraphInSight("1280x800 with the inspector");
        assertTrue(scale() > small, "a larger window draws the graph larger: " + scale() + " vs " + small);
        size(robot, 1024, 700);
        assertWholeGraphInSight("back to 1024x700");
        double inspector = fx(() -> robot.lookup("#inspector").queryAs(javafx.scene.layout.Region.class).getWidth());
        assertTrue(inspector <= 301, "the inspector narrows with the window to its 300 px, not " + inspector);
        robot.clickOn("#node-x");
        WaitForAsyncUtils.waitForFxEvents();
        assertWholeGraphInSight("another node selected");
        assertEquals(small, scale(), 1e-9, "selecting a node does not zoom");
    }

    @Test
    void ctrlPlusAndMinusZoomASelectionKeepsTheZoomAndCtrl0FitsAgain(FxRobot robot) {
        waitReady(model, 10);
        size(robot, 1024, 700);
        robot.clickOn("#node-affine1");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> app.view().graph().requestFocus());
        double fit = scale();
        ctrl(robot, KeyCode.EQUALS);
        assertEquals(fit * 1.2, scale(), 1e-9, "Ctrl+= zooms in");
        robot.clickOn("#node-W1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("W1", fx(() -> model.selectedProperty().get()));
        assertEquals(fit * 1.2, scale(), 1e-9, "a selection keeps the user's zoom");
        ctrl(robot, KeyCode.DIGIT0);
        assertEquals(fit, scale(), 1e-9, "Ctrl+0 fits");
        assertWholeGraphInSight("after Ctrl+0");
        ctrl(robot, KeyCode.MINUS);
        assertEquals(fit / 1.2, scale(), 1e-9, "Ctrl+- zooms out");
        assertWholeGraphInSight("zoomed out");
    }

    /** A docked editor keeps its height when the window shrinks, but never takes more than half from the graph. */
    @Test
    void aWindowMadeSmallerWithAnEditorDockedLeavesTheGraphHalf(FxRobot robot) {
        waitReady(model, 10);
        size(robot, 1280, 800);
        robot.doubleClickOn("#node-W1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> app.view().docked() != null), "W1's editor is docked");
        size(robot, 1024, 700);
        double graphArea = fx(() -> app.view().graph().getParent().getLayoutBounds().getHeight());
        double dock = fx(() -> app.view().dockPane().getHeight());
        assertTrue(graphArea >= dock - 12, "the graph's area " + graphArea + " px is about half, the dock " + dock + " px");
        assertWholeGraphInSight("1024x700 with an editor docked");
    }
}
