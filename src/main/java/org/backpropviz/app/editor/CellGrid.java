package org.backpropviz.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TablePosition;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;
import org.controlsfx.control.spreadsheet.GridBase;
import org.controlsfx.control.spreadsheet.GridChange;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.controlsfx.control.spreadsheet.SpreadsheetCellType;
import org.controlsfx.control.spreadsheet.SpreadsheetColumn;
import org.controlsfx.control.spreadsheet.SpreadsheetView;

/**
 * A ControlsFX {@link SpreadsheetView} showing a window of the model's array: rows {@code r0 … r0+nr-1}, columns
 * {@code c0 … c0+nc-1} (the whole array for arrays the grid can hold; a block of a large one).
 *
 * <p>Cells hold text: a short form of the number ({@link #cellText}). A committed cell edit goes to
 * {@link MatrixEditorModel#setCell}; if the model refuses the text, the cell shows the old value again. Headers are
 * the NumPy indices of the array, from 0.
 */
final class CellGrid {
    static final double COLUMN_WIDTH = 78;
    private static final boolean PROFILE = Boolean.getBoolean("editor.profile");

    private final MatrixEditorModel model;
    private final SpreadsheetView view;
    private NDArray shown;
    private int r0, c0, nr, nc;
    private boolean updating;
    private boolean inEdit;
    private Consumer<int[]> onSelect = rc -> {};

    CellGrid(MatrixEditorModel model) {
        this.model = model;
        this.view = new SpreadsheetView(new GridBase(1, 1));
        view.getStyleClass().add("matrix-grid");
        view.setFixingRowsAllowed(false);
        view.setFixingColumnsAllowed(false);
        view.setContextMenu(null);
        view.getSelectionModel().getSelectedCells().addListener((ListChangeListener<TablePosition>) c -> {
            int[] rc = focused();
            if (rc != null) onSelect.accept(rc);
        });
    }

    SpreadsheetView view() {
        return view;
    }

    /** Called with {row, column} of the array when the selection moves. */
    void setOnSelect(Consumer<int[]> onSelect) {
        this.onSelect = onSelect;
    }

    int firstRow() {
        return r0;
    }

    int firstColumn() {
        return c0;
    }

    int rowCount() {
        return nr;
    }

    int columnCount() {
        return nc;
    }

