package org.backpropviz.app.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.backpropviz.engine.NDArray;
import org.controlsfx.control.spreadsheet.SpreadsheetView;

/**
 * A measured check, run by hand (not a unit test): how long the editor takes to open for the sizes, and
 * how long a scroll step takes. Headless by default (Monocle); pass {@code --display} to use the real toolkit
 * (e.g. under Xvfb: {@code DISPLAY=:97}).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.backpropviz.app.editor.EditorOpenBenchmark [--display] [--baseline] [runs]
 * java ... EditorOpenBenchmark --cold 100x784 1     (the first open in a fresh JVM, classes not yet loaded)
 * java ... EditorOpenBenchmark --preload 100x784 1  (the first open after {@link MatrixEditorWindow#preload})</pre>
 *
 * "open" is from the call of {@link MatrixEditorWindow#open} until the first layout pulse of the shown window has
 * finished (the frame is then rendered); "scroll" is one jump of the grid's scroll bars (for a wide array, the
 * vertical bar and the window of columns) until the next laid-out pulse.
 */
public final class EditorOpenBenchmark {
    private static final int[][] SIZES = {{100, 784}, {784, 50}, {1000, 1000}};
    /** With {@code --baseline}: small sizes first, to separate the window's fixed cost from the grid's. */
    private static final int[][] BASELINE = {{4, 3}, {100, 100}};

    public static void main(String[] args) throws Exception {
        boolean display = Arrays.asList(args).contains("--display");
        int runs = 5;
        for (String a : args) if (a.matches("\\d+")) runs = Integer.parseInt(a);
        if (!display) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        System.out.printf(Locale.ROOT, "%s, %d runs per size, Java %s, max heap %d MB%n",
                display ? "real toolkit (" + System.getenv("DISPLAY") + ")" : "headless Monocle", runs,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        Random rnd = new Random(7);
        // loads the classes once: later runs are a warm JVM; --cold measures the first open of a fresh JVM instead
        if (Arrays.asList(args).contains("--preload")) { // what the main window can do at start-up
            CountDownLatch pre = new CountDownLatch(1);
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                MatrixEditorWindow.preload(new org.backpropviz.app.i18n.Messages(Locale.ENGLISH));
                System.out.printf(Locale.ROOT, "preload: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
                pre.countDown();
            });
            pre.await();
        } else if (!Arrays.asList(args).contains("--cold")) {
            openAndClose(random(4, 3, rnd), null);
        }
        List<int[]> sizes = new ArrayList<>();
        if (Arrays.asList(args).contains("--baseline")) sizes.addAll(Arrays.asList(BASELINE));
        sizes.addAll(Arrays.asList(SIZES));
        for (String a : args) {
            if (a.matches("\\d+x\\d+")) { // --cold 100x784 1: one size only
                String[] rc = a.split("x");
                sizes = new ArrayList<>(List.of(new int[] {Integer.parseInt(rc[0]), Integer.parseInt(rc[1])}));
            }
        }
        for (int[] size : sizes) {
            NDArray a = random(size[0], size[1], rnd);
            List<Double> open = new ArrayList<>(), scroll = new ArrayList<>();
            fills.clear();
            for (int i = 0; i < runs; i++) {
                System.gc();
                double[] t = openAndClose(a, scroll);
                open.add(t[0]);
            }
            System.out.printf(Locale.ROOT, "%-12s %9d values  open: median %6.0f ms  (runs %s)  scroll jump: median %5.1f ms, max %5.1f ms  fill random: median %5.0f ms%n",
                    a.shapeString(), a.size(), median(open), fmt(open), median(scroll), scroll.stream().mapToDouble(d -> d).max().orElse(0), median(fills));
        }
        Platform.exit();
        System.exit(0);
    }

    private static NDArray random(int r, int c, Random rnd) {
        double[] flat = new double[r * c];
        for (int i = 0; i < flat.length; i++) flat[i] = 0.01 * rnd.nextGaussian();
        return NDArray.of(new int[] {r, c}, flat);
    }

    /** Opens the editor, waits for its first laid-out pulse, scrolls a few steps, closes it; returns {open ms}. */
    private static double[] openAndClose(NDArray a, List<Double> scroll) throws Exception {
        double[] out = new double[1];
        MatrixEditorWindow[] w = new MatrixEditorWindow[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            w[0] = MatrixEditorWindow.open(null, "x", a, v -> {}, new org.backpropviz.app.i18n.Messages(Locale.ENGLISH));
            Scene scene = w[0].getStage().getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                out[0] = (System.nanoTime() - t0) / 1e6;
                scene.removePostLayoutPulseListener(once[0]);
                shown.countDown();
            };
            scene.addPostLayoutPulseListener(once[0]);
        });
        if (!shown.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("the editor did not show in 2 minutes");
        if (scroll != null) {
            SpreadsheetView grid = (SpreadsheetView) w[0].getView().gridNode();
            double[][] jumps = {{0.25, 0.1}, {0.5, 0.3}, {0.75, 0.6}, {1.0, 1.0}, {0.1, 0.5}, {0.6, 0.0}};
            for (double[] j : jumps) scroll.add(step(w[0], grid, j[0], j[1]));
            fills.add(fill(w[0]));
        }
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            w[0].getStage().close();
            closed.countDown();
        });
        closed.await();
        return out;
    }

    private static final List<Double> fills = new ArrayList<>();

    private static double step(MatrixEditorWindow w, SpreadsheetView grid, double v, double h) throws Exception {
        return untilLaidOut(w, () -> {
            grid.setVBarValue(v);
            CellGrid cells = w.getView().cellGrid();
            if (cells.isWindowed()) { // a wide array: the column bar under the grid moves a window of columns
                cells.scrollTo((int) Math.round(h * (cells.columnCount() - cells.shownColumnCount())));
            } else {
                grid.setHBarValue(h);
            }
        });
    }

    /** Fills the array with random numbers from the model, until the next laid-out pulse. */
    private static double fill(MatrixEditorWindow w) throws Exception {
        return untilLaidOut(w, () -> w.getModel().fillRandomNormal(0.01));
    }

    /** Milliseconds from running {@code action} on the FX thread until the window's next laid-out pulse. */
    private static double untilLaidOut(MatrixEditorWindow w, Runnable action) throws Exception {
        double[] ms = new double[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            Scene scene = w.getStage().getScene();
            long t0 = System.nanoTime();
            action.run();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                ms[0] = (System.nanoTime() - t0) / 1e6;
                scene.removePostLayoutPulseListener(once[0]);
                done.countDown();
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
        done.await(60, TimeUnit.SECONDS);
        return ms[0];
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) return 0;
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) sb.append(sb.length() == 0 ? "" : " ").append(Math.round(x));
        return sb.toString();
    }
}
