package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.view.Disposer;
import org.backpropviz.engine.NetInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas chart on its own: drawn once per frame however many points come, its x axis stepping and fitting. */
@ExtendWith(ApplicationExtension.class)
class TrainingChartTest {
    private final ChartSeries raw = new ChartSeries(64), smooth = new ChartSeries(64);
    private final LongProperty changes = new SimpleLongProperty();
    private final BooleanProperty running = new SimpleBooleanProperty(true);
    private TrainingChart chart;

    @Start
    void start(Stage stage) {
        chart = new TrainingChart("Training loss", "iteration", "loss", new SteppedAxis.Range(0, 2.5, 0.5), false)
                .series(raw, "raw").series(smooth, "smoothed").follow(changes, running, new Disposer());
        // TestFX hands every test class the same stage: a window test before this one leaves it with the app's minimum
        // size (900 × 600), which the resizing below must not meet
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new Scene(new StackPane(chart), 500, 320));
        stage.sizeToScene();
        stage.show();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Adds points {@code from..to} as a model would: a change counted per point. */
    private void add(FxRobot robot, int from, int to) {
        robot.interact(() -> {
            for (int i = from; i <= to; i++) {
                raw.add(i, 2.0 / i);
                smooth.add(i, 1.5 / i);
                changes.set(changes.get() + 1);
            }
        });
    }

    @Test
    void manyChangesInOneFrameDrawTheChartOnceAndTheXAxisFitsAfterTheRun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(chart::draws) > 0);
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        long before = onFx(chart::draws);
        add(robot, 1, 60);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(chart::draws) > before);
        Thread.sleep(150); // several frames: none draws again
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, onFx(chart::draws), "60 changes, one drawing");
        assertEquals(new SteppedAxis.Range(0, 100, 20), onFx(chart::xRange), "stepped while the run goes");
        assertEquals(new SteppedAxis.Range(0, 2, 0.5), onFx(chart::yRange), "0 to a round number above the highest loss");
        assertEquals(List.of("raw", "smoothed"), onFx(chart::legend));
        assertEquals(60, onFx(() -> chart.received(0)));
        assertEquals(60, onFx(() -> chart.columns(1)));

        long drawnWhileRunning = onFx(chart::draws);
        assertEquals(100, onFx(() -> {
            running.set(false);
            return chart.xRange().upper();
        }), "the frames that show the run's end keep the axis");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(chart::xRange).upper() == 60);
        assertEquals(new SteppedAxis.Range(0, 60, 20), onFx(chart::xRange), "fitted to the data a few frames later");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(chart::draws) > drawnWhileRunning); // and drawn so

        robot.interact(() -> {
            running.set(true);
            raw.clear();
            smooth.clear();
            changes.set(changes.get() + 1);
        });
        assertEquals(new SteppedAxis.Range(0, 1, 0.2), onFx(chart::xRange), "a new run starts small again");
        assertEquals(new SteppedAxis.Range(0, 2.5, 0.5), onFx(chart::yRange), "and its loss axis empty");
        add(robot, 1, 5000); // more than the 64 columns: kept in 64 at most
        assertTrue(onFx(() -> chart.columns(0)) <= 64);
        assertEquals(5000, onFx(() -> chart.received(0)));
        assertEquals(new SteppedAxis.Range(0, 5000, 1000), onFx(chart::xRange));
    }

    @Test
    void theChartsFillTheWidthTheyAreGiven(FxRobot robot) throws Exception {
        Stage stage = (Stage) onFx(() -> chart.getScene().getWindow());
        robot.interact(() -> stage.setWidth(800));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(chart::getWidth) > 700);
        double wide = onFx(chart::getWidth);
        robot.interact(() -> stage.setWidth(400));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(chart::getWidth) < 500);
        double narrow = onFx(chart::getWidth);
        assertTrue(wide > narrow + 300, wide + " then " + narrow);
        assertTrue(narrow >= 260, "never narrower than its minimum: " + narrow);
    }

    @Test
    void theKoreanViewNamesItsChartsInKorean(FxRobot robot) throws Exception {
        org.backpropviz.app.control.Fonts.load(); // as the app does before its first window
        TrainingModel model = onFx(() -> new TrainingModel(new SimpleObjectProperty<NetInputs>(LearnDemo.preset("batch-of-4"))));
        try {
            TrainingView view = onFx(() -> new TrainingView(model, new Messages(Locale.KOREAN)));
            robot.interact(() -> {
                Stage s = new Stage();
                s.setScene(new Scene(view, 1024, 700));
                s.show();
            });
            TrainingChart loss = (TrainingChart) onFx(() -> view.lookup("#loss-chart"));
            TrainingChart accuracy = (TrainingChart) onFx(() -> view.lookup("#accuracy-chart"));
            assertEquals("반복별 훈련 손실", loss.title());
            assertEquals(List.of("반복별", "평활"), loss.legend());
            assertEquals(List.of("훈련 세트", "테스트 세트"), accuracy.legend());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(loss::draws) > 0 && onFx(accuracy::draws) > 0);
            assertEquals("NanumGothic", onFx(loss::font).getFamily(), "the view's Korean font, or Hangul draws as boxes");
            assertEquals("NanumGothic", onFx(accuracy::font).getFamily());
            assertTrue(onFx(loss::getWidth) >= 260 && onFx(accuracy::getWidth) >= 260, "both fit beside each other at 1024 px");
            robot.interact(() -> {
                view.getScene().getWindow().hide();
                view.dispose();
            });
        } finally {
            model.dispose();
        }
    }
}
