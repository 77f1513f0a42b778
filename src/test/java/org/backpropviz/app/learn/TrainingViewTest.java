package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backpropviz.engine.NetInputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    private TrainingModel model;

    @Start
    void start(Stage stage) {
        model = new TrainingModel(new SimpleObjectProperty<NetInputs>(LearnDemo.preset("batch-of-4")));
        stage.setScene(new Scene(new TrainingView(model, org.backpropviz.app.i18n.Messages.english()), 1280, 800));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    @AfterEach
    void dispose() {
        model.dispose();
    }

    /** Reads the scene graph on the FX thread: during a run that thread adds points and nodes. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The loss points the loss chart has received in this run. */
    private static long points(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#loss-chart").queryAs(TrainingChart.class).received(0));
    }

    private void waitFor(TrainingModel.State s) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.stateProperty().get() == s);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 20 s for " + s + ", the run is " + model.stateProperty().get() + " at iteration "
                    + model.iterationProperty().get() + ", error " + model.errorProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPaceLetsTheChartsBeFollowedAndTheEmptyChartsAndStopsReadClearly(FxRobot robot) throws Exception {
        // before any run: the iteration axis shows 0 to 10, not an empty default range
        TrainingChart chart = robot.lookup("#loss-chart").queryAs(TrainingChart.class);
        assertEquals(new SteppedAxis.Range(0, 10, 2), onFx(chart::xRange));
        assertEquals(new SteppedAxis.Range(0, 2.5, 0.5), onFx(chart::yRange), "a loss axis of 0 to 2.5, not the empty chart's 0 to 100");
        assertEquals("0 = off: this condition never stops the run",
                robot.lookup("#train-plateau-off").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(robot.lookup("#train-target-off").queryAs(javafx.scene.control.Label.class).isVisible());

        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Integer> pace = robot.lookup("#train-pace").queryAs(javafx.scene.control.ComboBox.class);
        TrainingView view = (TrainingView) robot.lookup(".train-view").query();
        assertEquals("full speed", view.paceText(0));
        assertEquals("1,000 it/s", view.paceText(1000)); // the one number format, in both languages
        robot.interact(() -> pace.setValue(10));
        assertEquals(10, model.paceProperty().get());

        robot.clickOn("#train-data").clickOn("Iris");
        robot.interact(() -> {
            model.limitProperty().set(TrainingModel.Limit.ITERATIONS);
            model.iterationsProperty().set(40); // well under a second at full speed
        });
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.iterationProperty().get() >= 3);
        long t0 = System.nanoTime();
        int first = model.iterationProperty().get();
        Thread.sleep(600);
        int later = model.iterationProperty().get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(TrainingModel.State.RUNNING, model.stateProperty().get(), "at 10 it/s, 40 iterations take seconds");
        assertTrue(later - first <= 10 * seconds + 3, (later - first) + " iterations in " + seconds + " s");
        assertTrue(later > first, "it still moves");

        robot.interact(() -> pace.setValue(0)); // full speed again, for the rest of the run
        waitFor(TrainingModel.State.FINISHED);
        assertEquals(40, model.iterationProperty().get());
        String status = robot.lookup("#train-status").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(status.matches("(?s).*\\d\\.\\d\u00a0%.*"), "a percentage never breaks before its sign: " + status);
        robot.interact(() -> model.setLearningRate(1e-5));
        assertEquals("1e-05", robot.lookup("#train-lr").queryAs(TextField.class).getText(), "as NumPy prints it, not 1.0E-5");
        assertTrue(model.saveAsScenario(org.backpropviz.app.i18n.Messages.english()).description().contains("learning rate 1e-05"), model.saveAsScenario(org.backpropviz.app.i18n.Messages.english()).description());
    }

    /** Loss points come in every update, an epoch every dozen iterations: the accuracy chart follows only the epochs. */
    @Test
    void theAccuracyChartIsNotToldOfUpdatesThatBringOnlyLoss(FxRobot robot) throws Exception {
        robot.clickOn("#train-data").clickOn("Iris"); // 120 training rows in batches of 10: an epoch is 12 iterations
        robot.interact(() -> {
            model.limitProperty().set(TrainingModel.Limit.ITERATIONS);
            model.iterationsProperty().set(36);
            model.paceProperty().set(24); // 1.5 s: the updates (several a second) mostly fall between epochs
        });
        long loss0 = model.lossChangesProperty().get(), accuracy0 = model.accuracyChangesProperty().get();
        robot.clickOn("#train-start");
        waitFor(TrainingModel.State.FINISHED);
        long loss = onFx(() -> model.lossChangesProperty().get()) - loss0;
        long accuracy = onFx(() -> model.accuracyChangesProperty().get()) - accuracy0;
        assertTrue(accuracy >= 1 && accuracy <= 4, "the new run's clear and at most its 3 epochs: " + accuracy);
        assertTrue(loss > accuracy, "loss came in more updates than epochs (one counter for both would make them equal): " + loss + " against " + accuracy);
        assertEquals(3, (long) onFx(() -> robot.lookup("#accuracy-chart").queryAs(TrainingChart.class).received(0)));
    }

    @Test
    void aShortRunFillsTheChartsWhichFitItAndANewRunClearsThem(FxRobot robot) throws Exception {
        TrainingChart loss = robot.lookup("#loss-chart").queryAs(TrainingChart.class);
        TrainingChart accuracy = robot.lookup("#accuracy-chart").queryAs(TrainingChart.class);
        assertEquals(java.util.List.of("per iteration", "smoothed"), onFx(loss::legend));
        assertEquals(java.util.List.of("training set", "test set"), onFx(accuracy::legend));
        assertEquals("Accuracy per epoch", accuracy.title());
        assertEquals(new SteppedAxis.Range(0, 1, 0.1), onFx(accuracy::yRange));
        long drawn = onFx(loss::draws);

        robot.clickOn("#train-data").clickOn("Iris");
        robot.interact(() -> {
            model.limitProperty().set(TrainingModel.Limit.ITERATIONS);
            model.iterationsProperty().set(40);
        });
        robot.clickOn("#train-start");
        waitFor(TrainingModel.State.FINISHED);
        assertEquals(40, points(robot), "every iteration's loss");
        assertEquals(40, (long) onFx(() -> loss.received(1)), "and its smoothed loss");
        assertEquals(40, (int) onFx(() -> loss.columns(0)));
        int epochs = model.lastEpochProperty().get().epoch();
        assertEquals(epochs, (long) onFx(() -> accuracy.received(0)));
        assertEquals(epochs, (long) onFx(() -> accuracy.received(1)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(loss::xRange).upper() == 40); // fitted, frames after the end
        assertEquals(new SteppedAxis.Range(0, 40, 10), onFx(loss::xRange));
        assertEquals(SteppedAxis.fitted(epochs), onFx(accuracy::xRange));
        double highest = onFx(() -> model.rawLoss().maxY());
        SteppedAxis.Range y = onFx(loss::yRange);
        assertTrue(y.lower() == 0 && y.upper() >= highest && y.upper() < 2.5 * highest, y + " for a highest loss of " + highest);
        assertTrue(onFx(loss::draws) > drawn, "drawn since");

        robot.interact(() -> model.paceProperty().set(10)); // a second run, slow enough to be seen starting
        robot.clickOn("#train-start");
        waitFor(TrainingModel.State.RUNNING);
        assertTrue(points(robot) < 20, "the new run's points only: " + points(robot));
        assertTrue(onFx(loss::xRange).upper() <= 10, "the axis starts small again: " + onFx(loss::xRange));
        robot.clickOn("#train-stop");
        waitFor(TrainingModel.State.FINISHED);
    }

    @Test
    void trainPauseChangeTheLearningRateStepResumeAndStop(FxRobot robot) throws Exception {
        robot.clickOn("#train-data").clickOn("Digits 8×8");
        assertEquals(TrainingModel.Source.DIGITS, model.sourceProperty().get());
        robot.interact(() -> { // long enough to be paused and stopped by hand, also with the trainer compiled
            model.epochsProperty().set(2000);
            model.paceProperty().set(1000);
        });

        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> points(robot) > 5);
        int early = model.iterationProperty().get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.iterationProperty().get() > early + 20);
        assertNotNull(model.networkProperty().get(), "the graph can follow the training");

        robot.clickOn("#train-pause");
        waitFor(TrainingModel.State.PAUSED);
        assertEquals("Resume", robot.lookup("#train-pause").queryAs(Button.class).getText());
        int pausedAt = model.iterationProperty().get();
        long shown = points(robot);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pausedAt, model.iterationProperty().get());
        assertEquals(shown, points(robot));
        assertNotNull(model.networkProperty().get(), "the network is published exactly at the pause");

        TextField lr = robot.lookup("#train-lr").queryAs(TextField.class);
        assertFalse(lr.isDisabled(), "the learning rate can be changed during a run");
        robot.interact(() -> lr.setText("0.1"));
        robot.clickOn(lr).type(KeyCode.ENTER);
        assertEquals(0.1, model.learningRateProperty().get());

        NetInputs before = model.networkProperty().get();
        robot.clickOn("#train-step");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.iterationProperty().get() == pausedAt + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainingModel.State.PAUSED, model.stateProperty().get());
        assertFalse(before.W1().equals(model.networkProperty().get().W1()), "one iteration moved the weights");

        robot.clickOn("#train-pause");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.iterationProperty().get() > pausedAt + 30);
        assertEquals(TrainingModel.State.RUNNING, model.stateProperty().get());

        robot.clickOn("#train-stop");
        waitFor(TrainingModel.State.FINISHED);
        assertTrue(model.iterationProperty().get() < 2000 * 29, "stopped before the end");
        ConfusionMatrixView confusion = robot.lookup("#train-confusion").queryAs(ConfusionMatrixView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(confusion::size) == 10); // a frame after the state
        // the images come a frame after the matrix
        SampleTilesView samples = robot.lookup("#train-samples").queryAs(SampleTilesView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(samples::count) == 12);
        // the pointer on a cell: the tooltip names it
        int[][] counts = model.resultsProperty().get().confusion();
        robot.moveTo(confusion, javafx.geometry.Pos.TOP_LEFT, confusion.cellCentre(3, 3), org.testfx.robot.Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(counts[3][3] + " test row(s) of class 3 predicted as 3", confusion.tooltip().getText());
        // and on a test image: its probabilities
        TrainingModel.Sample first = model.resultsProperty().get().samples().get(0);
        robot.moveTo(samples, javafx.geometry.Pos.TOP_LEFT, samples.tileOrigin(0).add(10, 10), org.testfx.robot.Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(samples.tooltip().getText().endsWith(String.format(java.util.Locale.ROOT, "9: %.3f", first.probabilities()[9])),
                samples.tooltip().getText());
    }

    @Test
    void aNewRunKeepsTheLastResultsInPlaceMarkedAsEarlierSoThatNothingBelowTheButtonsMoves(FxRobot robot) throws Exception {
        javafx.scene.Node results = robot.lookup(".train-results").query();
        javafx.scene.control.Label title = robot.lookup("#train-results-title").queryAs(javafx.scene.control.Label.class);
        TrainingChart chart = robot.lookup("#loss-chart").queryAs(TrainingChart.class);
        assertFalse(onFx(results::isManaged), "no results before the first run");
        double chartY = onFx(() -> chart.localToScene(0, 0).getY());

        robot.clickOn("#train-start"); // Iris with its defaults: a run of well under a second
        waitFor(TrainingModel.State.FINISHED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(results::isVisible)); // a frame after the state
        String accuracy = TrainingResultsPane.percent(model.resultsProperty().get().testAccuracy());
        assertEquals("Confusion matrix on the test set (accuracy " + accuracy + ")", onFx(title::getText));
        assertFalse(onFx(() -> title.getPseudoClassStates().contains(TrainingResultsPane.STALE)));
        assertEquals(chartY, onFx(() -> chart.localToScene(0, 0).getY()), "the status line kept its height");
        javafx.scene.Node page = robot.lookup(".train-center-scroll").queryAs(javafx.scene.control.ScrollPane.class).getContent();
        double pageHeight = onFx(() -> page.getLayoutBounds().getHeight());

        // a run that goes on until stopped: 100,000 epochs of Iris at full speed end in well under 20 s once the JIT
        // has compiled the trainer (as in the whole suite), so the run is held to 1,000 iterations a second
        robot.interact(() -> {
            model.epochsProperty().set(100_000);
            model.paceProperty().set(1000);
        });
        robot.clickOn("#train-start");
        waitFor(TrainingModel.State.RUNNING);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> points(robot) > 5);
        assertTrue(onFx(results::isVisible), "the last results stay while the new run goes");
        assertEquals(3, onFx(robot.lookup("#train-confusion").queryAs(ConfusionMatrixView.class)::size));
        assertEquals("Confusion matrix on the test set from earlier (accuracy " + accuracy + "), renewed when the run pauses or ends",
                onFx(title::getText));
        assertTrue(onFx(() -> title.getPseudoClassStates().contains(TrainingResultsPane.STALE)));
        assertEquals(pageHeight, onFx(() -> page.getLayoutBounds().getHeight()), "the page kept its height");
        assertEquals(chartY, onFx(() -> chart.localToScene(0, 0).getY()), "the charts did not move");

        robot.clickOn("#train-pause");
        waitFor(TrainingModel.State.PAUSED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !onFx(() -> title.getPseudoClassStates().contains(TrainingResultsPane.STALE)));
        assertTrue(onFx(title::getText).startsWith("Confusion matrix on the test set (accuracy "), "a pause renews them");
        robot.clickOn("#train-stop");
        waitFor(TrainingModel.State.FINISHED);
    }

    private static String status(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#train-status").queryAs(javafx.scene.control.Label.class).getText());
    }

    private static boolean startEnabled(FxRobot robot) throws Exception {
        return onFx(() -> !robot.lookup("#train-start").queryAs(Button.class).isDisabled());
    }

    /** The CSV, whose label 100000000 made the loader allocate 6 GB and left the tab "Loading the data…". */
    @Test
    void aCsvWithAHugeLabelIsRefusedWithItsLineAndStartWorksAgain(FxRobot robot, @TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("huge-label.csv");
        java.nio.file.Files.writeString(csv, "sepal_length,sepal_width,petal_length,petal_width,label\n"
                + "5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,0\n7.0,3.2,4.7,1.4,1\n6.4,3.2,4.5,1.5,1\n6.3,3.3,6.0,2.5,100000000\n");
        robot.interact(() -> {
            model.csvFileProperty().set(csv);
            model.sourceProperty().set(TrainingModel.Source.CSV);
        });
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot).contains("100000000"));
        assertEquals("Training stopped: The data cannot be used: huge-label.csv, line 6, column 5: the label 100000000 is not a "
                + "class number from 0 to 999 (a data set has at most 1000 classes)", status(robot));
        assertEquals(TrainingModel.State.FAILED, model.stateProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> startEnabled(robot));

        robot.interact(() -> model.sourceProperty().set(TrainingModel.Source.IRIS));
        robot.clickOn("#train-start");
        waitFor(TrainingModel.State.FINISHED);
        assertTrue(model.resultsProperty().get().testAccuracy() > 0.5, "the window is usable after the refusal");
    }

    /**
     * A CSV may have up to 1000 classes: the results say the accuracy without drawing the million-cell confusion
     * matrix, which held the JavaFX thread for more than ten minutes.
     */
    @Test
    void aCsvWithAThousandClassesEndsWithItsAccuracyAndTheWindowResponds(FxRobot robot, @TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("many.csv");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1250; i++) b.append(i * 0.001).append(',').append(i % 13 * 0.1).append(',').append(i % 1000).append('\n');
        java.nio.file.Files.writeString(csv, b);
        robot.interact(() -> {
            model.csvFileProperty().set(csv);
            model.sourceProperty().set(TrainingModel.Source.CSV);
            model.epochsProperty().set(1);
        });
        robot.clickOn("#train-start");
        waitFor(TrainingModel.State.FINISHED);
        javafx.scene.control.Label title = robot.lookup("#train-results-title").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(title::getText).contains("not drawn"));
        String accuracy = TrainingResultsPane.percent(model.resultsProperty().get().testAccuracy());
        assertEquals("Test accuracy " + accuracy + ". The confusion matrix of 1,000 classes is not drawn (at most 30 are).", onFx(title::getText));
        assertFalse(onFx(robot.lookup("#train-confusion").query()::isVisible));
        assertTrue(status(robot).contains("1000 classes"), status(robot));
        assertTrue(startEnabled(robot));
    }

    /**
     * A load that never ends (a named pipe that no one writes): Stop gives the window back at once, and the next run
     * does not wait behind the stuck one.
     */
    @Test
    void stopRecoversFromALoadThatNeverEnds(FxRobot robot, @TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path fifo = dir.resolve("never.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        try {
            robot.interact(() -> {
                model.csvFileProperty().set(fifo);
                model.sourceProperty().set(TrainingModel.Source.CSV);
            });
            robot.clickOn("#train-start");
            if (onFx(() -> !robot.lookup("#train-stop").queryAs(Button.class).isDisabled())) robot.clickOn("#train-stop");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> startEnabled(robot));
            assertFalse(model.stateProperty().get() == TrainingModel.State.LOADING);

            robot.interact(() -> model.sourceProperty().set(TrainingModel.Source.IRIS));
            robot.clickOn("#train-start");
            waitFor(TrainingModel.State.FINISHED);
        } finally {
            Thread unblock = new Thread(() -> { // lets a reader still opening the pipe see its end (a daemon: no reader, no harm)
                try (var w = java.nio.file.Files.newOutputStream(fifo)) {
                    w.flush();
                } catch (java.io.IOException ignored) {
                    // nothing waits on it
                }
            });
            unblock.setDaemon(true);
            unblock.start();
        }
    }

    @Test
    void theScrollPanesPaintTheirChangesWithoutAViewportCache(FxRobot robot) throws Exception {
        java.util.Set<javafx.scene.Node> viewports = robot.lookup(".viewport").queryAll();
        assertEquals(2, viewports.size(), "the settings and the page");
        for (javafx.scene.Node v : viewports) assertFalse(onFx(v::isCache), v.toString());
    }

    /** As a user types: click into the field, select all, type, then Enter or Tab. */
    private static void typeInto(FxRobot robot, String query, String typed, KeyCode then) {
        robot.clickOn(query).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(typed).type(then);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String problems(FxRobot robot) throws Exception {
        javafx.scene.control.Label l = robot.lookup("#train-settings-problems").queryAs(javafx.scene.control.Label.class);
        return onFx(() -> l.isVisible() ? l.getText() : "");
    }

    @Test
    void aRefusedSettingIsNamedUnderTheSettingsAndKeepsItsValueUntilDefaults(FxRobot robot) throws Exception {
        java.util.List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)));
        double initStd = model.initStdProperty().get();
        int hidden = model.hiddenProperty().get(), epochs = model.epochsProperty().get();
        assertEquals("", problems(robot));

        typeInto(robot, "#train-init-std", "abc", KeyCode.ENTER);
        assertEquals("Init std: \u201cabc\u201d is not a number greater than 0; it stays " + org.backpropviz.engine.Shapes.number(initStd) + ".",
                problems(robot));
        assertTrue(onFx(() -> robot.lookup("#train-init-std").query().getPseudoClassStates().contains(
                javafx.css.PseudoClass.getPseudoClass("mismatch"))), "the field is marked");
        assertEquals(initStd, model.initStdProperty().get());

        typeInto(robot, "#train-hidden .text-field", "5000", KeyCode.ENTER); // out of range, by Enter
        typeInto(robot, "#train-epochs .text-field", "x", KeyCode.TAB); // not a number, by leaving the field
        assertEquals(String.join("\n",
                "Init std: \u201cabc\u201d is not a number greater than 0; it stays " + org.backpropviz.engine.Shapes.number(initStd) + ".",
                "Hidden size: \u201c5000\u201d is not a whole number from 1 to 1,000; it stays " + hidden + ".",
                "Train for: \u201cx\u201d is not a whole number from 1 to 100,000; it stays " + epochs + "."), problems(robot));
        assertEquals(hidden, model.hiddenProperty().get(), "not clamped to 1000");
        assertEquals(epochs, model.epochsProperty().get());
        assertEquals(String.valueOf(hidden), onFx(() -> robot.lookup("#train-hidden .text-field").queryAs(TextField.class).getText()));
        assertTrue(uncaught.isEmpty(), "no exception on the FX thread: " + uncaught);

        typeInto(robot, "#train-hidden .text-field", "20", KeyCode.TAB); // a good value clears its own line only
        assertEquals(20, model.hiddenProperty().get());
        assertFalse(problems(robot).contains("Hidden size"), problems(robot));
        assertTrue(problems(robot).startsWith("Init std"), problems(robot));

        robot.clickOn("#train-defaults");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", problems(robot));
        assertEquals(org.backpropviz.engine.Shapes.number(model.initStdProperty().get()),
                onFx(() -> robot.lookup("#train-init-std").queryAs(TextField.class).getText()));
        assertFalse(onFx(() -> robot.lookup("#train-init-std").query().getPseudoClassStates().contains(
                javafx.css.PseudoClass.getPseudoClass("mismatch"))));
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
    }

    @Test
    void theLockedLookIsStyledAheadOfTheFirstStartAndLeavesNothingLockedOrUnfocused(FxRobot robot) throws Exception {
        // a view just shown: a few frames later it has styled its settings as a run locks them, unseen
        TrainingView fresh = onFx(() -> new TrainingView(model, org.backpropviz.app.i18n.Messages.english()));
        javafx.scene.control.Button tab = new javafx.scene.control.Button("Training"); // stands for the tab just clicked
        robot.interact(() -> {
            robot.window(0).getScene().setRoot(new javafx.scene.layout.VBox(tab, fresh));
            tab.requestFocus();
        });
        TrainingSettingsPane settings = (TrainingSettingsPane) robot.from(fresh).lookup(".train-settings").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(settings::rehearsed));
        assertEquals(TrainingModel.State.IDLE, model.stateProperty().get());
        for (String id : new String[] {"#train-data", "#train-csv", "#train-hidden", "#train-init-std", "#train-defaults"}) {
            assertFalse(onFx(() -> robot.from(fresh).lookup(id).query().isDisabled()), id + " is usable after the rehearsal");
        }
        // a learner already typing in a field keeps it: the rehearsal would take the focus away, so it is skipped
        TrainingView typing = onFx(() -> new TrainingView(model, org.backpropviz.app.i18n.Messages.english()));
        robot.interact(() -> robot.window(0).getScene().setRoot(typing));
        TextField hidden = robot.from(typing).lookup("#train-hidden .text-field").queryAs(TextField.class);
        robot.interact(hidden::requestFocus);
        for (int i = 0; i < 8; i++) WaitForAsyncUtils.waitForFxEvents(); // the rehearsal's frames pass
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(hidden::isFocused), "the field the learner is in keeps the focus");
        TrainingSettingsPane typingSettings = (TrainingSettingsPane) robot.from(typing).lookup(".train-settings").query();
        assertFalse(onFx(typingSettings::rehearsed));
        robot.interact(() -> { fresh.dispose(); typing.dispose(); });
    }
}
