package org.backpropviz.app.shell;

import org.backpropviz.app.i18n.Messages;
import static org.backpropviz.app.shell.AppFixture.assertShows;
import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.has;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.matrix;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Sgd;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a learner uses it: launch, step forward and backward, step back, a mismatch and its fix, SGD. */
@ExtendWith(ApplicationExtension.class)
class GraphWindowTest {
    private BackpropApp app;
    private GraphViewModel model;

    @Start
    void start(Stage stage) {
        app = AppFixture.startApp(stage, AppFixture.freshHome()); // animation instant, unless a test wants it
        model = app.model();
    }

    @AfterEach
    void stop() {
        fxRun(app::stop);
    }

    @Test
    void opensOnTheLessonExampleTitledWithItsName(FxRobot robot) {
        waitReady(model, 10);
        Stage stage = fx(() -> (Stage) robot.lookup("#main").query().getScene().getWindow());
        assertEquals("Backprop Visualizer — Lesson: X (2,) · W (2, 3)", fx(stage::getTitle));
        assertFalse(fx(stage::getIcons).isEmpty(), "the window has an icon");
        assertEquals("next: Affine1 · forward   ·   step 0 of 9", text(robot, "#status"));
        assertEquals("(2,)", text(robot, "#value-shape-x"));
        assertEquals("(2,)", fx(() -> robot.lookup("#edge-x-affine1").queryAs(org.backpropviz.app.view.EdgeView.class).shapeText()));
        assertNull(fx(() -> matrix(robot, "#value-affine1").getArray()), "Affine1 is not computed yet");
        assertTrue(fx(() -> robot.lookup("#step").queryButton().getTooltip().getText()).contains("Right arrow"));
    }

    @Test
    void anEditKeepsTheUsersOwnDescriptionAndReplacesOnlyAnExamplesStaleOne(FxRobot robot) {
        Scenario mine = Presets.load("batch-of-4").withDescription("My notes: the batch of four, before I change it");
        load(model, mine);
        NDArray w1 = mine.get(Param.W1);
        fxRun(() -> model.edit(Param.W1, NDArray.full(w1.shape(), 0.25)));
        waitReady(model, 10);
        assertEquals("My notes: the batch of four, before I change it", fx(model::getScenario).description(),
                "a description the user wrote is theirs: an edit keeps it");
        fxRun(() -> model.loadPreset("batch-of-4", Presets.load("batch-of-4")));
        waitReady(model, 10);
        fxRun(() -> model.edit(Param.W1, NDArray.full(w1.shape(), 0.5)));
        waitReady(model, 10);
        assertTrue(fx(model::getScenario).description().startsWith("Edited from \u201c"), "a preset's description goes stale");
    }

    @Test
    void stepsForwardAndBackwardThroughEveryNodeShowingTheEngineValues(FxRobot robot) {
        Scenario s = Presets.load("batch-of-4");
        load(model, s);
        Trace expected = Trace.start(s.inputs());
        for (int k = 1; k <= Step.ORDER.size(); k++) {
            Step step = Step.ORDER.get(k - 1);
            robot.type(KeyCode.RIGHT);
            waitIndex(model, k);
            expected = expected.step();
            if (step.phase() == org.backpropviz.engine.Phase.FORWARD) {
                NDArray v = expected.forward(step.node()).orElseThrow();
                assertEquals(v.shapeString(), text(robot, "#value-shape-" + step.node()), step + " shape");
                assertShows(robot, "#value-" + step.node(), v);
                NetGraph.outputEdge(Node.byId(step.node())).ifPresent(e -> assertEquals(v.shapeString(),
                        fx(() -> robot.lookup("#" + e.id()).queryAs(org.backpropviz.app.view.EdgeView.class).shapeText())));
            }
            String next = expected.next().map(n -> "next: " + Node.byId(n.node()).title() + " · " + n.phase().id()).orElse("iteration complete");
            assertTrue(text(robot, "#status").startsWith(next), "status after " + step + ": " + text(robot, "#status"));
        }
        assertTrue(expected.isComplete());
        for (Param p : Param.TRAINABLE) {
            NDArray g = expected.grad(p).orElseThrow();
            assertEquals(s.get(p).shapeString(), g.shapeString());
            assertEquals(g.shapeString(), text(robot, "#grad-shape-" + p.label()), "d" + p.label() + " shape");
            assertShows(robot, "#grad-" + p.label(), g);
        }
        assertShows(robot, "#grad-x", expected.backward("affine1").orElseThrow());

        robot.type(KeyCode.LEFT); // undo exactly the last step: Affine1 backward
        waitIndex(model, Step.ORDER.size() - 1);
        assertNull(fx(() -> matrix(robot, "#grad-W1").getArray()), "dW1 is gone after step back");
        assertEquals("—", text(robot, "#grad-shape-W1"));
        assertShows(robot, "#grad-W2", expected.grad(Param.W2).orElseThrow());
        assertTrue(text(robot, "#status").startsWith("next: Affine1 · backward"));
    }

