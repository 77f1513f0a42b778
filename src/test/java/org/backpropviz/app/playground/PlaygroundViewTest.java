package org.backpropviz.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
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
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new PlaygroundModel();
        stage.setScene(new Scene(new PlaygroundView(model, org.backpropviz.app.i18n.Messages.english()), 1000, 650));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    @AfterEach
    void dispose() {
        model.dispose();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** Applies {@code text} as A and returns what the playground says about it. */
    private String refusalOf(FxRobot robot, String text) throws Exception {
        TextField a = robot.lookup("#pg-a-text").queryAs(TextField.class);
        robot.interact(() -> a.setText(text));
        robot.clickOn("#pg-a-apply");
        return fx(() -> text(robot, "#pg-input-error"));
    }

    /** The texts of the index labels of one kind inside the captioned grid whose caption starts with {@code name}. */
    private static List<String> indices(FxRobot robot, String name, String kind) {
        Node box = robot.lookup(".pg-caption").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().startsWith(name + "  ")).findFirst().orElseThrow().getParent();
        return robot.from(box).lookup(kind).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void waitForMessage(FxRobot robot, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, 
                () -> WaitForAsyncUtils.asyncFx(() -> text(robot, "#pg-message")).get(10, TimeUnit.SECONDS).startsWith(expected));
    }

    /** A view replaced by a new one (as on a language switch) is disposed and no longer follows the model. */
    @Test
    void aDisposedViewNoLongerFollowsTheModel(FxRobot robot) throws Exception {
        PlaygroundView old = (PlaygroundView) stage.getScene().getRoot();
        TextField oldA = robot.lookup("#pg-a-text").queryAs(TextField.class);
        String before = fx(oldA::getText);
        PlaygroundView fresh = fx(() -> {
            old.dispose();
            PlaygroundView v = new PlaygroundView(model, org.backpropviz.app.i18n.Messages.english());
            stage.getScene().setRoot(v);
            return v;
        });
        robot.interact(() -> assertTrue(model.setA("[[1, 2, 3]]")));
        WaitForAsyncUtils.waitForFxEvents();
        TextField freshA = robot.from(fresh).lookup("#pg-a-text").queryAs(TextField.class);
        assertEquals("[[1, 2, 3]]", fx(freshA::getText).replace(".0", ""), "the live view follows the model");
        assertEquals(before, fx(oldA::getText), "the disposed view kept its text: its listener is gone");
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
        assertEquals("A was not changed: row 1 has 1 number, row 0 has 2", text(robot, "#pg-input-error"));
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

    @Test
    void refusedTextNamesPlacesAsNumPyCountsThemAndCountsNumbersInTheSingular(FxRobot robot) throws Exception {
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        assertEquals("A was not changed: row 1 has 3 numbers, row 0 has 1", refusalOf(robot, "[[1], [2, 3, 4]]"));
        assertEquals("A was not changed: row 1, column 1: \"x\" is not a number", refusalOf(robot, "[[1, 2], [3, x]]"));
        assertEquals("A was not changed: element 1: \"x\" is not a number", refusalOf(robot, "[1, x]"));
        assertEquals("(2,)", model.aProperty().get().shapeString());
    }

    @Test
    void gridsNumberTheirRowsAndColumnsFromZero(FxRobot robot) throws Exception {
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        assertEquals(List.of("0", "1"), fx(() -> indices(robot, "A", ".pg-column-index")), "x's two elements");
        assertEquals(List.of(), fx(() -> indices(robot, "A", ".pg-row-index")), "a 1-D x has no rows");
        assertEquals(List.of("0", "1", "2"), fx(() -> indices(robot, "B", ".pg-column-index")));
        assertEquals(List.of("0", "1"), fx(() -> indices(robot, "B", ".pg-row-index")));
        assertEquals(List.of("0", "1", "2"), fx(() -> indices(robot, "np.dot(A, B)", ".pg-column-index")));
    }

    @Test
    void aSelectedCellIsDescribedWithNumPysIndices(FxRobot robot) throws Exception {
        waitForMessage(robot, "np.dot(A, B): (2,) · (2, 3) → (3,)");
        assertEquals("", fx(() -> text(robot, "#pg-cell-text")));
        robot.interact(() -> model.select(1));
        assertEquals("np.dot(A, B)[1] = A · B[:, 1]: A times column 1 of B, element by element, summed",
                fx(() -> text(robot, "#pg-cell-text")));

        robot.clickOn("#pg-batch");
        waitForMessage(robot, "np.dot(A, B): (4, 2) · (2, 3) → (4, 3)");
        Node cell = fx(() -> robot.lookup(".pg-result-cell").queryAll().stream().skip(5).findFirst().orElseThrow());
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, model.selectedProperty().get());
        assertEquals("np.dot(A, B)[1, 2] = A[1, :] · B[:, 2]: row 1 of A times column 2 of B, element by element, summed",
                fx(() -> text(robot, "#pg-cell-text")));
        robot.clickOn(cell); // a second click clears the selection and its description
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", fx(() -> text(robot, "#pg-cell-text")));
    }

    @Test
    void koreanCountsFromZeroToo(FxRobot robot) throws Exception {
        PlaygroundModel korean = fx(() -> {
            PlaygroundModel m = new PlaygroundModel();
            stage.getScene().setRoot(new PlaygroundView(m, new org.backpropviz.app.i18n.Messages(Locale.KOREAN)));
            return m;
        });
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> korean.productProperty().get() != null));
            robot.interact(() -> korean.select(2));
            assertEquals("np.dot(A, B)[2] = A · B[:, 2]: A와 B의 2열을 원소끼리 곱해 더한 값", fx(() -> text(robot, "#pg-cell-text")));
            TextField a = robot.lookup("#pg-a-text").queryAs(TextField.class);
            robot.interact(() -> a.setText("[[1, 2], [3]]"));
            robot.clickOn("#pg-a-apply");
            assertEquals("A을(를) 바꾸지 않았습니다: 1행에는 수가 1개, 0행에는 2개 있습니다", fx(() -> text(robot, "#pg-input-error")));
            robot.interact(() -> a.setText("[[1, 2], [3, x]]"));
            robot.clickOn("#pg-a-apply");
            assertEquals("A을(를) 바꾸지 않았습니다: 1행 1열: \"x\"은(는) 숫자가 아닙니다", fx(() -> text(robot, "#pg-input-error")));
        } finally {
            korean.dispose();
        }
    }
}
