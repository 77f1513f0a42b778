package org.backpropviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backpropviz.engine.NDArray;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor in a real (headless) window: typing into cells, shape tools, paste, refusals, undo and redo. */
@ExtendWith(ApplicationExtension.class)
class MatrixEditorViewTest {
    private static final NDArray W = NDArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

    private MatrixEditorModel model;
    private MatrixEditorView view;
    private final List<NDArray> commits = new ArrayList<>();

    @Start
    void start(Stage stage) {
        model = new MatrixEditorModel("W1", W, new org.backpropviz.app.i18n.Messages(Locale.ENGLISH));
        new ArrayHistory(model, e -> commits.add(e.value()));
        view = new MatrixEditorView(model);
        stage.setScene(new Scene(view, 1000, 600));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    /** The visible grid cell showing row r, column c of the grid. */
    private static TableCell<?, ?> cell(FxRobot robot, int r, int c) {
        for (Node n : robot.lookup(".spreadsheet-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> t && t.isVisible() && t.getItem() instanceof SpreadsheetCell sc
                    && sc.getRow() == r && sc.getColumn() == c) {
                return t;
            }
        }
        throw new AssertionError("no visible cell " + r + ", " + c);
    }

    private static void type(FxRobot robot, int r, int c, String text, KeyCode end) {
        robot.doubleClickOn(cell(robot, r, c));
        robot.write(text);
        robot.type(end);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Label message(FxRobot robot) {
        return robot.lookup(".editor-message").queryAs(Label.class);
    }

    private void shortcut(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all).release(all);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingANumberAndEnterCommitsIt(FxRobot robot) {
        type(robot, 0, 1, "42.5", KeyCode.ENTER);
        assertEquals(42.5, model.getValue().get(0, 1));
        assertEquals("42.5", cell(robot, 0, 1).getText());
        assertEquals(1, commits.size());
        type(robot, 1, 2, "-7", KeyCode.TAB);
        assertEquals(-7.0, model.getValue().get(1, 2));
        assertEquals("-7.0", cell(robot, 1, 2).getText(), "the cell shows the number as NumPy prints it");
        assertEquals("W1[1, 2] = -7.0", robot.lookup(".editor-readout").queryAs(Label.class).getText());
    }

    @Test
    void typingOnASelectedCellKeepsTheFirstKey(FxRobot robot) {
        robot.clickOn(cell(robot, 1, 1));
        robot.write("42.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(42.5, model.getValue().get(1, 1), "SpreadsheetView alone would give 2.5");
    }

    /**
     * Keys typed faster than the editor opens (all in one burst, before the JavaFX thread runs anything else) are kept,
     * in order: a fast "1e400" stayed "1e400" and is refused, where it used to lose its "e" and commit 1400.
     */
    @Test
    void keysTypedBeforeTheEditorOpensAreKept(FxRobot robot) {
        robot.clickOn(cell(robot, 1, 1));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.application.Platform.runLater(() -> { // one task: nothing else runs on the JavaFX thread in between
            for (String ch : List.of("1", "e", "4")) {
                Node target = view.getScene().getFocusOwner();
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED, ch, "",
                        KeyCode.UNDEFINED, false, false, false, false));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("00").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(W, model.getValue(), "nothing committed");
        assertEquals("W1[1, 1]: 1e400 is refused; only finite numbers are allowed — kept 5.0", message(robot).getText());

        robot.clickOn(cell(robot, 0, 2));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.application.Platform.runLater(() -> {
            for (String ch : List.of("2", "e", "3")) {
                javafx.event.Event.fireEvent(view.getScene().getFocusOwner(), new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2000.0, model.getValue().get(0, 2), "2e3, every key in order");

        // keys typed later in such an edit go where the caret is, as in any field
        robot.type(KeyCode.ESCAPE); // Enter opened the next cell's editor: close it, and type on a selected cell
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell(robot, 1, 2));
        robot.write("12").type(KeyCode.LEFT).write("3").type(KeyCode.BACK_SPACE).write("45").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1452.0, model.getValue().get(1, 2), "12, ←, 3, ⌫, 45");
    }

    @Test
    void escapeCancelsAnEdit(FxRobot robot) {
        type(robot, 0, 0, "99", KeyCode.ESCAPE);
        assertEquals(W, model.getValue());
        assertEquals("1.0", cell(robot, 0, 0).getText());
        assertTrue(commits.isEmpty());
    }

    @Test
    void aBadCellIsRefusedWithAMessageAndTheOldValueKept(FxRobot robot) {
        type(robot, 1, 0, "abc", KeyCode.ENTER);
        assertEquals(W, model.getValue());
        assertEquals("4.0", cell(robot, 1, 0).getText());
        Label m = message(robot);
        assertEquals("W1[1, 0]: \"abc\" is not a number \u2014 kept 4.0", m.getText());
        assertTrue(m.getPseudoClassStates().contains(MatrixEditorView.ERROR));
        type(robot, 1, 0, "inf", KeyCode.ENTER);
        assertEquals(W, model.getValue());
        assertTrue(m.getText().contains("only finite numbers"), m.getText());
        type(robot, 1, 0, "8", KeyCode.ENTER);
        assertEquals(8.0, model.getValue().get(1, 0));
        assertEquals("", m.getText());
        assertFalse(m.getPseudoClassStates().contains(MatrixEditorView.ERROR));
    }

    @Test
    void typingAShapeChangesIt(FxRobot robot) {
        TextField shape = robot.lookup(".shape-field").queryAs(TextField.class);
        robot.doubleClickOn(shape).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("(3, 4)").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {3, 4}, model.getValue().shape());
        assertEquals(3, view.cellGrid().rowCount());
        assertEquals(4, view.cellGrid().columnCount());
        assertEquals("(3, 4)", robot.lookup(".editor-shape").queryAs(Label.class).getText());
        assertEquals(3.0, model.getValue().get(0, 2));
        assertEquals(0.0, model.getValue().get(2, 3));
        assertEquals("0.0", cell(robot, 2, 3).getText());
        // a shape NumPy cannot have is refused and the field marked
        robot.doubleClickOn(shape).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("(2, 0)").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {3, 4}, model.getValue().shape());
        assertTrue(shape.getPseudoClassStates().contains(MatrixEditorView.ERROR));
        assertTrue(message(robot).getText().startsWith("Cannot use the shape (2, 0)"), message(robot).getText());
    }

    @Test
    void rowButtonsAndTheVectorToggle(FxRobot robot) {
        robot.clickOn(cell(robot, 0, 0));
        robot.clickOn("#editor-row-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new double[] {1, 2, 3, 0, 0, 0, 4, 5, 6}, model.getValue().toFlatArray());
        robot.clickOn("#editor-row-remove");
        robot.clickOn("#editor-row-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {1, 3}, model.getValue().shape());
        robot.clickOn("#editor-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {3}, model.getValue().shape());
        assertEquals("1-D vector", robot.lookup(".editor-rank").queryAs(Label.class).getText());
        robot.clickOn("#editor-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {1, 3}, model.getValue().shape());
    }

    @Test
    void ctrlVPastesANumpyBlockAtTheSelectedCell(FxRobot robot) {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("np.array([[10., 20.]])");
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn(cell(robot, 1, 1));
        shortcut(robot, KeyCode.V);
        assertArrayEquals(new double[] {1, 2, 3, 4, 10, 20}, model.getValue().toFlatArray());
        assertEquals("20.0", cell(robot, 1, 2).getText());
        // a block that does not fit says why and changes nothing
        robot.interact(() -> view.paste("[[1, 2], [3, 4]]"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 10, 20}, model.getValue().toFlatArray());
        assertTrue(message(robot).getText().contains("does not fit at [1, 1]"), message(robot).getText());
        // Replace takes the pasted array, shape and all
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("[[1. 2.]\n [3. 4.]\n [5. 6.]]");
            Clipboard.getSystemClipboard().setContent(c);
        });
        shortcut(robot, KeyCode.SHIFT, KeyCode.V);
        assertArrayEquals(new int[] {3, 2}, model.getValue().shape());
        assertEquals("6.0", cell(robot, 2, 1).getText());
    }

    @Test
    void ctrlCCopiesNumpyText(FxRobot robot) {
        robot.clickOn(cell(robot, 0, 0));
        shortcut(robot, KeyCode.C);
        String[] got = new String[1];
        robot.interact(() -> got[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("np.array([[1.0, 2.0, 3.0],\n          [4.0, 5.0, 6.0]])", got[0]);
    }

    @Test
    void undoAndRedoWithTheKeyboard(FxRobot robot) {
        type(robot, 0, 0, "5", KeyCode.ENTER);
        robot.clickOn("#editor-transpose");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new int[] {3, 2}, model.getValue().shape());
        robot.clickOn(cell(robot, 0, 0));
        shortcut(robot, KeyCode.Z);
        assertArrayEquals(new double[] {5, 2, 3, 4, 5, 6}, model.getValue().toFlatArray());
        assertArrayEquals(new int[] {2, 3}, model.getValue().shape());
        shortcut(robot, KeyCode.Z);
        assertEquals(W, model.getValue());
        assertEquals("1.0", cell(robot, 0, 0).getText());
        shortcut(robot, KeyCode.Y);
        assertEquals(5.0, model.getValue().get(0, 0));
        assertEquals("5.0", cell(robot, 0, 0).getText());
        shortcut(robot, KeyCode.SHIFT, KeyCode.Z);
        assertArrayEquals(new int[] {3, 2}, model.getValue().shape());
        assertTrue(robot.lookup("#editor-undo").queryButton().isDisabled() == false);
        assertTrue(robot.lookup("#editor-redo").queryButton().isDisabled());
    }

    @Test
    void aVeryWideArrayAlsoGetsTheHeatmap(FxRobot robot) {
        robot.interact(() -> model.load(NDArray.full(new int[] {2, 5000}, 1.0)));
        assertTrue(view.isLarge());
        assertTrue(robot.lookup(".large-message").queryAs(Label.class).getText().contains("5,000 columns"));
        assertEquals(2, view.cellGrid().rowCount());
        assertEquals(20, view.cellGrid().columnCount());
        robot.interact(() -> model.setShape("(2, 3)"));
        assertFalse(view.isLarge());
        assertEquals(3, view.cellGrid().columnCount());
    }

    @Test
    void deleteSetsTheSelectedCellsToZeroInOneStep(FxRobot robot) {
        robot.clickOn(cell(robot, 0, 1));
        robot.press(KeyCode.SHIFT).clickOn(cell(robot, 1, 2)).release(KeyCode.SHIFT);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(new double[] {1, 0, 0, 4, 0, 0}, model.getValue().toFlatArray());
        assertEquals(1, commits.size());
        shortcut(robot, KeyCode.Z);
        assertEquals(W, model.getValue());
    }

    @Test
    void theGridsContextMenuCopiesNumpy(FxRobot robot) {
        robot.rightClickOn(cell(robot, 0, 0));
        robot.clickOn("Copy NumPy");
        String[] got = new String[1];
        robot.interact(() -> got[0] = Clipboard.getSystemClipboard().getString());
        assertEquals("np.array([[1.0, 2.0, 3.0],\n          [4.0, 5.0, 6.0]])", got[0]);
    }

    @Test
    void ctrlZRightAfterEnterUndoesTheEdit(FxRobot robot) {
        type(robot, 0, 0, "5", KeyCode.ENTER); // Enter commits and opens the editor of the cell below
        shortcut(robot, KeyCode.Z);
        assertEquals(W, model.getValue());
        assertEquals("1.0", cell(robot, 0, 0).getText());
        assertEquals("4.0", cell(robot, 1, 0).getText());
    }

    @Test
    void fillsFromTheToolbar(FxRobot robot) {
        robot.clickOn("#editor-fill-zeros");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(NDArray.full(new int[] {2, 3}, 0), model.getValue());
        assertEquals("0.0", cell(robot, 1, 2).getText());
        robot.clickOn("#editor-fill-random");
        WaitForAsyncUtils.waitForFxEvents();
        for (double v : model.getValue().toFlatArray()) assertTrue(v != 0 && Math.abs(v) < 0.1, "std 0.01: " + v);
        assertNotNull(cell(robot, 0, 0).getText());
    }

    @Test
    void aLargeArrayShowsAHeatmapAndAnEditableBlock(FxRobot robot) {
        NDArray big = NDArray.full(new int[] {1000, 1000}, 0.5);
        robot.interact(() -> model.load(big));
        assertTrue(view.isLarge());
        assertNotNull(robot.lookup(".heatmap").query());
        assertTrue(robot.lookup(".large-message").queryAs(Label.class).getText().contains("1,000,000 values"));
        assertEquals(20, view.cellGrid().rowCount());
        type(robot, 2, 3, "7", KeyCode.ENTER);
        assertEquals(7.0, model.getValue().get(2, 3));
        assertEquals(0.5, model.getValue().get(3, 2));
        // the fills work on the whole array
        robot.clickOn("#editor-fill-zeros");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, model.getValue().get(999, 999));
        shortcut(robot, KeyCode.Z);
        assertEquals(0.5, model.getValue().get(999, 999));
    }

    @Test
    void aWideBatchShowsTheColumnsThatFitAndScrollsAlongTheRest(FxRobot robot) {
        double[][] v = new double[100][784];
        for (int i = 0; i < 100; i++) for (int j = 0; j < 784; j++) v[i][j] = i + j / 1000.0;
        NDArray batch = NDArray.matrix(v);
        robot.interact(() -> model.load(batch));
        CellGrid g = view.cellGrid();
        assertFalse(view.isLarge(), "a (100, 784) batch is edited cell by cell");
        assertTrue(g.isWindowed());
        int k = g.shownColumnCount();
        assertTrue(k >= 5 && k <= 20, "the columns that fit 1000 px: " + k);
        assertEquals(784, g.columnCount());
        ScrollBar bar = robot.lookup(".column-window-bar").queryAs(ScrollBar.class);
        assertTrue(bar.isVisible());
        assertEquals(784 - k, bar.getMax());

        // Right at the last shown column moves the window by one column and selects the next array cell
        robot.clickOn(cell(robot, 0, k - 1));
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, g.firstShownColumn());
        assertArrayEquals(new int[] {0, k}, g.focused());
        assertEquals("W1[0, " + k + "] = " + org.backpropviz.engine.Shapes.number(k / 1000.0),
                robot.lookup(".editor-readout").queryAs(Label.class).getText());
        robot.write("42").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(42.0, model.getValue().get(0, k), "the edit lands on the array column the header names");
        assertEquals(k / 1000.0 + 1, model.getValue().get(1, k), "and nowhere else");

        // the scroll bar moves the window; the cells show the array's columns 700 …
        robot.interact(() -> bar.setValue(700));
        assertEquals(700, g.firstShownColumn());
        assertEquals(CellGrid.cellText(batch.get(3, 700)), cell(robot, 3, 0).getText());
        type(robot, 2, 1, "-5", KeyCode.ENTER);
        assertEquals(-5.0, model.getValue().get(2, 701));

        // a sideways wheel: a notch (40 px) is a column; a trackpad's small movements add up
        for (int n = 0; n < 3; n++) sideways(robot, g, -40);
        assertEquals(703, g.firstShownColumn());
        for (int n = 0; n < 16; n++) sideways(robot, g, 5);
        assertEquals(701, g.firstShownColumn());
        robot.interact(() -> bar.setValue(700));

        // a cell selected before scrolling stays the paste target while it is out of view
        robot.clickOn(cell(robot, 5, 2));
        robot.interact(() -> bar.setValue(0));
        assertEquals(0, g.firstShownColumn());
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("7\t8");
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn(robot.lookup(".editor-readout").queryAs(Label.class)); // focus stays in the editor
        shortcut(robot, KeyCode.V);
        assertEquals(7.0, model.getValue().get(5, 702));
        assertEquals(8.0, model.getValue().get(5, 703));

        // undo restores it, and a smaller array gets back the full grid without the bar
        shortcut(robot, KeyCode.Z);
        assertEquals(5 + 0.702, model.getValue().get(5, 702), 1e-12);
        robot.interact(() -> model.setShape("(100, 50)"));
        assertFalse(g.isWindowed());
        assertEquals(50, g.shownColumnCount());
        assertFalse(bar.isVisible());
    }

    private static void sideways(FxRobot robot, CellGrid g, double dx) {
        robot.interact(() -> g.view().fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                10, 10, 10, 10, false, false, false, false, false, false, dx, 0, dx, 0,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    }
}