    @Test
    void lessonVectorStepsForwardAsTheLessonShowsThenFailsAtDW2(FxRobot robot) {
        waitReady(model, 10);
        Trace expected = Trace.start(model.getScenario().inputs());
        for (String node : Step.NODES) {
            robot.type(KeyCode.RIGHT);
            expected = expected.step();
            waitIndex(model, expected.stepsDone());
            NDArray v = expected.forward(node).orElseThrow();
            assertEquals(v.shapeString(), text(robot, "#value-shape-" + node));
            assertShows(robot, "#value-" + node, v);
        }
        assertEquals("(3,)", text(robot, "#value-shape-affine1"));
        assertEquals("()", text(robot, "#value-shape-loss"));
        robot.type(KeyCode.F5); // the backward pass, up to the error
        Trace end = expected.runAll();
        waitIndex(model, end.stepsDone());
        assertTrue(has(robot, "#node-affine2", "mismatch"));
        assertEquals(end.error().orElseThrow().message(), text(robot, "#callout-message"));
        assertEquals("dW2 = np.dot(x.T, dout)", text(robot, "#callout-expression"));
        assertTrue(has(robot, "#edge-relu1-affine2", "mismatch"));
        assertTrue(has(robot, "#edge-affine2-softmax", "mismatch"));
        assertTrue(has(robot, "#node-softmax", "warning"), "the 1-D t warning shows in amber");
        assertNull(fx(() -> matrix(robot, "#grad-relu1").getArray()), "nodes after the error stay uncomputed");
    }

    @Test
    void mismatchTurnsTheNodeRedQuotesNumpyAndTheQuickFixRepairsIt(FxRobot robot) {
        Scenario s = Presets.load("lesson-mismatch");
        load(model, s);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        Trace failed = Trace.start(s.inputs()).step();
        assertTrue(has(robot, "#node-affine1", "mismatch"));
        assertFalse(has(robot, "#node-relu1", "mismatch"));
        assertTrue(has(robot, "#edge-x-affine1", "mismatch"));
        assertTrue(has(robot, "#edge-W1-affine1", "mismatch"));
        assertFalse(has(robot, "#edge-b1-affine1", "mismatch"));
        assertEquals("shapes (2,) and (3,2) not aligned: 2 (dim 0) != 3 (dim 0)", text(robot, "#callout-message"));
        assertEquals(failed.error().orElseThrow().message(), text(robot, "#callout-message"));
        assertEquals("x has 2 elements but W1 has 3 rows: np.dot needs these two numbers to be equal.", text(robot, "#callout-cause"));
        assertTrue(text(robot, "#status").startsWith("stopped: NumPy raised an error at Affine1 · forward"));
        assertTrue(robot.lookup("#fix-reshape-x").tryQuery().isEmpty(), "reshaping x would not help here");

        robot.clickOn("#fix-transpose-W1");
        waitReady(model, 10);
        waitIndex(model, 1);
        Scenario fixed = fx(model::getScenario);
        assertEquals(org.backpropviz.engine.Np.transpose(s.get(Param.W1)), fixed.get(Param.W1));
        Trace after = Trace.start(fixed.inputs()).step();
        assertFalse(has(robot, "#node-affine1", "mismatch"));
        assertFalse(fx(() -> robot.lookup("#callout").query().isVisible()));
        assertEquals("(3,)", text(robot, "#value-shape-affine1"));
        assertShows(robot, "#value-affine1", after.forward("affine1").orElseThrow());
    }

