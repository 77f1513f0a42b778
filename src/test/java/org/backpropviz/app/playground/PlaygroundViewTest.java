package org.backpropviz.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlaygroundViewTest {
    private static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    private static final PseudoClass HIGHLIGHT = PseudoClass.getPseudoClass("highlight");
    private PlaygroundModel model;

    @Start
    void start(Stage stage) {
        model = new PlaygroundModel();
        stage.setScene(new Scene(new PlaygroundView(model), 1000, 650));
        stage.show();
    }

    @AfterEach
    void dispose() {
        model.dispose();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void waitForMessage(FxRobot robot, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, 
                () -> WaitForAsyncUtils.asyncFx(() -> text(robot, "#pg-message")).get(10, TimeUnit.SECONDS).startsWith(expected));
    }

    @Test
    void swapProducesAndClearsTheLessonsMismatch(FxRobot robot) throws Exception {
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        Label message = robot.lookup("#pg-message").queryAs(Label.class);
        assertFalse(message.getPseudoClassStates().contains(MISMATCH));

        robot.clickOn("#pg-swap");
        waitForMessage(robot, "shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)");
        assertEquals("shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)", message.getText());
        assertTrue(message.getPseudoClassStates().contains(MISMATCH));
        // the two disagreeing dimensions are marked: A's 3 (dim 1) and B's 2 (dim 0)
        var marked = robot.lookup(".pg-dim").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(MISMATCH)).map(n -> ((Label) n).getText()).toList();
        assertEquals(java.util.List.of("3", "2"), marked);
        assertEquals("To make the product work: swap A and B or transpose A.", text(robot, "#pg-hint"));

        robot.clickOn("#pg-swap");
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        assertFalse(message.getPseudoClassStates().contains(MISMATCH));
        assertTrue(robot.lookup(".pg-dim").queryAll().stream().noneMatch(n -> n.getPseudoClassStates().contains(MISMATCH)));
    }

    @Test
    void selectingAResultCellHighlightsItsRowAndColumn(FxRobot robot) throws Exception {
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        Node first = robot.lookup(".pg-result-cell").queryAll().iterator().next();
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.selectedProperty().get());
        assertEquals("0.057618 × 0.07086644 + 0.04088931 × 0.35796734 = " + org.backpropviz.engine.Shapes.number(
                0.057618 * 0.07086644 + 0.04088931 * 0.35796734), text(robot, "#pg-sum"));
        long lit = robot.lookup(".pg-cell").queryAll().stream().filter(n -> n.getPseudoClassStates().contains(HIGHLIGHT)).count();
        assertEquals(5, lit, "two cells of x, two of W's first column, one result cell");
    }

    @Test
    void badTextIsRefusedAndTheOldValueKept(FxRobot robot) throws Exception {
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        TextField a = robot.lookup("#pg-a-text").queryAs(TextField.class);
        robot.interact(() -> a.setText("[[1, 2], [3]]"));
        robot.clickOn("#pg-a-apply");
        assertEquals("A was not changed: row 2 has 1 numbers, row 1 has 2", text(robot, "#pg-input-error"));
        assertEquals("(2,)", model.aProperty().get().shapeString());

        robot.interact(() -> a.setText("[[1, 2], [3, 4], [5, 6]]"));
        robot.clickOn("#pg-a-apply");
        waitForMessage(robot, "np.dot(A, B): (3, 2) · (2, 3) → (3, 3)");
        assertEquals("", text(robot, "#pg-input-error"));
    }

    @Test
    void batchDemoChangesOnlyTheFirstDimension(FxRobot robot) throws Exception {
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        robot.clickOn("#pg-batch");
        waitForMessage(robot, "np.dot(A, B): (4, 2) · (2, 3) → (4, 3)");
        assertTrue(text(robot, "#pg-note").contains("(2,) · (2, 3) → (3,)"));
    }

    @Test
    void aBatchRowCountThatIsNotAWholeNumberInRangeIsNamedAndKept(FxRobot robot) throws Exception {
        robot.clickOn("#pg-batch-n .text-field").press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.CONTROL).write("lots").type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Batch rows: \u201clots\u201d is not a whole number from 2 to 64; it stays 4.",
                WaitForAsyncUtils.asyncFx(() -> text(robot, "#pg-input-error")).get(10, TimeUnit.SECONDS));
        assertEquals(4, WaitForAsyncUtils.asyncFx(() -> robot.lookup("#pg-batch-n").queryAs(javafx.scene.control.Spinner.class).getValue())
                .get(10, TimeUnit.SECONDS));
    }
}
