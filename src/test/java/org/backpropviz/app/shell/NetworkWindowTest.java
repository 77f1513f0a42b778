package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.input.KeyCode;
import org.backpropviz.app.editor.MatrixEditorView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetworkEdits;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Phase;
import org.backpropviz.engine.Sigmoid;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Networks other than the lesson's in the window: a deeper net stepped to the end, the Network menu, undo. */
@ExtendWith(AppWindow.class)
class NetworkWindowTest {
    private BackpropApp app;
    private GraphViewModel model;


    /** The batch of four with two more hidden layers of 3: Affine1 … Affine4. */
    private static Scenario fourLayers() {
        Scenario s = Presets.load("batch-of-4");
        return NetworkEdits.addHiddenLayer(NetworkEdits.addHiddenLayer(s, 3), 3);
    }

    @Test
    void stepsAFourLayerNetForwardAndBackwardToTheEnd(FxRobot robot) {
        Scenario s = fourLayers();
        load(model, s);
        for (String id : List.of("x", "W1", "b1", "affine1", "relu1", "W2", "affine2", "relu2", "W3", "b3", "affine3",
                "relu3", "W4", "b4", "affine4", "softmax", "t", "loss")) {
            assertTrue(robot.lookup("#node-" + id).tryQuery().isPresent(), id + " is drawn");
        }
        assertTrue(robot.lookup("#edge-relu3-affine4").tryQuery().isPresent());
        assertEquals("its gradient goes with the loss: (y − t)/batch reaches Affine4 directly", fx(() -> robot.lookup("#grad-softmax")
                .queryAs(org.backpropviz.app.control.MatrixView.class).placeholderProperty().get()), "softmax's card names the last Affine");
        List<Step> steps = s.inputs().network().steps();
        Trace expected = Trace.start(s.inputs());
        for (int k = 1; k <= steps.size(); k++) {
            Step step = steps.get(k - 1);
            robot.type(KeyCode.RIGHT);
            waitIndex(model, k);
            expected = expected.step();
            if (step.phase() == Phase.FORWARD) {
                NDArray v = expected.forward(step.node()).orElseThrow();
                assertEquals(v.shapeString(), text(robot, "#value-shape-" + step.node()), step + " shape");
            }
        }
        assertTrue(fx(() -> model.getTrace().isComplete()), "the iteration completes");
        String loss = org.backpropviz.text.Numbers.repr(expected.loss().orElseThrow()); // as NumPy prints it
        assertTrue(text(robot, "#status").contains(loss), text(robot, "#status"));
        assertEquals("()", text(robot, "#value-shape-loss"));
        assertEquals("(3, 3)", text(robot, "#grad-shape-W3"), "W3's gradient is shown");

        robot.clickOn("#node-W3"); // selected: the inspector opens and the graph centres W3, readable
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("W3", fx(() -> model.selectedProperty().get()));
        robot.doubleClickOn("#node-W3");
        WaitForAsyncUtils.waitForFxEvents();
        MatrixEditorView w = fx(() -> app.editors().get(Param.w(3)));
        assertNotNull(w, "a double click on W3 opens its editor");
        assertEquals(s.get(Param.w(3)), fx(() -> w.getModel().getValue()));
        fxRun(() -> app.editors().close(Param.w(3)));
    }

    @Test
    void addingAHiddenLayerIsUndoneWithCtrlZ(FxRobot robot) {
        load(model, Presets.load("batch-of-4"));
        fxRun(() -> app.network().addLayer(3));
        waitReady(model, 20);
        assertTrue(robot.lookup("#node-affine3").tryQuery().isPresent(), "the graph has Affine3");
        assertTrue(fx(() -> model.getScenario().inputs().has(Param.w(3))), "the scenario has W3");
        assertEquals("Undo Add hidden layer (3 units)",
                fx(() -> app.network().named("menu.edit.undo", model.history().nextUndoProperty().get())));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitReady(model, 20);
        assertEquals(2, fx(() -> model.getScenario().inputs().network().depth()), "back to two layers");
        assertFalse(robot.lookup("#node-affine3").tryQuery().isPresent(), "Affine3 is gone");
        assertEquals(Presets.load("batch-of-4").inputs(), fx(() -> model.getScenario().inputs()));

        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        waitReady(model, 20);
        assertEquals(3, fx(() -> model.getScenario().inputs().network().depth()), "redone");
    }

