package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.assertShows;
import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.matrix;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.css.PseudoClass;
import javafx.scene.input.KeyCode;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** The graph's arrays as a newcomer meets them in the Iris preset: numbers up to 6 × 6, the scale each array calls for. */
@ExtendWith(AppWindow.class)
class ArrayPicturesWindowTest {
    private static final PseudoClass SEQUENTIAL = PseudoClass.getPseudoClass("sequential");
    private static final PseudoClass ALL_ZERO = PseudoClass.getPseudoClass("all-zero");
    private BackpropApp app;
    private GraphViewModel model;


    private static boolean is(MatrixView v, PseudoClass state) {
        return fx(() -> v.getPseudoClassStates().contains(state));
    }

    @Test
    void smallArraysShowNumbersInNodesAndTheInspectorOnTheScaleTheyCallFor(FxRobot robot) {
        Scenario s = Presets.load("iris-5");
        load(model, s);
        // x (5, 4) and W1 (4, 4) were heatmaps in the nodes; every array of the preset is at most 6 x 6
        for (String id : new String[] {"x", "W1", "b1", "W2", "b2", "t"}) {
            MatrixView v = matrix(robot, "#value-" + id);
            assertFalse(fx(v::isHeatmap), id);
            assertShows(robot, "#value-" + id, s.get(org.backpropviz.engine.Param.byLabel(id)));
        }
        assertTrue(is(matrix(robot, "#value-x"), SEQUENTIAL), "measurements in cm: nothing below 0");
        assertTrue(is(matrix(robot, "#value-t"), SEQUENTIAL), "class labels");
        assertFalse(is(matrix(robot, "#value-W1"), SEQUENTIAL), "signed weights");
        assertTrue(is(matrix(robot, "#value-b1"), ALL_ZERO));
        assertEquals(java.util.List.of("0.0", "0.0", "0.0", "0.0"), fx(matrix(robot, "#value-b1")::cellTexts), "b1 (4,) like b2 (3,)");
        assertEquals(java.util.List.of("0.0", "0.0", "0.0"), fx(matrix(robot, "#value-b2")::cellTexts));

        Trace expected = Trace.start(s.inputs());
        for (int k = 1; k <= 5; k++) { // the forward pass, up to the loss
            robot.type(KeyCode.RIGHT);
            waitIndex(model, k);
            expected = expected.step();
        }
        assertEquals("softmax", Step.ORDER.get(3).node());
        assertShows(robot, "#value-softmax", expected.forward("softmax").orElseThrow());
        assertFalse(fx(matrix(robot, "#value-softmax")::isHeatmap), "(5, 3)");
        assertTrue(is(matrix(robot, "#value-softmax"), SEQUENTIAL), "probabilities");
        assertTrue(is(matrix(robot, "#value-relu1"), SEQUENTIAL), "max(0, x)");
        assertFalse(is(matrix(robot, "#value-affine1"), SEQUENTIAL));

        fxRun(() -> model.selectedProperty().set("softmax"));
        try { // the inspector is made when it is first needed
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> fx(() -> robot.lookup("#inspector-value").tryQuery().isPresent()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no inspector", e);
        }
        MatrixView inspector = matrix(robot, "#inspector-value");
        assertFalse(fx(inspector::isHeatmap));
        assertTrue(is(inspector, SEQUENTIAL));
        assertEquals(15, fx(inspector::cellTexts).size());
    }
}
