package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.train.TrainConfig;
import org.backpropviz.engine.train.Training;
import org.backpropviz.scenario.DatasetFormat;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training model without its view: the same numbers as the command line, live learning rate, data errors. */
@ExtendWith(ApplicationExtension.class)
class TrainingModelTest {
    private static final org.backpropviz.app.i18n.Messages EN = org.backpropviz.app.i18n.Messages.english();
    private final SimpleObjectProperty<NetInputs> scenario = new SimpleObjectProperty<>(LearnDemo.preset("batch-of-4"));
    private TrainingModel model;

    @Start
    void start(Stage stage) {
        model = new TrainingModel(scenario);
    }

    @AfterEach
    void dispose() {
        model.dispose();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        return t.get(10, TimeUnit.SECONDS);
    }

    private void fxRun(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    private void waitFor(TrainingModel.State s, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> model.stateProperty().get() == s);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The train command's loop: the epochs it prints. */
    private static List<Training.Epoch> cli(String data, TrainConfig c) throws Exception {
        Training t = new Training(DatasetFormat.builtIn(data), c);
        List<Training.Epoch> out = new ArrayList<>();
        while (!t.finished()) {
            t.iterate();
            if (t.epochComplete()) out.add(t.endEpoch());
        }
        return out;
    }

    private List<Double> testAccuracies() throws Exception {
        return fx(() -> model.testAccuracy().pointList().stream().map(p -> p[1]).toList());
    }

    @Test
    void irisDefaultsGiveTheCommandLinesNumbers() throws Exception {
        fxRun(model::start);
        waitFor(TrainingModel.State.FINISHED, 30);
        List<Training.Epoch> expected = cli("iris", TrainConfig.defaults("iris"));
        assertEquals(expected.stream().map(Training.Epoch::testAccuracy).toList(), testAccuracies());
        assertEquals(expected.get(expected.size() - 1), model.lastEpochProperty().get());
        assertTrue(model.resultsProperty().get().testAccuracy() >= 0.93, "iris test accuracy " + model.resultsProperty().get().testAccuracy());
        assertEquals(3600, model.iterationProperty().get());
        assertEquals(3600L, (long) fx(() -> model.rawLoss().added()), "every iteration's loss reached the chart");
        int columns = fx(() -> model.rawLoss().columns());
        assertTrue(columns <= TrainingModel.MAX_COLUMNS && columns >= TrainingModel.MAX_COLUMNS / 2, "loss columns kept: " + columns);
        assertEquals(columns, (int) fx(() -> model.smoothLoss().columns()));
        assertEquals(1.0, model.progressProperty().get());
    }

    @Test
    void digitsDefaultsReachTheTargetWithTheCommandLinesNumbers() throws Exception {
        fxRun(() -> model.sourceProperty().set(TrainingModel.Source.DIGITS));
        assertEquals(0.5, model.learningRateProperty().get());
        long t0 = System.nanoTime();
        fxRun(model::start);
        waitFor(TrainingModel.State.FINISHED, 60);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Training.Epoch> expected = cli("digits", TrainConfig.defaults("digits"));
        assertEquals(expected.get(expected.size() - 1), model.lastEpochProperty().get());
        TrainingModel.Results r = model.resultsProperty().get();
        assertTrue(r.testAccuracy() >= 0.95, "digits test accuracy " + r.testAccuracy());
        assertEquals(10, r.confusion().length);
        assertEquals(12, r.samples().size());
        assertTrue(r.samples().stream().anyMatch(TrainingModel.Sample::misclassified));
        System.out.printf("digits in the app: %.1f s, test accuracy %.4f%n", seconds, r.testAccuracy());
    }

    @Test
    void aLearningRateChangedMidRunActsFromTheNextIteration() throws Exception {
        for (int i = 1; i <= 5; i++) {
            fxRun(model::step);
            int expected = i;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.iterationProperty().get() == expected
                    && model.stateProperty().get() == TrainingModel.State.PAUSED);
        }
        fxRun(() -> model.setLearningRate(0.05));
        fxRun(model::resume);
        waitFor(TrainingModel.State.FINISHED, 30);

        Training t = new Training(DatasetFormat.builtIn("iris"), TrainConfig.defaults("iris"));
        for (int i = 0; i < 5; i++) t.iterate();
        t.setLearningRate(0.05);
        Training.Epoch last = null;
        while (!t.finished()) {
            t.iterate();
            if (t.epochComplete()) last = t.endEpoch();
        }
        assertEquals(last, model.lastEpochProperty().get());
        assertEquals(t.network().W1(), model.networkProperty().get().W1());
    }

