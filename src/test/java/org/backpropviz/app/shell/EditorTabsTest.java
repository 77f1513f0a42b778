package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.cell;
import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.backpropviz.app.editor.MatrixEditorView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Several editors dock under the graph as tabs: a second one no longer replaces the first. */
@ExtendWith(AppWindow.class)
class EditorTabsTest {
    private BackpropApp app;
    private GraphViewModel model;


    private List<String> tabTitles() {
        return fx(() -> app.view().dockPane().getTabs().stream().map(Tab::getText).toList());
    }

    private String selectedTitle() {
        return fx(() -> app.view().dockPane().getSelectionModel().getSelectedItem().getText());
    }


    private void doubleClick(FxRobot robot, String query) {
        robot.doubleClickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSecondEditorDocksAsATabBesideTheFirstAndEachTabClosesDetachesAndDocksOnItsOwn(FxRobot robot) {
        waitReady(model, 10);
        String w1 = "W1 " + fx(() -> model.getScenario().get(Param.W1).shapeString());
        String x = "x " + fx(() -> model.getScenario().get(Param.X).shapeString());

        doubleClick(robot, "#node-W1");
        assertNotNull(fx(() -> app.editors().get(Param.W1)), "a double click on W1 opens its editor");
        doubleClick(robot, "#node-x");
        assertNotNull(fx(() -> app.editors().get(Param.X)), "a double click on x opens its editor");
        MatrixEditorView w1View = fx(() -> app.editors().get(Param.W1));
        MatrixEditorView xView = fx(() -> app.editors().get(Param.X));
        assertNotNull(w1View, "opening x's editor left W1's open");
        assertEquals(List.of(w1, x), tabTitles(), "one tab per array, named with its shape");
        assertEquals(x, selectedTitle(), "the editor just opened is the one in sight");
        assertSame(xView, fx(() -> app.view().docked()));

        doubleClick(robot, "#node-W1"); // opened again: its tab is selected, no second editor
        assertEquals(List.of(w1, x), tabTitles());
        assertEquals(w1, selectedTitle());
        assertSame(w1View, fx(() -> app.editors().get(Param.W1)));

        // Ctrl+W in W1's grid closes W1's tab only
        robot.clickOn(cell(robot, w1View, 0, 0));
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> app.editors().get(Param.W1)), "Ctrl+W closed W1's editor");
        assertEquals(List.of(x), tabTitles());
        assertSame(xView, fx(() -> app.view().docked()), "x's editor is in sight");

        // Detach moves the editor in sight to its own window; the other tab stays docked
        doubleClick(robot, "#node-W1");
        MatrixEditorView again = fx(() -> app.editors().get(Param.W1));
        assertEquals(w1, selectedTitle());
        robot.clickOn(robot.from(again).lookup("#editor-detach").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> app.editors().window(Param.W1).getStage().isShowing()), "W1 is in its own window");
        assertEquals(List.of(x), tabTitles());
        assertSame(xView, fx(() -> app.view().docked()));

        doubleClick(robot, "#node-W1"); // opened again while detached: its window, not a tab
        assertEquals(List.of(x), tabTitles());
        assertSame(again, fx(() -> app.editors().window(Param.W1).getView()), "the same editor, in its window");

        // Dock brings it back as a tab, in sight
        robot.clickOn(robot.from(again).lookup("#editor-detach").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> app.editors().window(Param.W1)));
        assertEquals(List.of(x, w1), tabTitles());
        assertSame(again, fx(() -> app.view().docked()));

        // the tab's × closes that tab, Ctrl+W on a tab closes it; the last one closed gives the room back to the code pane
        robot.clickOn("#editor-tab-x .tab-close-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(fx(() -> app.editors().get(Param.X)));
        assertEquals(List.of(w1), tabTitles());
        robot.clickOn("#editor-tab-W1 .tab-label"); // the tab itself has the focus: Ctrl+W closes it too
        assertSame(fx(() -> app.view().dockPane()), fx(() -> app.view().getScene().getFocusOwner()), "the tabs have the focus, not the grid");
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), tabTitles());
        assertNull(fx(() -> app.view().docked()));
        assertNull(fx(() -> app.view().dockPane().getScene()), "the empty dock leaves the window");
        assertTrue(fx(() -> app.view().codePane().model().shownProperty().get()), "the code pane is back");
    }

    @Test
    void aTabsTitleFollowsItsArraysShape(FxRobot robot) {
        waitReady(model, 10);
        MatrixEditorView w = fx(() -> app.openEditor(org.backpropviz.app.model.NetGraph.Node.W1));
        fxRun(() -> w.getModel().setShape("(3, 3)"));
        waitReady(model, 10);
        assertEquals(List.of("W1 (3, 3)"), tabTitles());
    }
}