    @Test
    void reshapeFixesTakeTheLessonVectorToACompleteIterationAndSgdLowersTheLoss(FxRobot robot) {
        waitReady(model, 10);
        robot.type(KeyCode.F5).type(KeyCode.F5);
        waitIndex(model, 7);
        assertEquals("Affine2's input x.T has 3 elements but dout has 2 elements: np.dot needs these two numbers to be equal.",
                text(robot, "#callout-cause"));
        assertEquals("Reshape the network's input x from (2,) to (1, 2)", text(robot, "#fix-reshape-x"));
        String presetAbout = text(robot, "#about");
        assertTrue(presetAbout.contains("the backward pass fails at dW2"), presetAbout);
        robot.clickOn("#fix-reshape-x");
        waitReady(model, 10);
        assertEquals("(1, 2)", text(robot, "#value-shape-x"));
        // the preset's "fails at dW2" no longer holds: the shown and the saved description say it was edited instead
        String name = fx(model::getScenario).name();
        String edited = "Edited from \u201c" + name + "\u201d: its arrays or layers have changed since, so the example's first"
                + " description no longer holds.";
        assertEquals(edited, text(robot, "#about"));
        assertEquals(edited, fx(model::getScenario).description());
        assertEquals("cross_entropy_error(y, t)", text(robot, "#callout-expression"));
        assertEquals("axis 1 is out of bounds for array of dimension 1", text(robot, "#callout-message"));
        robot.clickOn("#fix-reshape-t");
        waitReady(model, 10);
        robot.type(KeyCode.F5).type(KeyCode.F5);
        waitIndex(model, 9);
        Scenario s = fx(model::getScenario);
        Trace done = Trace.evaluate(s.inputs());
        assertTrue(done.isComplete());
        assertTrue(text(robot, "#status").startsWith("iteration complete"));
        assertShows(robot, "#grad-W1", done.grad(Param.W1).orElseThrow());

        robot.type(KeyCode.U);
        waitReady(model, 10);
        AppFixture.waitIndex(model, 0);
        Scenario updated = fx(model::getScenario);
        var want = Sgd.update(s.inputs(), done.grads(), 0.1);
        for (Param p : Param.TRAINABLE) assertEquals(want.get(p), updated.get(p), p.label() + " after SGD");
        double after = Trace.evaluate(updated.inputs()).loss().orElseThrow();
        assertTrue(after < done.loss().orElseThrow(), "one SGD step lowers the loss");
        assertTrue(text(robot, "#notice").contains("→"));
    }

