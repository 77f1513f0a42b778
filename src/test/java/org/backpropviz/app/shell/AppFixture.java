package org.backpropviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.scenario.Scenario;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers the window tests share: run on the FX thread, wait for the worker, read what is shown. */
final class AppFixture {
    private AppFixture() {}

    /** A new empty folder for one window's autosave and recent files, under {@code backpropviz.home}. */
    /** Starts the app in {@code stage} with its files under {@code home}, animation set to instant (FX thread). */
    static BackpropApp startApp(javafx.stage.Stage stage, java.nio.file.Path home) {
        BackpropApp app = new BackpropApp(home);
        app.start(stage);
        app.model().speedProperty().set(org.backpropviz.app.model.GraphViewModel.SPEED_MILLIS.length - 1);
        return app;
    }

    static java.nio.file.Path freshHome() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("backpropviz.home", "target/test-home"));
            java.nio.file.Files.createDirectories(root);
            return java.nio.file.Files.createTempDirectory(root, "home-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until the model has the chain for its current scenario. */
    static void waitReady(GraphViewModel m, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(m::isReady));
        } catch (Exception e) {
            throw new AssertionError("the engine did not answer in " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** An array of the given shape filled with normal draws from {@code r} times {@code scale}. */
    static NDArray gaussian(java.util.Random r, double scale, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * scale;
        return NDArray.of(shape, v);
    }

    /**
     * The lesson's two-layer net on random arrays: x (batch, in), W1 (in, hidden), b1, W2 (hidden, out), b2, each drawn
     * from {@code seed} times {@code scale}, and a one-hot t whose row i is class i % out.
     */
    static Scenario randomNet(String name, long seed, double scale, int batch, int in, int hidden, int out) {
        java.util.Random r = new java.util.Random(seed);
        double[] t = new double[batch * out];
        for (int i = 0; i < batch; i++) t[i * out + i % out] = 1;
        NetInputs inputs = new NetInputs(gaussian(r, scale, batch, in), gaussian(r, scale, in, hidden),
                gaussian(r, scale, hidden), gaussian(r, scale, hidden, out), gaussian(r, scale, out),
                NDArray.of(new int[] {batch, out}, t));
        return new Scenario(name, "", 0.1, inputs);
    }

    static void load(GraphViewModel m, Scenario s) {
        fxRun(() -> m.load(s));
        waitReady(m, 20);
    }

    static void waitIndex(GraphViewModel m, int index) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> m.indexProperty().get() == index));
        } catch (Exception e) {
            throw new AssertionError("index " + index + " not reached; at " + fx(() -> m.indexProperty().get()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText());
    }

    static MatrixView matrix(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(MatrixView.class);
    }

    static boolean has(FxRobot robot, String query, String pseudoClass) {
        Node n = robot.lookup(query).query();
        return fx(() -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass)));
    }

    /** Checks a matrix view shows exactly this array: its numbers as cells show them, or the array itself as a heatmap. */
    static void assertShows(FxRobot robot, String query, NDArray expected) {
        MatrixView v = matrix(robot, query);
        NDArray shown = fx(v::getArray);
        assertEquals(expected, shown, query + " shows another array");
        if (!fx(v::isHeatmap)) {
            List<String> want = new java.util.ArrayList<>();
            for (int i = 0; i < expected.size(); i++) want.add(v.formatCell(expected.flat(i)));
            assertEquals(want, fx(v::cellTexts), query + " cells");
        }
    }

    /** The visible grid cell of row r, column c in an editor (docked or in its window). */
    static javafx.scene.control.TableCell<?, ?> cell(FxRobot robot, org.backpropviz.app.editor.MatrixEditorView w, int r, int c) {
        for (Node n : robot.from(w).lookup(".spreadsheet-cell").queryAll()) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> t && t.isVisible()
                    && t.getItem() instanceof org.controlsfx.control.spreadsheet.SpreadsheetCell sc
                    && sc.getRow() == r && sc.getColumn() == c) {
                return t;
            }
        }
        throw new AssertionError("no visible cell " + r + ", " + c);
    }

    /** Every node of the graph lies inside the graph's area on screen ({@code when} says in which state). */
    static void assertWholeGraphInSight(BackpropApp app, String when) {
        fx(() -> {
            var g = app.view().graph();
            javafx.geometry.Bounds area = g.localToScene(g.getLayoutBounds());
            for (org.backpropviz.app.model.NetGraph.Node n : g.drawn().nodes()) {
                Node card = g.lookup("#node-" + n.id());
                javafx.geometry.Bounds b = card.localToScene(card.getBoundsInLocal());
                org.junit.jupiter.api.Assertions.assertTrue(b.getMinX() >= area.getMinX() - 1 && b.getMaxX() <= area.getMaxX() + 1
                        && b.getMinY() >= area.getMinY() - 1 && b.getMaxY() <= area.getMaxY() + 1,
                        when + ": " + n.id() + " " + b + " lies inside the graph's area " + area);
            }
            return null;
        });
    }
}
