package org.backpropviz.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TablePosition;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backpropviz.app.diagnostics.Probe;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;
import org.backpropviz.text.Numbers;
import org.controlsfx.control.spreadsheet.GridBase;
import org.controlsfx.control.spreadsheet.GridChange;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.controlsfx.control.spreadsheet.SpreadsheetCellType;
import org.controlsfx.control.spreadsheet.SpreadsheetColumn;
import org.controlsfx.control.spreadsheet.SpreadsheetView;

/**
 * A ControlsFX {@link SpreadsheetView} showing a region of the model's array: rows {@code r0 … r0+nr-1}, columns
 * {@code c0 … c0+nc-1} (the whole array for arrays the grid can hold; a block of a large one).
 *
 * <p>A region wider than {@link #WINDOW_ABOVE} columns is shown a window of columns at a time: the grid holds only
 * the columns that fit its width, and a scroll bar under it (or the arrow keys at its edge, or a sideways wheel)
 * moves the window one column at a time, rewriting the cells' text. SpreadsheetView builds a column object, a
 * header node and every cell of every column up front, which for a (100, 784) batch took 1.6–3 s; the window
 * keeps that to the dozen columns on screen. The selection is kept in array coordinates, so a cell selected before
 * scrolling stays the paste target.
 *
 * <p>Cells hold text: a short form of the number ({@link #cellText}). A committed cell edit goes to
 * {@link MatrixEditorModel#setCell}; if the model refuses the text, the cell shows the old value again. Headers are
 * the NumPy indices of the array, from 0.
 */
final class CellGrid {
    static final double COLUMN_WIDTH = 78;
    /** Regions with more columns than this are shown a window of columns at a time. */
    static final int WINDOW_ABOVE = 60;
    /** The grid's width before it is laid out: the editor window's default width less its padding. */
    private static final double DEFAULT_WIDTH = 980;

    private final MatrixEditorModel model;
    private final SpreadsheetView view;
    private final ScrollBar columnBar = new ScrollBar();
    private final VBox node;
    private NDArray shown;
    private int r0, c0, nr, nc;
    /** The grid's columns show the region's columns {@code wc … wc+k-1}, i.e. array columns {@code c0+wc …}. */
    private int wc, k;
    /** The selected cells in array coordinates, the focused one last; kept while they are scrolled out of view. */
    private List<int[]> selection = List.of();
    private boolean updating;
    private boolean inEdit;
    private boolean shifting;
    private boolean settingBar;
    private boolean refitQueued;
    /** Sideways scrolling not yet worth a column, in pixels. */
    private double sideways;
    private Consumer<int[]> onSelect = rc -> {};

