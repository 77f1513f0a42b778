package org.backpropviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.backpropviz.app.UncaughtExceptions;
import org.backpropviz.engine.NDArray;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window the main window opens: non-modal, titled with name and shape, reporting every commit. */
@ExtendWith(ApplicationExtension.class)
class MatrixEditorWindowTest {
    private static final NDArray W = NDArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private Stage owner;
    private MatrixEditorWindow window;

    @Start
    void start(Stage stage) {
        owner = stage;
        // a shown stage needs a scene: headless Monocle waits forever for an empty stage to render
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) robot.interact(window.getStage()::close);
    }

    @Test
    void opensNonModalAndReportsCommitsButNotLoads(FxRobot robot) {
        List<NDArray> commits = new ArrayList<>();
        MatrixEditorWindow[] w = new MatrixEditorWindow[1];
        robot.interact(() -> w[0] = MatrixEditorWindow.open(owner, "b1", NDArray.vector(0, 0, 0), e -> commits.add(e.value()),
                new org.backpropviz.app.i18n.Messages(Locale.ENGLISH)));
        Stage s = w[0].getStage();
        assertTrue(s.isShowing());
        assertEquals(Modality.NONE, s.getModality());
        assertEquals("b1 (3,) \u2014 matrix editor", s.getTitle());
        robot.interact(() -> w[0].getModel().toggleVectorMatrix());
        assertEquals(1, commits.size());
        assertEquals("(1, 3)", commits.get(0).shapeString());
        assertEquals("b1 (1, 3) \u2014 matrix editor", s.getTitle());
        robot.interact(() -> w[0].getModel().load(NDArray.vector(1, 2)));
        assertEquals(1, commits.size(), "a value loaded from outside is not reported back");
        assertFalse(w[0].getModel().canUndoProperty().get());
        robot.interact(s::close);
        assertNull(robot.listTargetWindows().stream().filter(x -> x == s).findFirst().orElse(null));
    }

    /** A (2, 3) editor as the main window opens it: shown at the default size, then made 960 × 320 for its 2 rows. */
    private MatrixEditorView openSmallEditor(FxRobot robot) {
        robot.interact(() -> {
            window = MatrixEditorWindow.open(owner, "W1", W, a -> {}, new org.backpropviz.app.i18n.Messages(Locale.ENGLISH));
            new ArrayHistory(window.getModel(), a -> {});
            window.getStage().setWidth(960);
            window.getStage().setHeight(320);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window.getView();
    }

    /**
     * The texts of the block's cells that can be seen, by row then column of the grid: cells that are showing and lie
     * inside the grid's scrolled area, not merely present in the scene graph.
     */
    private static TreeMap<Integer, TreeMap<Integer, String>> cellsInSight(FxRobot robot, MatrixEditorView view) {
        TreeMap<Integer, TreeMap<Integer, String>> out = new TreeMap<>();
        robot.interact(() -> {
            Node flow = view.cellGrid().view().lookup(".virtual-flow");
            Bounds area = flow.localToScene(flow.getLayoutBounds());
            for (Node n : robot.from(view).lookup(".spreadsheet-cell").queryAll()) {
                if (!(n instanceof TableCell<?, ?> t) || !(t.getItem() instanceof SpreadsheetCell sc)) continue;
                if (!t.isVisible() || t.getTableRow() == null || !t.getTableRow().isVisible() || t.getScene() == null) continue;
                Bounds b = t.localToScene(t.getLayoutBounds());
                boolean inside = b.getMinY() >= area.getMinY() - 1 && b.getMaxY() <= area.getMaxY() + 1
                        && b.getMinX() < area.getMaxX() && b.getMaxX() > area.getMinX() && b.getHeight() > 10;
                if (inside && t.getText() != null && !t.getText().isEmpty()) {
                    out.computeIfAbsent(sc.getRow(), r -> new TreeMap<>()).put(sc.getColumn(), t.getText());
                }
            }
        });
        return out;
    }

    /** The block shows whole rows of cells, not only its column headers. */
    private static void assertBlockShowsCells(TreeMap<Integer, TreeMap<Integer, String>> cells) {
        assertTrue(cells.size() >= 5, "rows of the block in sight: " + cells.keySet());
        for (int r = 0; r < 5; r++) {
            assertTrue(cells.containsKey(r) && cells.get(r).size() >= 3, "cells of row " + r + " in sight: " + cells.get(r));
        }
    }

    @Test
    void theShapeToolTakesASmallEditorToAHeatmapAndABlockThatShowsItsCells(FxRobot robot) {
        MatrixEditorView view = openSmallEditor(robot);
        robot.clickOn(robot.from(view).lookup(".spreadsheet-cell").nth(1).queryAs(Node.class));
        TextField shape = robot.from(view).lookup(".shape-field").queryAs(TextField.class);
        robot.doubleClickOn(shape).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("(400, 300)").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        UncaughtExceptions.check(); // was: NullPointerException in GridRowSkin.layoutChildren on the FX thread

        assertArrayEquals(new int[] {400, 300}, view.getModel().getValue().shape());
        assertTrue(view.isLarge());
        assertEquals(20, view.cellGrid().rowCount());
        assertEquals(20, view.cellGrid().columnCount());
        assertTrue(window.getStage().getHeight() >= 600, "the window grew to make room: " + window.getStage().getHeight());
        TreeMap<Integer, TreeMap<Integer, String>> cells = cellsInSight(robot, view);
        assertBlockShowsCells(cells);
        assertEquals("1.0", cells.get(0).get(0), "the old values stay at the top left");
        assertEquals("6.0", cells.get(1).get(2));
        assertEquals("0.0", cells.get(4).get(2));

        // the block is edited as the grid was
        robot.doubleClickOn(robot.from(view).lookup(".spreadsheet-cell").match((TableCell<?, ?> t) ->
                t.getItem() instanceof SpreadsheetCell sc && sc.getRow() == 3 && sc.getColumn() == 1 && t.isVisible()).queryAs(Node.class));
        robot.write("7").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7.0, view.getModel().getValue().get(3, 1));
    }

    @Test
    void pastingA2600By1000BlockIntoASmallEditorShowsTheBlocksCells(FxRobot robot) {
        MatrixEditorView view = openSmallEditor(robot);
        // row i, column j holds (i % 10) + (j % 10) / 10: 2.6 million numbers of 3 characters
        StringBuilder text = new StringBuilder(2600 * 1000 * 4);
        for (int i = 0; i < 2600; i++) {
            for (int j = 0; j < 1000; j++) {
                if (j > 0) text.append('\t');
                text.append((char) ('0' + i % 10)).append('.').append((char) ('0' + j % 10));
            }
            text.append('\n');
        }
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text.toString());
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL); // nothing selected: replaces the array
        WaitForAsyncUtils.waitForFxEvents();
        UncaughtExceptions.check();

        assertArrayEquals(new int[] {2600, 1000}, view.getModel().getValue().shape());
        assertEquals(2.3, view.getModel().getValue().get(2, 3));
        assertTrue(view.isLarge());
        TreeMap<Integer, TreeMap<Integer, String>> cells = cellsInSight(robot, view);
        assertBlockShowsCells(cells);
        assertEquals("0.0", cells.get(0).get(0));
        assertEquals("2.3", cells.get(2).get(3));
        assertEquals("4.1", cells.get(4).get(1));

        // and back: undo gives the (2, 3) array its grid again
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        UncaughtExceptions.check();
        assertEquals(W, view.getModel().getValue());
        assertFalse(view.isLarge());
        TreeMap<Integer, TreeMap<Integer, String>> small = cellsInSight(robot, view);
        assertEquals("{0={0=1.0, 1=2.0, 2=3.0}, 1={0=4.0, 1=5.0, 2=6.0}}", small.toString());
    }
}
