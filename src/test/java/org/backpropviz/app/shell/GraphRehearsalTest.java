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

import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.backpropviz.app.control.Heatmap;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
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

    private static NDArray random(Random r, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return NDArray.of(shape, v);
    }

    /** A net whose every operation's value is larger than 6 × 6, so each is drawn as a heatmap. */
    private static Scenario wide() {
        Random r = new Random(11);
        double[] t = new double[20 * 10];
        for (int i = 0; i < 20; i++) t[i * 10 + i % 10] = 1;
        NetInputs in = new NetInputs(random(r, 20, 8), random(r, 8, 12), random(r, 12), random(r, 12, 10), random(r, 10),
                NDArray.of(new int[] {20, 10}, t));
        return new Scenario("wide", "", 0.1, in);
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
}