    CellGrid(MatrixEditorModel model) {
        this.model = model;
        this.view = new SpreadsheetView(new GridBase(1, 1));
        view.getStyleClass().add("matrix-grid");
        view.setFixingRowsAllowed(false);
        view.setFixingColumnsAllowed(false);
        view.setContextMenu(null);
        view.getSelectionModel().getSelectedCells().addListener((ListChangeListener<TablePosition>) c -> {
            if (shifting) return;
            selection = selectedInView();
            int[] rc = focused();
            if (rc != null) onSelect.accept(rc);
        });
        columnBar.setOrientation(Orientation.HORIZONTAL);
        columnBar.setUnitIncrement(1);
        columnBar.getStyleClass().add("column-window-bar");
        columnBar.setTooltip(new Tooltip(model.msg("grid.columnBar.tip")));
        columnBar.valueProperty().addListener((o, a, b) -> {
            if (!settingBar) scrollTo((int) Math.round(b.doubleValue()));
        });
        columnBar.setVisible(false);
        columnBar.setManaged(false);
        view.widthProperty().addListener((o, a, b) -> queueRefit());
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyAtEdge);
        view.addEventFilter(ScrollEvent.SCROLL, this::onSidewaysScroll);
        VBox.setVgrow(view, Priority.ALWAYS);
        node = new VBox(view, columnBar);
    }

    SpreadsheetView view() {
        return view;
    }

    /** The grid with its column scroll bar: what a view puts in its scene. */
    Node node() {
        return node;
    }

    /** True when the grid shows a window of the region's columns. */
    boolean isWindowed() {
        return nc > WINDOW_ABOVE;
    }

    /** The array column shown in the grid's first column. */
    int firstShownColumn() {
        return c0 + wc;
    }

    /** How many columns the grid holds (all of the region's unless {@link #isWindowed()}). */
    int shownColumnCount() {
        return k;
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
        view.setRowHeaderWidth(Math.max(36, 10 + 8 * Integer.toString(r0 + nr).length()));
        k = isWindowed() ? fit() : nc;
        wc = Math.max(0, Math.min(nc - k, wc));
        build();
        updateBar();
        if (keep != null) select(keep[0], keep[1]);
    }

    /** Builds a new grid of nr × k cells for the columns from {@code wc}. */
    private void build() {
        NDArray a = shown;
        long t0 = System.nanoTime();
        GridBase grid = new GridBase(nr, k);
        List<ObservableList<SpreadsheetCell>> rows = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) {
            List<SpreadsheetCell> row = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                row.add(SpreadsheetCellType.STRING.createCell(i, j, 1, 1, cellText(a.get(r0 + i, c0 + wc + j))));
            }
            rows.add(FXCollections.observableList(row));
        }
        grid.setRows(rows);
        List<String> rh = new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) rh.add(a.rank() == 2 ? Integer.toString(r0 + i) : "");
        grid.getRowHeaders().setAll(rh);
        grid.getColumnHeaders().setAll(columnHeaders());
        grid.addEventHandler(GridChange.GRID_CHANGE_EVENT, this::onGridChange);
        long t1 = System.nanoTime();
        updating = true;
        try {
            // fewer rows too: a row the table keeps from the larger grid would show its old cells' text (a value
            // undone showed until clicked)
            if (view.getGrid() != null && nr != view.getGrid().getRowCount()) dropUnusedRows();
            view.setGrid(grid);
        } finally {
            updating = false;
        }
        long t2 = System.nanoTime();
        setColumnWidths();
        if (Probe.GRID.on()) System.err.printf("grid: built %dx%d (%d columns built): cells %d ms, setGrid %d ms, widths %d ms%n", nr, nc, k, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    }

    /**
     * Makes the grid's table build its rows afresh at the next layout, before a grid with more rows is set.
     *
     * <p>A table keeps the rows it no longer shows (after its window is made smaller, say) among its children, with
     * the index they last had and no item. Once a grid with more rows makes such an index valid again, the next
     * layout that reaches one of those rows (setting a grid with other columns lays out every row) runs ControlsFX's
     * row skin on it, which reads the row's item without a null check: a NullPointerException in
     * {@code GridRowSkin.layoutChildren} on the FX thread, the layout pass cut short and the grid showing only its
     * header (ControlsFX issue #1468, reported since JavaFX 19; older JavaFX removed those rows from the table's
     * children whenever the row count changed, JavaFX 21 keeps them).
     * {@code TableView.refresh()} has the table drop every row it holds, shown or not, before it lays out again.
     */
    private void dropUnusedRows() {
        javafx.scene.control.TableView<?> table = innerTable(view);
        if (table != null) table.refresh();
    }

    /** The TableView inside a SpreadsheetView's skin (none before it is first shown). */
    private static javafx.scene.control.TableView<?> innerTable(javafx.scene.Parent p) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.TableView<?> t) return t;
        }
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.Parent child) {
                javafx.scene.control.TableView<?> t = innerTable(child);
                if (t != null) return t;
            }
        }
        return null;
    }

    private List<String> columnHeaders() {
        List<String> ch = new ArrayList<>(k);
        for (int j = 0; j < k; j++) ch.add(shown.rank() == 0 ? "()" : Integer.toString(c0 + wc + j));
        return ch;
    }

    /** The room for columns: the grid's width less its row headers and vertical scroll bar. */
    private double columnRoom() {
        double w = view.getWidth() > 0 ? view.getWidth() : DEFAULT_WIDTH;
        return w - view.getRowHeaderWidth() - 36; // the vertical scroll bar, borders and the header's own padding
    }

    /** How many columns of {@link #COLUMN_WIDTH} fit the grid's width. */
    private int fit() {
        return Math.max(1, Math.min(nc, (int) Math.floor(columnRoom() / COLUMN_WIDTH)));
    }

    /** A window's columns share the width exactly, so the grid never needs a scroll bar of its own. */
    private void setColumnWidths() {
        double w = isWindowed() ? Math.max(COLUMN_WIDTH, Math.floor(columnRoom() / k)) : COLUMN_WIDTH;
        for (SpreadsheetColumn col : view.getColumns()) col.setPrefWidth(w);
    }

    /** After a resize: rebuilds a window that now fits more or fewer columns (once per pulse, not mid-layout). */
    private void queueRefit() {
        if (!isWindowed() || shown == null || refitQueued) return;
        refitQueued = true;
        Platform.runLater(() -> {
            refitQueued = false;
            if (!isWindowed() || shown == null) return;
            if (fit() == k) {
                setColumnWidths();
                return;
            }
            commitEdit();
            cancelEdit();
            List<int[]> keep = selection;
            k = fit();
            wc = Math.max(0, Math.min(nc - k, wc));
            build();
            updateBar();
            reselect(keep);
        });
    }

    private void updateBar() {
        boolean windowed = isWindowed();
        settingBar = true;
        try {
            columnBar.setVisible(windowed);
            columnBar.setManaged(windowed);
            columnBar.setMin(0);
            columnBar.setMax(Math.max(0, nc - k));
            // the thumb's share of the track is k / nc, as the window's share of the columns
            columnBar.setVisibleAmount(nc > k ? (double) k * (nc - k) / nc : 1);
            columnBar.setBlockIncrement(Math.max(1, k - 1));
            columnBar.setValue(wc);
        } finally {
            settingBar = false;
        }
    }

    /**
     * Moves the window so that its first column is the region's column {@code first} (clamped), rewriting the text
     * of the grid's cells and headers; the selection stays on the same array cells.
     */
    void scrollTo(int first) {
        if (!isWindowed()) return;
        first = Math.max(0, Math.min(nc - k, first));
        if (first == wc) {
            updateBar();
            return;
        }
        commitEdit(); // a cell being typed into keeps its text, as a click elsewhere would commit it
        cancelEdit();
        List<int[]> keep = selection;
        wc = first;
        ObservableList<ObservableList<SpreadsheetCell>> rows = view.getGrid().getRows();
        for (int i = 0; i < nr; i++) {
            ObservableList<SpreadsheetCell> row = rows.get(i);
            for (int j = 0; j < k; j++) row.get(j).setItem(cellText(shown.get(r0 + i, c0 + wc + j)));
        }
        view.getGrid().getColumnHeaders().setAll(columnHeaders());
        updateBar();
        reselect(keep);
    }

    /** Selects, in the view, the cells of {@code cells} (array coordinates) that the window shows; keeps all of them. */
    private void reselect(List<int[]> cells) {
        shifting = true;
        try {
            view.getSelectionModel().clearSelection();
            for (int[] rc : cells) {
                int i = rc[0] - r0, j = rc[1] - c0 - wc;
                if (i >= 0 && i < nr && j >= 0 && j < k) view.getSelectionModel().select(i, view.getColumns().get(j));
            }
        } finally {
            shifting = false;
        }
        selection = cells;
    }

    /** Right at the window's last column (Left at its first) moves the window instead of stopping. */
    private void onKeyAtEdge(KeyEvent e) {
        if (!isWindowed() || view.getEditingCell() != null || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) return;
        int[] rc = focusedInView();
        if (rc == null) return;
        int j = rc[1] - c0 - wc;
        if (e.getCode() == KeyCode.RIGHT && j == k - 1 && wc + k < nc) {
            select(rc[0], rc[1] + 1);
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT && j == 0 && wc > 0) {
            select(rc[0], rc[1] - 1);
            e.consume();
        }
    }

    /** A sideways wheel or trackpad movement (or Shift + wheel) moves the window. */
    private void onSidewaysScroll(ScrollEvent e) {
        if (!isWindowed()) return;
        double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.isShiftDown() ? e.getDeltaY() : 0;
        if (d == 0) return;
        e.consume();
        // a wheel notch (40 px) moves one column; a trackpad's many small movements add up to the same
        if (Math.signum(d) != Math.signum(sideways)) sideways = 0; // a change of direction starts afresh
        sideways += d;
        int columns = (int) (sideways / (COLUMN_WIDTH / 2));
        if (columns == 0) return;
        sideways -= columns * (COLUMN_WIDTH / 2);
        scrollTo(wc - columns);
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
            for (int j = 0; j < k; j++) {
                double v = a.get(r0 + i, c0 + wc + j);
                if (old.get(r0 + i, c0 + wc + j) != v) row.get(j).setItem(cellText(v));
            }
        }
        if (Probe.GRID.on()) System.err.printf("grid: refreshed %dx%d: %d ms%n", nr, nc, (System.nanoTime() - t0) / 1_000_000);
    }

    private void onGridChange(GridChange change) {
        if (updating) return;
        int i = change.getRow(), j = change.getColumn();
        int row = r0 + i, col = c0 + wc + j;
        Object text = change.getNewValue();
        boolean ok;
        inEdit = true;
        try {
            ok = model.setCell(row, col, text == null ? "" : text.toString());
        } finally {
            inEdit = false;
        }
        // accepted: the model's listener normalises the text ("2" → "2.0"); refused: show the old value again
        String want = cellText(model.getValue().get(row, col));
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
                select(row, col);
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
        if (row < 0 || col < 0 || row >= nr || col >= k) return false;
        return cellText(model.getValue().get(r0 + row, c0 + wc + col)).equals(t.getText());
    }

    /**
     * Starts editing the cell at (row, column) of the array with {@code typed} as its text, caret at the end.
     * SpreadsheetView itself starts an edit on the first key typed on a selected cell but drops that key
     * ("42" became "2"), so the view routes typing on a selected cell here.
     */
    void startEditWith(int row, int col, String typed) {
        int i = row - r0, j = col - c0 - wc;
        if (i < 0 || i >= nr || col - c0 < 0 || col - c0 >= nc) return;
        if (j < 0 || j >= k) {
            select(row, col);
            j = col - c0 - wc;
        }
        StringBuilder keys = new StringBuilder(typed);
        starting = keys;
        typingInto = null;
        view.edit(view.getViewRow(i), view.getColumns().get(j));
        // the editor fills in the cell's text and selects it when it gains focus: replace that afterwards, with the
        // keys typed meanwhile (see typedWhileStarting)
        Platform.runLater(() -> {
            starting = null;
            view.getEditor(SpreadsheetCellType.STRING).ifPresent(ed -> {
                if (ed.getEditor() instanceof javafx.scene.control.TextInputControl t && view.getEditingCell() != null) {
                    t.setText(keys.toString());
                    t.end();
                    t.deselect();
                    typingInto = t;
                    typingAt = view.getEditingCell();
                }
            });
        });
    }

    /** The keys typed since {@link #startEditWith} began an edit whose editor has not taken them yet; else null. */
    private StringBuilder starting;
    /** The editor of the edit {@link #startEditWith} began, once it holds the first keys; null when none is open. */
    private javafx.scene.control.TextInputControl typingInto;
    private TablePosition<?, ?> typingAt;

    /**
     * Takes a character typed during an edit that typing began, for that edit's editor: kept until the editor holds
     * the first keys, then written at its caret. The editor's own handling of keys is not waited for: in a window just
     * opened it dropped a key or two typed within milliseconds of the first (a fast "1e400" became 1400, with no
     * word), and SpreadsheetView alone drops the first key of all (it turned "42" into "2").
     *
     * @return true when the character was taken (the caller consumes its event)
     */
    boolean typedWhileStarting(String character) {
        if (character == null || character.isEmpty()) return false;
        if (starting != null) {
            starting.append(character);
            return true;
        }
        if (typingInto == null) return false;
        TablePosition<?, ?> now = view.getEditingCell();
        if (now == null || typingInto.getScene() == null || typingAt == null || now.getRow() != typingAt.getRow()
                || now.getColumn() != typingAt.getColumn()) { // that edit is over
            typingInto = null;
            return false;
        }
        typingInto.replaceSelection(character);
        return true;
    }

    /** Drops the cell being edited, if any, keeping the cell's value. */
    void cancelEdit() {
        TablePosition<?, ?> p = view.getEditingCell();
        if (p != null && p.getTableView() != null) p.getTableView().edit(-1, null);
    }

    /** {row, column} of the array at the focused (else last selected) cell, or null when nothing is selected. */
    int[] focused() {
        int[] rc = focusedInView();
        if (rc != null) return rc;
        return selection.isEmpty() ? null : selection.get(selection.size() - 1);
    }

    /** The focused cell as the view shows it, or null when the view has no selection (e.g. it is scrolled out). */
    private int[] focusedInView() {
        TablePosition<?, ?> p = view.getSelectionModel().getFocusedCell();
        ObservableList<TablePosition> sel = view.getSelectionModel().getSelectedCells();
        if (sel.isEmpty()) return null;
        if (p == null || p.getRow() < 0 || p.getColumn() < 0) p = sel.get(sel.size() - 1);
        int row = view.getModelRow(p.getRow());
        int col = view.getModelColumn(p.getColumn());
        if (row < 0 || col < 0 || row >= nr || col >= k) return null;
        return new int[] {r0 + row, c0 + wc + col};
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

    /** The selected cells as {row, column} of the array (with those scrolled out of a window of columns). */
    List<int[]> selectedCells() {
        return new ArrayList<>(selection);
    }

    private List<int[]> selectedInView() {
        List<int[]> out = new ArrayList<>();
        for (TablePosition<?, ?> p : view.getSelectionModel().getSelectedCells()) {
            int row = view.getModelRow(p.getRow()), col = view.getModelColumn(p.getColumn());
            if (row >= 0 && col >= 0 && row < nr && col < k) out.add(new int[] {r0 + row, c0 + wc + col});
        }
        int[] focus = focusedInView(); // last, where focused() looks for it when it is scrolled out
        if (focus != null && out.removeIf(rc -> rc[0] == focus[0] && rc[1] == focus[1])) out.add(focus);
        return List.copyOf(out);
    }

    /** Selects the cell of the array at (row, column), clamped to the region, moving a window of columns to it. */
    void select(int row, int col) {
        if (nr == 0 || nc == 0 || view.getColumns().isEmpty()) return;
        int i = Math.max(0, Math.min(nr - 1, row - r0));
        int j = Math.max(0, Math.min(nc - 1, col - c0));
        if (j < wc) scrollTo(j);
        else if (j >= wc + k) scrollTo(j - k + 1);
        view.getSelectionModel().clearAndSelect(i, view.getColumns().get(j - wc));
    }

    void clearSelection() {
        view.getSelectionModel().clearSelection();
    }

    /**
     * A short text for a cell, in NumPy's style ({@link Numbers}): Python's repr when it is short, else the
     * significant digits that fit nine characters ({@code 0.01235}, {@code 1.235e+20}).
     */
    static String cellText(double v) {
        String s = Shapes.number(v);
        if (s.length() <= 9) return s;
        double a = Math.abs(v);
        if (a >= 1000 && a < 1e9) return Long.toString(Math.round(v)) + ".0";
        if (a >= 1e-4 && a < 1000) { // fast path, no BigDecimal: 78,400 cells of a batch in milliseconds
            int e = (int) Math.floor(Math.log10(a));
            int dec = 3 - e; // 1 … 7 digits after the point
            long scaled = Math.round(a * POW10[dec]);
            StringBuilder digits = new StringBuilder(Long.toString(scaled));
            while (digits.length() <= dec) digits.insert(0, '0');
            digits.insert(digits.length() - dec, '.');
            return (v < 0 ? "-" : "") + stripZeros(digits.toString());
        }
        return Numbers.fit(v, 9);
    }

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

    /** "0.01230" → "0.0123", "2.000" → "2.0" (a loop, not a regex: it runs for every cell of a grid). */
    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end++;
        return s.substring(0, end);
    }
}