    /** Builds a new grid for the window of {@code a} starting at (r0, c0) with nr × nc cells. */
    void show(NDArray a, int r0, int c0, int nr, int nc) {
        if (!inEdit) cancelEdit();
        int[] keep = focused();
        this.shown = a;
        this.r0 = r0;
        this.c0 = c0;
        this.nr = nr;
        this.nc = nc;
        long t0 = System.nanoTime();
        GridBase grid = new GridBase(nr, nc);
        List<ObservableList<SpreadsheetCell>> rows = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) {
            List<SpreadsheetCell> row = new ArrayList<>(nc);
            for (int j = 0; j < nc; j++) {
                row.add(SpreadsheetCellType.STRING.createCell(i, j, 1, 1, cellText(a.get(r0 + i, c0 + j))));
            }
            rows.add(FXCollections.observableList(row));
        }
        grid.setRows(rows);
        List<String> rh = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) rh.add(a.rank() == 2 ? Integer.toString(r0 + i) : "");
        grid.getRowHeaders().setAll(rh);
        List<String> ch = new ArrayList<>(nc);
        for (int j = 0; j < nc; j++) ch.add(a.rank() == 0 ? "()" : Integer.toString(c0 + j));
        grid.getColumnHeaders().setAll(ch);
        grid.addEventHandler(GridChange.GRID_CHANGE_EVENT, this::onGridChange);
        long t1 = System.nanoTime();
        updating = true;
        try {
            view.setGrid(grid);
        } finally {
            updating = false;
        }
        long t2 = System.nanoTime();
        for (SpreadsheetColumn col : view.getColumns()) col.setPrefWidth(COLUMN_WIDTH);
        if (PROFILE) System.out.printf("PROFILE grid %dx%d: cells %d ms, setGrid %d ms, widths %d ms%n", nr, nc, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        view.setRowHeaderWidth(Math.max(36, 10 + 8 * Integer.toString(r0 + nr).length()));
        if (keep != null) select(keep[0], keep[1]);
    }

    /** Shows {@code a}, which has the shape of the shown array, changing only the cells whose value changed. */
    void refresh(NDArray a) {
        if (!inEdit) cancelEdit(); // an editor opened before the change would commit stale text later
        long t0 = System.nanoTime();
        NDArray old = shown;
        shown = a;
        // set the items directly: no change events, no conversion; 78,400 cells take well under a rebuild's time
        ObservableList<ObservableList<SpreadsheetCell>> rows = view.getGrid().getRows();
        for (int i = 0; i < nr; i++) {
            ObservableList<SpreadsheetCell> row = rows.get(i);
            for (int j = 0; j < nc; j++) {
                double v = a.get(r0 + i, c0 + j);
                if (old.get(r0 + i, c0 + j) != v) row.get(j).setItem(cellText(v));
            }
        }
        if (PROFILE) System.out.printf("PROFILE refresh %dx%d: %d ms%n", nr, nc, (System.nanoTime() - t0) / 1_000_000);
    }

    private void onGridChange(GridChange change) {
        if (updating) return;
        int i = change.getRow(), j = change.getColumn();
        Object text = change.getNewValue();
        boolean ok;
        inEdit = true;
        try {
            ok = model.setCell(r0 + i, c0 + j, text == null ? "" : text.toString());
        } finally {
            inEdit = false;
        }
        // accepted: the model's listener normalises the text ("2" → "2.0"); refused: show the old value again
        String want = cellText(model.getValue().get(r0 + i, c0 + j));
        if (!ok || !want.equals(text)) {
            updating = true;
            try {
                view.getGrid().setCellValue(i, j, want);
            } finally {
                updating = false;
            }
        }
        if (!ok) {
            // Enter has moved on to the next cell: come back to the refused one, so it can be typed again
            Platform.runLater(() -> {
                cancelEdit();
                select(r0 + i, c0 + j);
            });
        }
    }

    /** Commits the cell being edited, if any, as clicking elsewhere would. */
    void commitEdit() {
        TablePosition<?, ?> p = view.getEditingCell();
        if (p != null && p.getTableView() != null) p.getTableView().requestFocus();
    }

    /**
     * True when {@code target} is the editor of a cell whose text the user has not changed (Enter opens the next
     * cell's editor at once, so shortcuts typed then are meant for the array, not for that text).
     */
    boolean isPristineEditor(Object target) {
        TablePosition<?, ?> p = view.getEditingCell();
        if (p == null || !(target instanceof javafx.scene.control.TextInputControl t)) return false;
        javafx.scene.Node n = t;
        while (n != null && n != view) n = n.getParent();
        if (n == null) return false;
        int row = view.getModelRow(p.getRow()), col = view.getModelColumn(p.getColumn());
        if (row < 0 || col < 0 || row >= nr || col >= nc) return false;
        return cellText(model.getValue().get(r0 + row, c0 + col)).equals(t.getText());
    }

    /**
     * Starts editing the cell at (row, column) of the array with {@code typed} as its text, caret at the end.
     * SpreadsheetView itself starts an edit on the first key typed on a selected cell but drops that key
     * ("42" became "2"), so the view routes typing on a selected cell here.
     */
    void startEditWith(int row, int col, String typed) {
        int i = row - r0, j = col - c0;
        if (i < 0 || j < 0 || i >= nr || j >= nc) return;
        view.edit(view.getViewRow(i), view.getColumns().get(j));
        // the editor fills in the cell's text and selects it when it gains focus: replace that afterwards
        Platform.runLater(() -> view.getEditor(SpreadsheetCellType.STRING).ifPresent(ed -> {
            if (ed.getEditor() instanceof javafx.scene.control.TextInputControl t && view.getEditingCell() != null) {
                t.setText(typed);
                t.end();
                t.deselect();
            }
        }));
    }

    /** Drops the cell being edited, if any, keeping the cell's value. */
    void cancelEdit() {
        TablePosition<?, ?> p = view.getEditingCell();
        if (p != null && p.getTableView() != null) p.getTableView().edit(-1, null);
    }

    /** {row, column} of the array at the focused (else last selected) cell, or null when nothing is selected. */
    int[] focused() {
        TablePosition<?, ?> p = view.getSelectionModel().getFocusedCell();
        ObservableList<TablePosition> sel = view.getSelectionModel().getSelectedCells();
        if (sel.isEmpty()) return null;
        if (p == null || p.getRow() < 0 || p.getColumn() < 0) p = sel.get(sel.size() - 1);
        int row = view.getModelRow(p.getRow());
        int col = view.getModelColumn(p.getColumn());
        if (row < 0 || col < 0 || row >= nr || col >= nc) return null;
        return new int[] {r0 + row, c0 + col};
    }

    /** The top-left selected cell of the array, or null when no cell or every cell of a full grid is selected. */
    int[] anchor(boolean wholeArrayShown) {
        List<int[]> cells = selectedCells();
        if (cells.isEmpty()) return null;
        if (wholeArrayShown && cells.size() == nr * nc && nr * nc > 1) return null;
        int r = Integer.MAX_VALUE, c = Integer.MAX_VALUE;
        for (int[] rc : cells) {
            r = Math.min(r, rc[0]);
            c = Math.min(c, rc[1]);
        }
        return new int[] {r, c};
    }

    /** The selected cells as {row, column} of the array. */
    List<int[]> selectedCells() {
        List<int[]> out = new ArrayList<>();
        for (TablePosition<?, ?> p : view.getSelectionModel().getSelectedCells()) {
            int row = view.getModelRow(p.getRow()), col = view.getModelColumn(p.getColumn());
            if (row >= 0 && col >= 0 && row < nr && col < nc) out.add(new int[] {r0 + row, c0 + col});
        }
        return out;
    }

    /** Selects the cell of the array at (row, column), clamped to the window. */
    void select(int row, int col) {
        int i = Math.max(0, Math.min(nr - 1, row - r0));
        int j = Math.max(0, Math.min(nc - 1, col - c0));
        if (view.getColumns().isEmpty()) return;
        view.getSelectionModel().clearAndSelect(i, view.getColumns().get(j));
    }

    void clearSelection() {
        view.getSelectionModel().clearSelection();
    }

    /** A short text for a cell: Python's repr when it is short, else 4 significant digits ({@code 0.01235}). */
    static String cellText(double v) {
        String s = Shapes.number(v);
        if (s.length() <= 9) return s;
        double a = Math.abs(v);
        if (a >= 1000 && a < 1e9) return Long.toString(Math.round(v)) + ".0";
        if (a >= 1e-4 && a < 1000) { // fast path, no String.format: 78,400 cells of a batch in milliseconds
            int e = (int) Math.floor(Math.log10(a));
            int dec = 3 - e; // 1 … 7 digits after the point
            long scaled = Math.round(a * POW10[dec]);
            StringBuilder digits = new StringBuilder(Long.toString(scaled));
            while (digits.length() <= dec) digits.insert(0, '0');
            digits.insert(digits.length() - dec, '.');
            return (v < 0 ? "-" : "") + stripZeros(digits.toString());
        }
        String g = String.format(Locale.ROOT, "%.4g", v);
        if (g.contains("e")) {
            String[] parts = g.split("e");
            return stripZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return stripZeros(g);
    }

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    private static String stripZeros(String s) {
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
