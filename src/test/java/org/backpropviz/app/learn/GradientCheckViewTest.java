package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Param;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class GradientCheckViewTest {
    private final SimpleObjectProperty<NetInputs> scenario = new SimpleObjectProperty<>(LearnDemo.preset("batch-of-4"));
    private GradientCheckModel model;

    @Start
    void start(Stage stage) {
        model = new GradientCheckModel(scenario);
        stage.setScene(new Scene(new GradientCheckView(model, org.backpropviz.app.i18n.Messages.english()), 1000, 700));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    @AfterEach
    void dispose() {
        model.dispose();
    }

    private void waitForReport() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.runningProperty().get()
                && (model.reportProperty().get() != null || !model.errorProperty().get().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void runCheckShowsAgreementPerParameter(FxRobot robot) throws Exception {
        robot.clickOn("#gradcheck-run");
        waitForReport();
        for (Param p : Param.TRAINABLE) {
            double abs = Double.parseDouble(robot.lookup("#gradcheck-abs-" + p.label()).queryAs(Label.class).getText());
            assertTrue(abs < 1e-6, p.label() + ": " + abs);
            assertEquals("✓ agree", robot.lookup("#gradcheck-verdict-" + p.label()).queryAs(Label.class).getText());
            assertNotNull(robot.lookup("#gradcheck-map-" + p.label()).queryAs(org.backpropviz.app.control.Heatmap.class).array());
        }
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void aFailingPassShowsTheEnginesMessageAndTheCheckFollowsTheScenarioWhileActive(FxRobot robot) throws Exception {
        robot.interact(() -> model.activeProperty().set(true));
        waitForReport();
        assertNotNull(model.reportProperty().get());
        robot.interact(() -> scenario.set(LearnDemo.preset("lesson-mismatch")));
        waitForReport();
        assertNull(model.reportProperty().get());
        Label error = robot.lookup("#gradcheck-error").queryAs(Label.class);
        assertEquals("shapes (2,) and (3,2) not aligned: 2 (dim 0) != 3 (dim 0)", error.getText());
        assertTrue(error.isVisible());
        assertEquals("affine1 (forward): np.dot(x, W1)", robot.lookup("#gradcheck-error-where").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#gradcheck-table").queryAs(javafx.scene.layout.GridPane.class).getChildren().isEmpty());
    }

    @Test
    void aLargeHIsNamedAsTheCauseWithTheStepToUseNotARedDisagree(FxRobot robot) throws Exception {
        TextField h = robot.lookup("#gradcheck-h").queryAs(TextField.class);
        robot.interact(() -> h.setText("0.5"));
        robot.clickOn("#gradcheck-run");
        waitForReport();
        Label w2 = robot.lookup("#gradcheck-verdict-W2").queryAs(Label.class);
        assertEquals("⚠ h too large", w2.getText());
        assertTrue(w2.getPseudoClassStates().contains(GradientCheckView.WARNING), "amber, not red");
        assertFalse(w2.getPseudoClassStates().contains(GradientCheckView.MISMATCH));
        String note = robot.lookup("#gradcheck-gc-note-coarseH").queryAs(Label.class).getText();
        assertTrue(note.contains("W2") && note.contains("the central difference itself is inaccurate")
                && note.contains("h = 0.5") && note.contains("h = 0.05") && note.endsWith("Use h = 0.0001."), note);

        robot.interact(() -> h.setText("0.0001")); // the book's h: the same network agrees again
        robot.clickOn("#gradcheck-run");
        waitForReport();
        assertEquals("✓ agree", robot.lookup("#gradcheck-verdict-W2").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#gradcheck-gc-note-coarseH").tryQuery().isPresent());
    }

    /**
     * The book's rounding error (§4.3.1): with h = 1e-300, p + h is p again, the central difference is 0 and every
     * parameter "disagrees"; the check names h, not backprop, and sends the learner back to 1e-4.
     */
    @Test
    void aTinyHIsNamedAsTheCauseNotARedDisagree(FxRobot robot) throws Exception {
        TextField h = robot.lookup("#gradcheck-h").queryAs(TextField.class);
        for (String tiny : java.util.List.of("1e-300", "1e-13")) {
            robot.interact(() -> h.setText(tiny));
            robot.clickOn("#gradcheck-run");
            waitForReport();
            for (Param p : Param.TRAINABLE) {
                Label v = robot.lookup("#gradcheck-verdict-" + p.label()).queryAs(Label.class);
                assertEquals("⚠ h too small", v.getText(), tiny + ", " + p.label());
                assertTrue(v.getPseudoClassStates().contains(GradientCheckView.WARNING), "amber, not red");
                assertFalse(v.getPseudoClassStates().contains(GradientCheckView.MISMATCH));
            }
            String note = robot.lookup("#gradcheck-gc-note-fineH").queryAs(Label.class).getText();
            assertTrue(note.startsWith("h too small for W1, b1, W2, b2: with h = " + tiny + ",") && note.contains("rounding error (§4.3.1")
                    && note.endsWith("Use h = 1e-4, as the book does."), note);
            assertFalse(robot.lookup(".gc-note-ok").tryQuery().isPresent(), "no \"none of the known causes\"");
        }
        robot.interact(() -> h.setText("0.0001"));
        robot.clickOn("#gradcheck-run");
        waitForReport();
        assertEquals("✓ agree", robot.lookup("#gradcheck-verdict-W1").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#gradcheck-gc-note-fineH").tryQuery().isPresent());
    }

    @Test
    void theKnownCausesOfDisagreementAreExplained(FxRobot robot) throws Exception {
        // x = 0 puts every ReLU input at b1; b1[0] = 0 sits exactly on the kink
        NetInputs kink = new NetInputs(NDArray.matrix(new double[][] {{0, 0}}),
                NDArray.matrix(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}), NDArray.vector(0, 0.1, -0.1),
                NDArray.matrix(new double[][] {{0.5, -0.4}, {0.3, 0.8}, {-0.6, 0.2}}), NDArray.vector(0, 0.1),
                NDArray.matrix(new double[][] {{1, 0}}));
        robot.interact(() -> scenario.set(kink));
        TextField h = robot.lookup("#gradcheck-h").queryAs(TextField.class);
        robot.interact(() -> h.setText("0.001"));
        robot.clickOn("#gradcheck-run");
        waitForReport();
        assertEquals(1e-3, model.reportProperty().get().h());
        assertTrue(robot.lookup("#gradcheck-gc-note-kink").tryQuery().isPresent(), "the kink note is shown");

        robot.interact(() -> scenario.set(LearnDemo.preset("softmax-with-loss")));
        robot.clickOn("#gradcheck-run");
        waitForReport();
        assertTrue(robot.lookup("#gradcheck-gc-note-vectorT").tryQuery().isPresent(), "the 1-D t note is shown");
        assertFalse(robot.lookup("#gradcheck-gc-note-kink").tryQuery().isPresent());

        // b2 pushes the target class's score 30 below the other: its probability is about 1e-13
        NetInputs tiny = LearnDemo.preset("batch-of-4").with(Param.B2, NDArray.vector(30, -30));
        robot.interact(() -> scenario.set(tiny));
        robot.clickOn("#gradcheck-run");
        waitForReport();
        assertTrue(model.reportProperty().get().tinyTargetProbability());
        assertTrue(robot.lookup("#gradcheck-gc-note-tiny").tryQuery().isPresent(), "the 1e-7 note is shown");
    }
}
