package org.backpropviz.app;

import static org.backpropviz.app.AppFixture.fx;
import static org.backpropviz.app.AppFixture.fxRun;
import static org.backpropviz.app.AppFixture.matrix;
import static org.backpropviz.app.AppFixture.text;
import static org.backpropviz.app.AppFixture.waitIndex;
import static org.backpropviz.app.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The engine runs on its worker: with 1000×1000 matrices the window keeps repainting and answering input. */
@ExtendWith(ApplicationExtension.class)
class BackgroundEngineTest {
    private static final int N = 1000;
    private BackpropApp app;
    private GraphViewModel model;

    @Start
    void start(Stage stage) {
        app = new BackpropApp();
        app.start(stage);
        model = app.model();
        model.speedProperty().set(GraphViewModel.SPEED_MILLIS.length - 1);
    }

    @AfterEach
    void stop() {
        fxRun(app::stop);
    }

    static Scenario big() {
        Random r = new Random(7);
        double[] t = new double[N * N];
        for (int i = 0; i < N; i++) t[i * N + (i * 7) % N] = 1;
        NetInputs in = new NetInputs(random(r, N, N, 1.0), random(r, N, N, 0.03), random(r, N), random(r, N, N, 0.03),
                random(r, N), NDArray.of(new int[] {N, N}, t));
        return new Scenario("big", "", 0.1, in);
    }

    private static NDArray random(Random r, int rows, int cols, double scale) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian() * scale;
        return NDArray.of(new int[] {rows, cols}, v);
    }

    private static NDArray random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * 0.1;
        return NDArray.vector(v);
    }

    @Test
    void aThousandByThousandEvaluationNeverBlocksTheFxThread(FxRobot robot) throws Exception {
        waitReady(model, 10);
        Scenario big = big();
        long t0 = System.nanoTime();
        fxRun(() -> model.load(big));
        assertTrue((System.nanoTime() - t0) / 1e6 < 1000, "load returns at once");

        double worstMs = 0;
        int pings = 0;
        boolean spinner = false;
        boolean inspected = false;
        long deadline = System.currentTimeMillis() + 60_000;
        while (!fx(model::isReady) && System.currentTimeMillis() < deadline) {
            long a = System.nanoTime();
            fx(() -> null); // a round trip through the FX thread
            worstMs = Math.max(worstMs, (System.nanoTime() - a) / 1e6);
            pings++;
            spinner |= fx(() -> robot.lookup("#busy").query().isVisible());
            if (!inspected && pings > 3) {
                robot.clickOn("#node-W1"); // input is handled while the engine works
                inspected = fx(() -> robot.lookup("#inspector-title").tryQuery().isPresent()
                        && robot.lookup("#inspector-title").query().isVisible());
            }
            Thread.sleep(15);
        }
        assertTrue(fx(model::isReady), "the engine finished");
        double busyMs = (System.nanoTime() - t0) / 1e6;
        assertTrue(busyMs > 300 && pings >= 3, "the evaluation took longer than a blink: " + busyMs + " ms, " + pings + " pings");
        System.out.printf("1000x1000 chain: %.0f ms on the worker, %d FX round trips, worst %.1f ms%n", busyMs, pings, worstMs);
        assertTrue(worstMs < 250, "the FX thread answered within 250 ms while the engine worked; worst " + worstMs + " ms");
        assertTrue(spinner, "a progress indicator showed while the engine worked");
        assertTrue(inspected, "clicking a node opened the inspector during the evaluation");
        WaitForFx.settle();
        assertFalse(fx(() -> robot.lookup("#busy").query().isVisible()), "the indicator hides afterwards");

        robot.clickOn("#main").type(KeyCode.RIGHT);
        waitIndex(model, 1);
        assertEquals("(1000, 1000)", text(robot, "#value-shape-affine1"));
        MatrixView v = matrix(robot, "#value-affine1");
        assertTrue(fx(v::isHeatmap), "a 1000×1000 value is drawn as a heatmap");
        NDArray want = Trace.start(big.inputs()).step().forward("affine1").orElseThrow();
        assertEquals(want, fx(v::getArray));
    }

    @Test
    void aResultOlderThanTheLatestEditIsDropped(FxRobot robot) {
        waitReady(model, 10);
        List<Trace> shown = new CopyOnWriteArrayList<>();
        fxRun(() -> model.traceProperty().addListener((o, a, b) -> shown.add(b)));
        Scenario lesson = Presets.load("batch-of-4");
        fxRun(() -> {
            model.load(big());
            model.load(lesson); // the newer edit, made while the big one is queued or running
        });
        waitReady(model, 60);
        WaitForFx.settle();
        assertEquals(lesson, fx(model::getScenario));
        assertTrue(shown.stream().noneMatch(t -> t.stepsDone() > 0 && t.inputs().x().size() == N * N),
                "no snapshot of the older, bigger scenario was shown");
        assertEquals(9, fx(() -> model.getFurthest().stepsDone()));
    }

    /** Waits for queued FX events and a little more for the worker's last runLater. */
    private static final class WaitForFx {
        static void settle() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            Platform.requestNextPulse();
        }
    }
}
