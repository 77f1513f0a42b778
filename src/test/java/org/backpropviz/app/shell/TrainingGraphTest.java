package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backpropviz.app.learn.TrainingModel;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.ScenarioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 5's last piece: the graph follows the training, and a paused training's next mini-batch steps in the graph. */
@ExtendWith(ApplicationExtension.class)
class TrainingGraphTest {
    private BackpropApp app;
    private GraphViewModel model;
    private Path home;
    private final ScenarioWindowTest.Answers answers = new ScenarioWindowTest.Answers();

    @Start
    void start(Stage stage) {
        home = AppFixture.freshHome();
        app = AppFixture.startApp(stage, home); // animation instant, unless a test wants it
        model = app.model();
        app.files().setDialogs(answers);
    }

    @AfterEach
    void stop() {
        fxRun(app::stop);
    }

    @Test
    void pausedIrisTrainingStepsItsNextBatchInTheGraphWithTheTrainedWeights(FxRobot robot) throws Exception {
        waitReady(model, 10);
        TrainingModel training = fx(() -> app.tools().training());
        fxRun(() -> {
            training.sourceProperty().set(TrainingModel.Source.IRIS);
            // the widest hidden layer and the most epochs the settings allow: the run is still going when it is
            // paused (a fast run can end first under load); it is paused after a few iterations, long before its end
            training.hiddenProperty().set(org.backpropviz.engine.train.TrainConfig.MAX_HIDDEN);
            training.batchProperty().set(60);
            training.limitProperty().set(TrainingModel.Limit.EPOCHS);
            training.epochsProperty().set(org.backpropviz.engine.train.TrainConfig.MAX_EPOCHS);
        });
        robot.clickOn("#tab-training");
        robot.clickOn("#train-start");
        String[] statusWhileRunning = new String[1];
        // pause on the FX thread the moment the graph is seen following (a robot click could come after the end)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> {
            if (training.iterationProperty().get() <= 5 || !model.isFollowing()) return false;
            statusWhileRunning[0] = robot.lookup("#status").queryAs(javafx.scene.control.Label.class).getText();
            assertEquals(training.networkProperty().get().W1(), model.getScenario().get(Param.W1), "the graph shows the current W1");
            training.pause();
            return true;
        }));
        assertTrue(statusWhileRunning[0].startsWith("following the training"), statusWhileRunning[0]);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> training.stateProperty().get() == TrainingModel.State.PAUSED));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not paused: " + fx(() -> training.stateProperty().get() + " at iteration "
                    + training.iterationProperty().get() + ", " + training.errorProperty().get()), e);
        }
        robot.clickOn("#train-graph");
        assertTrue(fx(() -> app.view().graphTab().isSelected()), "the button switches to the graph");
        waitReady(model, 10);
        assertFalse(fx(model::isFollowing));
        assertEquals(0, fx(() -> model.indexProperty().get()));
        NetInputs trained = fx(() -> training.networkProperty().get());
        assertNotNull(trained);
        assertEquals(trained.W1(), fx(() -> model.getScenario().get(Param.W1)), "W1 in the graph is the trained W1");
        assertEquals(trained.x(), fx(() -> model.getScenario().get(Param.X)), "x is the next mini-batch");

        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        int batch = fx(() -> training.batchProperty().get());
        int hidden = fx(() -> training.hiddenProperty().get());
        assertEquals("(" + batch + ", " + hidden + ")", text(robot, "#value-shape-affine1"));
        AppFixture.assertShows(robot, "#value-affine1", Trace.start(trained).step().forward("affine1").orElseThrow());

        Path saved = home.resolve("trained.json");
        Path code = home.resolve("trained.py");
        answers.files.add(saved);
        answers.files.add(code);
        robot.clickOn("#tab-training");
        robot.clickOn("#train-save");
        robot.clickOn("#train-export");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved) && Files.exists(code));
        assertEquals(trained, ScenarioFormat.read(saved).inputs());
        assertTrue(Files.readString(code).contains("import numpy as np"));
    }

    /** A run follows the graph every frame: behind another tab the graph skips those redraws and catches up on showing. */
    @Test
    void theGraphBehindAnotherTabIsDrawnOnceItShowsAgain(FxRobot robot) throws Exception {
        waitReady(model, 10);
        org.backpropviz.engine.NDArray w1 = fx(() -> model.getScenario().get(Param.W1));
        AppFixture.assertShows(robot, "#value-W1", w1);
        fxRun(() -> model.selectedProperty().set("W1"));
        WaitForAsyncUtils.waitForFxEvents(); // the inspector's scroll pane shows its content once it has a skin
        AppFixture.assertShows(robot, "#inspector-value", w1);
        robot.clickOn("#tab-playground");
        double[] flat = new double[w1.size()];
        for (int i = 0; i < flat.length; i++) flat[i] = 10 + i;
        org.backpropviz.engine.NDArray changed = org.backpropviz.engine.NDArray.of(w1.shape(), flat);
        fxRun(() -> model.load(model.getScenario().with(Param.W1, changed)));
        waitReady(model, 10);
        assertEquals(changed, fx(() -> model.getScenario().get(Param.W1)));
        AppFixture.assertShows(robot, "#value-W1", w1); // hidden: not redrawn
        AppFixture.assertShows(robot, "#inspector-value", w1);

        robot.clickOn("#tab-graph");
        WaitForAsyncUtils.waitForFxEvents();
        AppFixture.assertShows(robot, "#value-W1", changed);
        AppFixture.assertShows(robot, "#inspector-value", changed);
    }

    @Test
    void aFinishedRunIsOneChangeOfTheHistoryAndOneUndoBringsBackTheScenarioBefore(FxRobot robot) throws Exception {
        waitReady(model, 10);
        org.backpropviz.scenario.Scenario before = fx(model::getScenario);
        java.util.List<org.backpropviz.scenario.Scenario> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        fxRun(() -> model.scenarioProperty().addListener((o, was, now) -> shown.add(now)));
        robot.clickOn("#tab-training");
        TrainingModel training = trainIris(robot, 3);
        WaitForAsyncUtils.waitForFxEvents();
        org.backpropviz.scenario.Scenario trained = fx(model::getScenario);
        assertEquals(training.networkProperty().get().W1(), trained.get(Param.W1), "the graph shows the trained network");
        // the end brings the network, the state and the test accuracy in one update: the graph loads the result once
        assertEquals(1, shown.stream().filter(s -> s.get(Param.W1).equals(trained.get(Param.W1))).count(),
                "the trained network is loaded once at the end, not once per property of the last update");
        assertTrue(trained.description().contains("test accuracy"), "its description names the test accuracy: " + trained.description());
        fxRun(model::undo);
        waitReady(model, 10);
        assertEquals(before, fx(model::getScenario), "one Undo: the scenario from before the run");
        assertFalse(fx(() -> model.history().canUndo()), "nothing else to undo");
    }

    /** The settings name the layers a run will train, which are the graph's: they change with the graph's network. */
    @Test
    void theTrainingSettingsNameTheGraphsLayersAndARunTrainsThem(FxRobot robot) throws Exception {
        waitReady(model, 10);
        robot.clickOn("#tab-training");
        assertEquals("Layers, as in the Graph tab: Affine → ReLU → Affine", text(robot, "#train-layers"));
        robot.clickOn("#tab-graph");
        robot.clickOn("#menu-presets");
        robot.clickOn("Iris: 3-layer Sigmoid net");
        waitReady(model, 10);
        robot.clickOn("#tab-training");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Layers, as in the Graph tab: Affine → Sigmoid → Affine → Sigmoid → Affine", text(robot, "#train-layers"));

        TrainingModel training = trainIris(robot, 2);
        NetInputs trained = fx(() -> training.networkProperty().get());
        assertEquals(3, trained.network().depth(), "the run trained the graph's three Affine layers");
        assertEquals(java.util.List.of(org.backpropviz.engine.Sigmoid.KIND, org.backpropviz.engine.Sigmoid.KIND), trained.network().activations());
    }

    /** Runs Iris for {@code epochs} epochs from the Training tab (in sight) and waits for its results. */
    private TrainingModel trainIris(FxRobot robot, int epochs) throws Exception {
        TrainingModel training = fx(() -> app.tools().training());
        fxRun(() -> {
            training.sourceProperty().set(TrainingModel.Source.IRIS);
            training.limitProperty().set(TrainingModel.Limit.EPOCHS);
            training.epochsProperty().set(epochs);
        });
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> training.stateProperty().get() == TrainingModel.State.FINISHED
                && training.resultsProperty().get() != null));
        return training;
    }
}
