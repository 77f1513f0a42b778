package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.cell;
import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.has;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backpropviz.app.editor.MatrixEditorView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph;
import org.backpropviz.engine.Np;
import org.backpropviz.engine.Param;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 15: one undo history for the whole scenario, and the editor docked beside the graph. */
@ExtendWith(AppWindow.class)
class EditorHistoryWindowTest {
    private BackpropApp app;
    private GraphViewModel model;



    private static void ctrl(FxRobot robot, KeyCode k) {
        robot.press(KeyCode.CONTROL, k).release(k, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aQuickFixIsUndoneWithCtrlZInTheMainWindowAndTheMenuNamesIt(FxRobot robot) {
        Scenario s = Presets.load("lesson-mismatch");
        load(model, s);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        robot.clickOn("#fix-transpose-W1");
        waitReady(model, 10);
        assertEquals(Np.transpose(s.get(Param.W1)), fx(model::getScenario).get(Param.W1));
        assertEquals("Undo Transpose W1", fx(() -> app.network().named("menu.edit.undo", model.history().nextUndoProperty().get())));

        robot.interact(() -> app.view().graph().requestFocus());
        ctrl(robot, KeyCode.Z);
        waitReady(model, 10);
        assertEquals(s.get(Param.W1), fx(model::getScenario).get(Param.W1), "Ctrl+Z in the main window undid the fix");
        assertEquals("Redo Transpose W1", fx(() -> app.network().named("menu.edit.redo", model.history().nextRedoProperty().get())));
    }

    @Test
    void theDockedEditorShowsTheMismatchWhileTypingAndItsEditsAreUndoneFromTheMainWindow(FxRobot robot) throws Exception {
        waitReady(model, 10);
        Scenario s = fx(model::getScenario);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        fx(() -> app.openEditor(NetGraph.Node.W1)); // what a double click on W1 does
        WaitForAsyncUtils.waitForFxEvents();
        MatrixEditorView w = fx(() -> app.editors().get(Param.W1));
        assertSame(w, fx(() -> app.view().docked()), "the editor opens docked in the main window");
        String original = cell(robot, w, 0, 0).getText();

        // point 1: a cell edit, a reshape, then Ctrl+Z twice in the grid: the cell shows the old value at once
        robot.doubleClickOn(cell(robot, w, 0, 0)).write("0.5").type(KeyCode.ENTER);
        waitReady(model, 10);
        assertEquals(0.5, fx(model::getScenario).get(Param.W1).get(0, 0));
        assertEquals("Undo Edit W1[0, 0]", fx(() -> app.network().named("menu.edit.undo", model.history().nextUndoProperty().get())));
        javafx.scene.control.TextField field = robot.from(w).lookup(".shape-field").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            field.setText("(3, 3)");
            field.fireEvent(new javafx.event.ActionEvent()); // Enter in the field
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitReady(model, 10);
        assertEquals("(3, 3)", fx(model::getScenario).get(Param.W1).shapeString(), "typed into the docked editor's shape field: "
                + fx(field::getText) + " focused " + fx(field::isFocused) + " " + fx(() -> field.localToScreen(field.getBoundsInLocal())));
        waitIndex(model, 1);
        assertTrue(has(robot, "#node-affine1", "mismatch"), "the node turns red with the editor open beside it");
        assertSame(w, fx(() -> app.view().docked()));
        assertEquals("Undo Reshape W1 to (3, 3)", fx(() -> app.network().named("menu.edit.undo", model.history().nextUndoProperty().get())));
        robot.clickOn(cell(robot, w, 2, 2));
        ctrl(robot, KeyCode.Z);
        waitReady(model, 10);
        ctrl(robot, KeyCode.Z);
        waitReady(model, 10);
        waitIndex(model, 1);
        assertEquals(s.get(Param.W1), fx(model::getScenario).get(Param.W1));
        assertFalse(has(robot, "#node-affine1", "mismatch"));
        assertEquals(original, cell(robot, w, 0, 0).getText(), "the grid shows the restored value without a click");

        // an editor edit undone from the main window (the graph has the focus)
        robot.doubleClickOn(cell(robot, w, 0, 1)).write("7").type(KeyCode.ENTER);
        waitReady(model, 10);
        assertEquals(7.0, fx(model::getScenario).get(Param.W1).get(0, 1));
        robot.interact(() -> app.view().graph().requestFocus());
        ctrl(robot, KeyCode.Z);
        waitReady(model, 10);
        assertEquals(s.get(Param.W1), fx(model::getScenario).get(Param.W1));
        assertEquals(s.get(Param.W1), fx(() -> w.getModel().getValue()), "the editor follows the undo");

        // Detach, Dock, ×
        robot.clickOn("#editor-detach");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> app.view().docked() == null && app.editors().window(Param.W1).getStage().isShowing()));
        assertTrue(fx(() -> robot.from(w).lookup("#editor-close").query().isVisible()), "a window of its own has the header's ×");
        robot.interact(() -> app.editors().toggleDock(Param.W1));
        assertSame(w, fx(() -> app.view().docked()), "Dock brings it back");
        assertFalse(fx(() -> robot.from(w).lookup("#editor-close").query().isVisible()), "docked, only the tab has a ×");
        // the tab's header is made anew when the editor docks again: its × can be clicked once it is laid out
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup("#editor-tab-W1 .tab-close-button")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("#editor-tab-W1 .tab-close-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, fx(() -> app.view().docked()));
        assertEquals(null, fx(() -> app.editors().get(Param.W1)));
    }

    @Test
    void theGraphFitsItsAreaWhenTheWindowShrinksAndAnEditorDocks(FxRobot robot) {
        waitReady(model, 10);
        robot.interact(() -> {
            Stage st = app.stage();
            st.setWidth(1024);
            st.setHeight(700);
        });
        // as a double click does: W1 is selected (the inspector opens, narrowing the graph), then its editor docks
        fxRun(() -> model.selectedProperty().set(NetGraph.Node.W1.id()));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> app.openEditor(NetGraph.Node.W1));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        double graphHeight = fx(() -> app.view().graph().getHeight());
        assertTrue(graphHeight > 150, "the docked editor leaves the graph room: " + graphHeight);
        AppFixture.assertWholeGraphInSight(app, "1024x700 with W1 docked");
    }
}