    @Test
    void aLearningRateThatIsNotAPositiveNumberIsNamedAndTheRateStays(FxRobot robot) {
        waitReady(model, 10);
        for (String typed : new String[] {"abc", "-0.5", "0"}) {
            robot.doubleClickOn("#lr").eraseText(8).write(typed).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Learning rate: \u201c" + typed + "\u201d is not a positive number; it stays 0.1.", text(robot, "#notice"));
            assertTrue(has(robot, "#notice", "mismatch"), "shown as an error");
            assertEquals("0.1", fx(() -> robot.lookup("#lr").queryTextInputControl().getText()));
            assertEquals(0.1, fx(() -> model.learningRateProperty().get()));
        }
        robot.doubleClickOn("#lr").eraseText(8).write("0.05").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.05, fx(() -> model.learningRateProperty().get()));
        assertEquals("0.05", fx(() -> robot.lookup("#lr").queryTextInputControl().getText()));
    }

    @Test
    void stepDuringAnAnimationFinishesItAtOnceAndStepBackUndoesThePicture(FxRobot robot) {
        waitReady(model, 10);
        fxRun(() -> model.speedProperty().set(0)); // lecture speed: 2.4 s per step
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        var graph = fx(() -> app.view().graph());
        assertTrue(fx(graph::isAnimating), "a token is moving to Affine1");
        assertNull(fx(() -> matrix(robot, "#value-affine1").getArray()), "Affine1 shows its value once the token arrives");
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 2);
        Trace two = Trace.start(model.getScenario().inputs()).step().step();
        assertShows(robot, "#value-affine1", two.forward("affine1").orElseThrow());
        assertTrue(fx(graph::isAnimating), "the second token is moving to ReLU");
        robot.type(KeyCode.LEFT);
        waitIndex(model, 1);
        assertFalse(fx(graph::isAnimating));
        assertNull(fx(() -> matrix(robot, "#value-relu1").getArray()), "step back removes ReLU's value");
        assertShows(robot, "#value-affine1", two.forward("affine1").orElseThrow());
    }

    @Test
    void playStepsThroughTheWholeIterationAndStopsAtTheEnd(FxRobot robot) {
        load(model, Presets.load("batch-of-4"));
        fxRun(() -> model.speedProperty().set(3)); // fast: 250 ms a step
        robot.type(KeyCode.P);
        assertTrue(fx(() -> model.playingProperty().get()));
        assertEquals("❚❚ Pause", fx(() -> robot.lookup("#play").queryButton().getText()));
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.SECONDS,
                    () -> fx(() -> !model.playingProperty().get()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("play did not finish", e);
        }
        assertEquals(9, fx(() -> model.indexProperty().get()));
        org.testfx.util.WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS); // the last token lands
        assertShows(robot, "#grad-W1", Trace.evaluate(model.getScenario().inputs()).grad(Param.W1).orElseThrow());
        robot.type(KeyCode.OPEN_BRACKET);
        assertEquals(2, fx(() -> model.speedProperty().get()), "[ slows the animation down");
    }

    @Test
    void selectingANodeOpensTheInspectorWithItsFormulasAndShapes(FxRobot robot) {
        load(model, Presets.load("batch-of-4"));
        robot.type(KeyCode.F5).type(KeyCode.F5);
        waitIndex(model, 9);
        robot.clickOn("#node-affine2");
        assertEquals("Affine2   x·W2 + b2", text(robot, "#inspector-title"));
        assertEquals("(4, 2)", text(robot, "#inspector-value-shape"));
        List<String> formulas = fx(() -> robot.lookup("#inspector-formulas .formula").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList());
        assertTrue(formulas.contains("dx = dout · W2ᵀ : (4, 3) = (4, 2) · (2, 3)"), formulas.toString());
        assertTrue(formulas.contains("dW2 = xᵀ · dout : (3, 2) = (3, 4) · (4, 2)"), formulas.toString());
        assertTrue(formulas.contains("db2 = Σ₀ dout : (2,) = Σ₀ (4, 2)"), formulas.toString());
        assertShows(robot, "#inspector-grad", Trace.evaluate(model.getScenario().inputs()).backward("softmax").orElseThrow());
        robot.type(KeyCode.ESCAPE);
        assertNull(fx(() -> model.selectedProperty().get()), "Esc closes the inspector");
    }

    @Test
    void languageMenuSwitchesToKoreanAndBack(FxRobot robot) {
        waitReady(model, 10);
        // the menu names Korean in Korean, in a font with Hangul (main.css) even while the window is in English
        var korean = fx(() -> ((javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query()).getMenus().stream()
                .filter(m -> "menu-language".equals(m.getId())).findFirst().orElseThrow().getItems().stream()
                .filter(i -> "language-ko".equals(i.getId())).findFirst().orElseThrow());
        assertEquals("한국어", fx(korean::getText));
        assertTrue(fx(() -> korean.getStyleClass().contains("language-ko")));
        fxRun(() -> app.showIn(new Messages(Locale.KOREAN)));
        assertTrue(text(robot, "#status").startsWith("다음: Affine1 · 순전파"), text(robot, "#status"));
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        assertEquals("(3,)", text(robot, "#value-shape-affine1"));
        fxRun(() -> app.showIn(new Messages(Locale.ENGLISH)));
        assertTrue(text(robot, "#status").startsWith("next: ReLU · forward"));
    }

    @Test
    void theToolsAreTabsBesideTheGraphAndTheGraphKeysStayOnItsTab(FxRobot robot) {
        waitReady(model, 10);
        var tabs = fx(() -> app.view().tabs());
        assertEquals(List.of("Graph", "Training", "Gradient check", "Matrix playground"),
                fx(() -> tabs.getTabs().stream().map(javafx.scene.control.Tab::getText).toList()));
        assertEquals(null, fx(() -> tabs.getTabs().get(3).getContent()), "a tool's view is built when its tab is first opened");
        fxRun(() -> tabs.getSelectionModel().select(3));
        assertTrue(fx(() -> tabs.getTabs().get(3).getContent()) instanceof org.backpropviz.app.playground.PlaygroundView);
        robot.type(KeyCode.RIGHT);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> model.indexProperty().get()), "Right on the playground tab does not step the graph");
        fxRun(() -> tabs.getSelectionModel().select(0));
        robot.clickOn("#node-x").type(KeyCode.RIGHT);
        waitIndex(model, 1);
    }

    @Test
    void everyKnownPresetLoads(FxRobot robot) {
        for (String name : Presets.available().stream().filter(n -> !Presets.opensPlayground(n)).toList()) {
            load(model, Presets.load(name));
            assertEquals(0, fx(() -> model.indexProperty().get()));
        }
        assertTrue(Presets.available().containsAll(List.of("lesson-vector", "lesson-mismatch", "batch-of-4", "softmax-with-loss")));
    }
}
