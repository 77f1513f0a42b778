package org.backpropviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's model without a window: every command, its refusals and the history. */
class MatrixEditorModelTest {
    private static final NDArray W = NDArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

    private MatrixEditorModel model;
    private final List<NDArray> commits = new ArrayList<>();
    private final List<MatrixEditorModel.Edit> edits = new ArrayList<>();

    @BeforeEach
    void setUp() {
        model = new MatrixEditorModel("W1", W, new org.backpropviz.app.i18n.Messages(Locale.ENGLISH));
        model.setRandom(new Random(42));
        model.setOnCommit(e -> {
            commits.add(e.value());
            edits.add(e);
        });
    }

    private void assertValue(int[] shape, double... flat) {
        assertArrayEquals(shape, model.getValue().shape(), "shape " + model.getValue().shapeString());
        assertArrayEquals(flat, model.getValue().toFlatArray(), 1e-12);
    }

    @Test
    void setCellCommitsANewArrayAndReportsIt() {
        assertTrue(model.setCell(1, 2, "-0.5"));
        assertValue(new int[] {2, 3}, 1, 2, 3, 4, 5, -0.5);
        assertEquals(List.of(model.getValue()), commits);
        assertEquals("", model.getErrorMessage());
        assertEquals(6.0, W.get(1, 2), "the initial array is never modified");
    }