    @Test
    void switchingAnActivationDrawsItsNode(FxRobot robot) {
        load(model, Presets.load("batch-of-4"));
        robot.clickOn("#menu-network"); // the menu fills itself from the network as it opens
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> {
            javafx.scene.control.Menu net = app.view().lookupAll(".menu-bar").stream().findFirst()
                    .map(b -> ((javafx.scene.control.MenuBar) b).getMenus().stream()
                            .filter(m -> "menu-network".equals(m.getId())).findFirst().orElseThrow()).orElseThrow();
            javafx.scene.control.Menu act = (javafx.scene.control.Menu) net.getItems().stream()
                    .filter(i -> "network-activation-1".equals(i.getId())).findFirst().orElseThrow();
            assertEquals("Activation 1 (after Affine1): ReLU", act.getText());
            act.getItems().stream().filter(i -> "network-activation-1-sigmoid".equals(i.getId())).findFirst().orElseThrow().fire();
            net.hide();
        });
        waitReady(model, 20);
        assertTrue(robot.lookup("#node-sigmoid1").tryQuery().isPresent(), "the graph has sigmoid1");
        assertFalse(robot.lookup("#node-relu1").tryQuery().isPresent());
        assertEquals(Sigmoid.KIND, fx(() -> model.getScenario().inputs().network().activations().get(0)));
        fxRun(model::undo);
        waitReady(model, 20);
        assertTrue(robot.lookup("#node-relu1").tryQuery().isPresent(), "undone");
    }

    @Test
    void theAddLayerDialogTakesAWidth(FxRobot robot) {
        load(model, Presets.load("batch-of-4"));
        robot.clickOn("#menu-network");
        robot.clickOn("Add hidden layer…");
        javafx.scene.control.Spinner<?> width = robot.lookup("#add-layer-width").query();
        assertEquals(3, fx(width::getValue), "the last hidden layer's width by default");
        robot.doubleClickOn(width.getEditor()).write("5");
        robot.clickOn("OK");
        waitReady(model, 20);
        assertEquals("(3, 5)", fx(() -> model.getScenario().get(Param.w(2)).shapeString()));
        assertEquals("(5, 2)", fx(() -> model.getScenario().get(Param.w(3)).shapeString()));
        assertEquals("(5,)", fx(() -> model.getScenario().get(Param.b(2)).shapeString()));
    }

    /**
     * A width out of range or not a number is named under the field, and neither Enter (which commits the text first)
     * nor OK adds a layer with the old width the field falls back to; a good width typed next is taken.
     */
    @Test
    void theAddLayerDialogNamesARefusedWidthAndStaysOpen(FxRobot robot) {
        Scenario before = Presets.load("batch-of-4");
        load(model, before);
        robot.clickOn("#menu-network");
        robot.clickOn("Add hidden layer…");
        javafx.scene.control.Spinner<?> width = robot.lookup("#add-layer-width").query();
        robot.doubleClickOn(width.getEditor()).eraseText(1).write("99999999").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#add-layer-width").tryQuery().isPresent(), "Enter on a refused width keeps the dialog open");
        assertEquals("The width must be a whole number from 1 to 1000, not “99999999”; it stays 3.", text(robot, "#add-layer-refusal"));
        assertEquals(before, fx(model::getScenario), "no layer was added");

        robot.doubleClickOn(width.getEditor()).eraseText(1).write("abc");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#add-layer-width").tryQuery().isPresent(), "OK on a refused width keeps the dialog open");
        assertEquals("The width must be a whole number from 1 to 1000, not “abc”; it stays 3.", text(robot, "#add-layer-refusal"));
        assertEquals(before, fx(model::getScenario));

        robot.doubleClickOn(width.getEditor()).eraseText(1).write("7").type(KeyCode.ENTER);
        waitReady(model, 20);
        assertFalse(robot.lookup("#add-layer-width").tryQuery().isPresent(), "a good width closes the dialog");
        assertEquals("(3, 7)", fx(() -> model.getScenario().get(Param.w(2)).shapeString()));
        assertEquals("(7, 2)", fx(() -> model.getScenario().get(Param.w(3)).shapeString()));
    }

    @Test
    void theDeeperPresetsRunInTheWindow(FxRobot robot) {
        load(model, Presets.load("iris-3-layer-sigmoid"));
        assertTrue(robot.lookup("#node-sigmoid2").tryQuery().isPresent(), "4 → 5 → 5 → 3 with Sigmoids");
        assertTrue(robot.lookup("#node-W3").tryQuery().isPresent());
        assertTrue(fx(() -> model.getFurthest().isComplete()), "the iteration runs to the end");

        load(model, Presets.load("lesson-repository-affine"));
        Trace end = fx(model::getFurthest);
        assertEquals("affine1", end.error().orElseThrow().node(), "a (2,) x becomes (2, 1) and cannot meet W1");
        assertEquals("(2, 1)", end.error().orElseThrow().operands().get(0).shapeString());
    }

    /**
     * The lesson's own error comes from W.dot(X), which the graph's np.dot(x, W1) cannot compute: its preset opens the
     * playground on that product, with NumPy's message character for character, and leaves the graph as it was.
     */
    @Test
    void theLessonsWdotXPresetShowsTheLessonsOwnErrorInThePlayground(FxRobot robot) {
        Scenario before = fx(model::getScenario);
        robot.clickOn("#menu-presets");
        robot.clickOn("Lesson: W.dot(X) shape error (playground)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-playground", fx(() -> app.view().tabs().getSelectionModel().getSelectedItem().getId()));
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end && !text(robot, "#pg-message").contains("not aligned")) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        assertEquals("shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)", text(robot, "#pg-message"));
        assertEquals(before, fx(model::getScenario), "the graph's scenario is untouched");
        // the graph's own preset is named for what it shows
        robot.clickOn("#menu-presets");
        assertTrue(robot.lookup("Lesson: x·W1 with W1 stored transposed").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }
}