    @Test
    void stopConditionsAndAnIterationLimitEndTheRunAndSayWhy() throws Exception {
        fxRun(() -> {
            model.targetAccuracyProperty().set(0.9);
            model.start();
        });
        waitFor(TrainingModel.State.FINISHED, 30);
        assertEquals(TrainingModel.End.TARGET, model.resultsProperty().get().end());
        assertTrue(model.lastEpochProperty().get().testAccuracy() >= 0.9);
        assertTrue(model.lastEpochProperty().get().epoch() < 300);

        fxRun(() -> {
            model.targetAccuracyProperty().set(0);
            model.limitProperty().set(TrainingModel.Limit.ITERATIONS);
            model.iterationsProperty().set(100);
            model.start();
        });
        waitFor(TrainingModel.State.FINISHED, 30);
        assertEquals(TrainingModel.End.ITERATIONS, model.resultsProperty().get().end());
        assertEquals(100, model.iterationProperty().get());
        assertEquals(100, (int) fx(() -> model.rawLoss().columns()), "a short run keeps every point");
        assertEquals(100, (int) fx(() -> model.rawLoss().pointList().size()));
    }

    @Test
    void aBadCsvRowIsReportedWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n3,4,1\n5,x,1\n");
        fxRun(() -> {
            model.csvFileProperty().set(csv);
            model.sourceProperty().set(TrainingModel.Source.CSV);
            model.start();
        });
        waitFor(TrainingModel.State.FAILED, 10);
        assertEquals("The data cannot be used: mine.csv, line 4, column 2: \"x\" is not a number", EN.get(model.errorProperty().get()));
    }

    @Test
    void aCsvFileNameReachesTheExportedCodeOnlyAsAnInertLiteral(@TempDir Path dir) throws Exception {
        String payload = "__import__('os').system('touch PWNED')";
        Path csv;
        try {
            csv = Files.createFile(dir.resolve("data\n" + payload + "\r" + payload + " '''.csv"));
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system refuses line ends in file names: " + e);
            return;
        }
        StringBuilder rows = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 40; i++) rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 2).append('\n');
        Files.writeString(csv, rows);
        fxRun(() -> {
            model.csvFileProperty().set(csv);
            model.sourceProperty().set(TrainingModel.Source.CSV);
            model.epochsProperty().set(2);
            model.start();
        });
        waitFor(TrainingModel.State.FINISHED, 10);
        String code = fx(() -> model.exportNumpyCode(EN));
        String name = fx(() -> model.saveAsScenario(EN)).name();
        assertTrue(name.contains(payload), name);
        for (String line : code.split("\r\n|\r|\n")) {
            assertTrue(!line.contains(payload) || line.startsWith("name = '") || line.startsWith("description = '"), line);
        }
        assertTrue(code.contains("\nname = " + org.backpropviz.scenario.NumpyExport.pythonString(name) + "\n"), code);
    }

    @Test
    void theScenariosBatchTrainsAndExports() throws Exception {
        fxRun(() -> {
            model.sourceProperty().set(TrainingModel.Source.SCENARIO);
            model.epochsProperty().set(20);
            model.start();
        });
        waitFor(TrainingModel.State.FINISHED, 10);
        assertTrue(model.dataInfoProperty().get().startsWith("scenario|4|2|2|3|1"), model.dataInfoProperty().get());
        Scenario s = fx(() -> model.saveAsScenario(EN));
        assertEquals(model.networkProperty().get(), s.inputs());
        String code = fx(() -> model.exportNumpyCode(EN));
        assertTrue(code.contains("W1 = np.array([["), code);
        assertTrue(code.contains("def backward(self, dout):"), code);
        assertTrue(code.contains("print('loss:'"), code);

        fxRun(() -> scenario.set(LearnDemo.preset("lesson-vector")));
        fxRun(model::start);
        waitFor(TrainingModel.State.FAILED, 10);
        assertNotNull(model.errorProperty().get());
        assertTrue(EN.get(model.errorProperty().get()).startsWith("The data has 1 row(s)"), EN.get(model.errorProperty().get()));
    }
}