    @Test
    void badCellTextIsRefusedAndTheOldValueKept() {
        assertFalse(model.setCell(0, 1, "abc"));
        assertValue(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertEquals("W1[0, 1]: \"abc\" is not a number \u2014 kept 2.0", model.getErrorMessage());
        assertFalse(model.setCell(0, 1, "nan"));
        assertTrue(model.getErrorMessage().contains("only finite numbers"), model.getErrorMessage());
        assertFalse(model.setCell(0, 1, "inf"));
        assertFalse(model.setCell(0, 1, ""));
        assertValue(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertTrue(commits.isEmpty());
        assertFalse(model.canUndoProperty().get());
        assertTrue(model.setCell(0, 1, "7"));
        assertEquals("", model.getErrorMessage(), "a good edit clears the message");
    }

    @Test
    void shapeOfTheSameSizeReshapesOtherSizesKeepTheOverlap() {
        assertTrue(model.setShape("(3, 2)"));
        assertValue(new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        assertTrue(model.setShape("(2, 4)"));
        assertValue(new int[] {2, 4}, 1, 2, 0, 0, 3, 4, 0, 0);
        assertTrue(model.setShape("(3,)"));
        assertValue(new int[] {3}, 1, 2, 0);
        assertFalse(model.setShape("(2, 3, 4)"));
        assertFalse(model.setShape("(0, 3)"));
        assertFalse(model.setShape("(3000, 3000)"));
        assertTrue(model.getErrorMessage().contains("9000000"), model.getErrorMessage());
        assertValue(new int[] {3}, 1, 2, 0);
    }

    @Test
    void newCellsCanBeRandom() {
        model.newCellsProperty().set(MatrixEditorModel.NewCells.RANDOM);
        model.randomStdProperty().set(0.01);
        assertTrue(model.addColumn());
        NDArray a = model.getValue();
        assertArrayEquals(new int[] {2, 4}, a.shape());
        assertNotEquals(0.0, a.get(0, 3));
        assertTrue(Math.abs(a.get(0, 3)) < 0.1);
        assertEquals(3.0, a.get(0, 2));
    }

    @Test
    void rowsAndColumnsAreAddedAndRemovedWhereAsked() {
        assertTrue(model.insertRow(1));
        assertValue(new int[] {3, 3}, 1, 2, 3, 0, 0, 0, 4, 5, 6);
        assertTrue(model.removeRow(0));
        assertValue(new int[] {2, 3}, 0, 0, 0, 4, 5, 6);
        assertTrue(model.removeColumn(1));
        assertValue(new int[] {2, 2}, 0, 0, 4, 6);
        assertTrue(model.insertColumn(0));
        assertValue(new int[] {2, 3}, 0, 0, 0, 0, 4, 6);
        assertTrue(model.removeRow());
        assertFalse(model.removeRow(), "the last row stays");
        assertTrue(model.getErrorMessage().contains("at least one row"), model.getErrorMessage());
    }

    @Test
    void aVectorHasNoRowsButGrowsByElements() {
        model.load(NDArray.vector(1, 2));
        assertFalse(model.addRow());
        assertTrue(model.getErrorMessage().contains("(1, n)"), model.getErrorMessage());
        assertTrue(model.addColumn());
        assertValue(new int[] {3}, 1, 2, 0);
    }

    @Test
    void toggleSwitchesVectorAndRowMatrix() {
        model.load(NDArray.vector(1, 2, 3));
        assertTrue(model.toggleVectorMatrix());
        assertValue(new int[] {1, 3}, 1, 2, 3);
        assertTrue(model.toggleVectorMatrix());
        assertValue(new int[] {3}, 1, 2, 3);
        model.load(W);
        assertFalse(model.toggleVectorMatrix());
        assertEquals("Only a (1, n) row or an (n, 1) column becomes a 1-D vector; this is (2, 3)", model.getErrorMessage());
    }

    @Test
    void fillsAndTranspose() {
        assertTrue(model.transpose());
        assertValue(new int[] {3, 2}, 1, 4, 2, 5, 3, 6);
        assertTrue(model.fillZeros());
        assertValue(new int[] {3, 2}, 0, 0, 0, 0, 0, 0);
        assertTrue(model.fillRandomNormal(0.01));
        double sum2 = 0;
        for (double v : model.getValue().toFlatArray()) {
            assertNotEquals(0.0, v);
            sum2 += v * v;
        }
        assertTrue(Math.sqrt(sum2 / 6) < 0.05);
        assertFalse(model.fillRandomNormal(-1));
        model.load(NDArray.vector(1, 2));
        assertFalse(model.transpose(), "a 1-D array is its own transpose");
        assertTrue(model.getErrorMessage().contains("a.T of (2,) is still (2,)"), model.getErrorMessage());
    }

    @Test
    void labelsAndOneHotRows() {
        model.load(NDArray.vector(2, 0, 1));
        assertEquals(3, model.suggestedClasses());
        assertTrue(model.oneHotFromLabels(3));
        assertValue(new int[] {3, 3}, 0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertTrue(model.labelsFromOneHot());
        assertValue(new int[] {3}, 2, 0, 1);
        assertFalse(model.oneHotFromLabels(2), "label 2 needs 3 classes");
        assertEquals("W1[0] = 2.0 is not a class label from 0 to 1", model.getErrorMessage());
        model.load(NDArray.matrix(new double[][] {{0, 1}, {0.5, 0.5}}));
        assertFalse(model.labelsFromOneHot());
        assertEquals("W1[1] is not one-hot (exactly one 1, the rest 0)", model.getErrorMessage());
        assertTrue(model.fillOneHotRows());
        for (double[] row : model.getValue().toRows()) assertEquals(1.0, row[0] + row[1]);
    }

    @Test
    void pasteAtACellReplacesOrRefuses() {
        assertTrue(model.paste("[[7, 8]]", 1, 1));
        assertValue(new int[] {2, 3}, 1, 2, 3, 4, 7, 8);
        assertFalse(model.paste("1\t2\n3\t4", 1, 1));
        assertEquals("Paste refused: a 2 \u00d7 2 block does not fit at [1, 1] of a (2, 3) array (room for 1 \u00d7 2)."
                + " Select another cell, or use Replace to replace the whole array.", model.getErrorMessage());
        assertFalse(model.paste("1, x", 0, 0));
        assertEquals("Paste refused: row 0, column 1: \"x\" is not a number", model.getErrorMessage());
        assertValue(new int[] {2, 3}, 1, 2, 3, 4, 7, 8);
        // nothing selected: the pasted array replaces the whole array, shape and all
        assertTrue(model.paste("np.array([[1., 2.], [3., 4.]])", -1, -1));
        assertValue(new int[] {2, 2}, 1, 2, 3, 4);
        // same 2-D shape at any cell: values replaced, rank kept
        model.load(NDArray.vector(0, 0, 0));
        assertTrue(model.paste("1\t2\t3", 0, 0));
        assertValue(new int[] {3}, 1, 2, 3);
        assertTrue(model.replaceWith("[[1, 2, 3]]"));
        assertValue(new int[] {1, 3}, 1, 2, 3);
    }

    @Test
    void everyEditIsNamedForTheScenariosHistory() {
        model.setCell(0, 0, "10");
        model.setShape("(3, 3)");
        model.insertRow(1);
        model.transpose();
        model.fillZeros();
        model.replaceWith("[1, 2]");
        model.paste("5", 0, 1);
        List<String> names = edits.stream().map(e -> e.key() + " " + e.args()).toList();
        assertEquals(List.of("change.editCell [W1, [0, 0]]", "change.reshape [W1, (3, 3)]", "change.insertRow [W1, 1]",
                "change.transpose [W1]", "change.fillZeros [W1]", "change.replace [W1]", "change.paste [W1]"), names);
        assertEquals(commits.get(commits.size() - 1), model.getValue());
    }

    @Test
    void undoAndRedoGoToTheHistoryGivenAndTheModelKeepsNone() {
        model.setCell(0, 0, "10");
        assertFalse(model.canUndoProperty().get(), "no history given: nothing to undo");
        assertFalse(model.undo());
        assertEquals(10.0, model.getValue().get(0, 0), "the model has no history of its own");
        // a history as the window gives one: it restores the array by loading it
        java.util.Deque<NDArray> past = new java.util.ArrayDeque<>(List.of(W));
        javafx.beans.property.SimpleBooleanProperty can = new javafx.beans.property.SimpleBooleanProperty(true);
        List<String> asked = new ArrayList<>();
        model.setHistory(new MatrixEditorModel.History() {
            @Override
            public boolean undo() {
                asked.add("undo");
                model.load(past.pop());
                can.set(!past.isEmpty());
                return true;
            }

            @Override
            public boolean redo() {
                asked.add("redo");
                return false;
            }

            @Override
            public javafx.beans.value.ObservableBooleanValue canUndo() {
                return can;
            }

            @Override
            public javafx.beans.value.ObservableBooleanValue canRedo() {
                return new javafx.beans.property.SimpleBooleanProperty(false);
            }
        });
        assertTrue(model.canUndoProperty().get());
        int before = commits.size();
        assertTrue(model.undo());
        assertSame(W, model.getValue());
        assertFalse(model.canUndoProperty().get(), "follows the history's flag");
        assertFalse(model.redo());
        assertEquals(List.of("undo", "redo"), asked);
        assertEquals(before, commits.size(), "a loaded value is not reported as an edit");
    }

    @Test
    void refusedOrUnchangedEditsLeaveNoHistory() {
        model.setCell(0, 0, "1");
        model.setShape("(2, 3)");
        model.setShape("bad");
        assertTrue(commits.isEmpty());
    }

    @Test
    void koreanMessages() {
        MatrixEditorModel ko = new MatrixEditorModel("t", NDArray.vector(1, 2), new org.backpropviz.app.i18n.Messages(Locale.KOREAN));
        assertFalse(ko.setCell(0, 1, "abc"));
        assertEquals("t[1]: \"abc\"은(는) 숫자가 아닙니다 \u2014 이전 값 2.0을(를) 유지합니다", ko.getErrorMessage());
        assertFalse(ko.paste("1,2\n3", -1, -1));
        assertEquals("붙여넣기 거부: 1행에는 수가 1개, 0행에는 2개 있습니다", ko.getErrorMessage());
    }
}
