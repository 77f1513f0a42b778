package org.backpropviz.app.editor;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.text.Numbers;
import org.backpropviz.app.control.Theme;
import org.backpropviz.app.fx.WholeNumberSpinners;
import java.text.MessageFormat;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backpropviz.app.control.Heatmap;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;
import org.backpropviz.scenario.ArrayText;

/**
 * The editor of one array: its name and shape, a toolbar of shape tools, fills and clipboard commands, the grid
 * of its values (a {@link CellGrid}), and one line for messages. Arrays with more than {@link #GRID_LIMIT} values
 * or {@link #GRID_MAX_COLUMNS} columns
 * are shown as a {@link Heatmap} with an editable block of {@link #BLOCK} × {@link #BLOCK} cells.
 *
 * <p>All the editing goes through the {@link MatrixEditorModel} given to the constructor; the view only listens.
 */
public final class MatrixEditorView extends BorderPane {
    /** The most values the grid shows cell by cell; larger arrays get a heatmap and a block. */
    public static final int GRID_LIMIT = 100_000;
    /** The most columns the grid shows: every column costs the grid about a millisecond to build. */
    public static final int GRID_MAX_COLUMNS = 1_000;
    /** Rows and columns of the editable block of a large array. */
    public static final int BLOCK = 20;
    /** The least height of the block's grid: its column headers, five rows and a scroll bar. */
    static final double BLOCK_MIN_HEIGHT = 170;
    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REPLACE =
            new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final MatrixEditorModel model;
    private final Messages messages;
    private final CellGrid grid;
    private final Label nameLabel = new Label();
    private final Label shapeLabel = new Label();
    private final Label rankLabel = new Label();
    private final TextField shapeField = new TextField();
    private final TextField stdField = new TextField();
    private final Spinner<Integer> classes = new Spinner<>(2, 1000, 10);
    private final Label message = new Label();
    private final Label readout = new Label();
    private HBox labelTools;
    private HBox header;
    private final Heatmap heatmap;
    private final Label largeMessage = new Label();
    private final Label blockLabel = new Label();
    private final Label legend = new Label();
    private final Spinner<Integer> blockRow = new Spinner<>(0, 0, 0, BLOCK);
    private final Spinner<Integer> blockCol = new Spinner<>(0, 0, 0, BLOCK);
    private final Node largePane;
    private final VBox blockBox = new VBox(6);
    private final HBox blockTools;
    private final ReadOnlyBooleanWrapper large = new ReadOnlyBooleanWrapper(this, "large");
    private boolean movingBlock;

    public MatrixEditorView(MatrixEditorModel model) {
        this.model = model;
        this.messages = model.getMessages();
        this.heatmap = newHeatmap(messages);
        this.grid = new CellGrid(model);
        getStyleClass().add("matrix-editor");
        // a CSS hook per language: Korean needs a font with Hangul where the default has none
        getStyleClass().add("lang-" + messages.locale().getLanguage());
        Theme.apply(this, MatrixEditorView.class.getResource("editor.css"));
        header = header();
        VBox top = new VBox(4, header, shapeTools(), valueTools());
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);
        blockTools = blockTools();
        largePane = largePane();
        setBottom(bottom());
        grid.view().setContextMenu(contextMenu());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventFilter(KeyEvent.KEY_TYPED, this::onTyped);
        model.valueProperty().addListener((o, old, a) -> onValue(old, a));
        showArray(model.getValue());
    }

    /** The header: W1  (2, 3)  2-D matrix, and undo and redo (of the history the model is given). */
    private HBox header() {
        nameLabel.getStyleClass().add("editor-name");
        nameLabel.setText(model.getName());
        shapeLabel.getStyleClass().add("editor-shape");
        rankLabel.getStyleClass().add("editor-rank");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button undo = button("undo", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = button("redo", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        HBox h = new HBox(12, nameLabel, shapeLabel, rankLabel, spring, undo, redo);
        h.setAlignment(Pos.BASELINE_LEFT);
        h.getStyleClass().add("editor-header");
        return h;
    }

    /** The shape tools: the shape typed as NumPy writes it, rows and columns, (n,) ↔ (1, n), transpose, new cells. */
    private ToolBar shapeTools() {
        shapeField.setPrefColumnCount(12);
        shapeField.setPromptText(text("shape.prompt"));
        shapeField.setTooltip(tip("shape.tip"));
        shapeField.getStyleClass().add("shape-field");
        shapeField.setOnAction(e -> applyShape());
        shapeField.focusedProperty().addListener((o, was, is) -> {
            if (!is) showShapeInField();
        });
        shapeField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                showShapeInField();
                e.consume();
            }
        });
        Label shapeCaption = caption("shape.label", shapeField);
        Button toggle = button("toggle", model::toggleVectorMatrix);
        toggle.getStyleClass().add("pitfall-toggle");
        ComboBox<MatrixEditorModel.NewCells> newCells = new ComboBox<>();
        newCells.getItems().setAll(MatrixEditorModel.NewCells.values());
        newCells.valueProperty().bindBidirectional(model.newCellsProperty());
        newCells.setConverter(new StringConverter<>() {
            @Override
            public String toString(MatrixEditorModel.NewCells v) {
                return v == null ? "" : text(v == MatrixEditorModel.NewCells.ZERO ? "newCells.zero" : "newCells.random");
            }

            @Override
            public MatrixEditorModel.NewCells fromString(String s) {
                return null;
            }
        });
        newCells.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(MatrixEditorModel.NewCells item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : newCells.getConverter().toString(item));
            }
        });
        newCells.setTooltip(tip("newCells.tip"));
        stdField.setPrefColumnCount(5);
        stdField.setTooltip(tip("std.tip"));
        stdField.setText(Numbers.repr(model.randomStdProperty().get()).replaceAll("\\.0$", ""));
        stdField.setOnAction(e -> applyStd());
        stdField.focusedProperty().addListener((o, was, is) -> {
            if (!is) applyStd();
        });
        ToolBar shapeBar = new ToolBar(
                shapeCaption, shapeField,
                button("row.add", () -> atSelection(true, true)),
                button("row.remove", () -> atSelection(true, false)),
                button("col.add", () -> atSelection(false, true)),
                button("col.remove", () -> atSelection(false, false)),
                toggle,
                button("transpose", model::transpose),
                new Separator(),
                caption("newCells.label", newCells), newCells,
                caption("std.label", stdField), stdField);
        shapeBar.getStyleClass().add("shape-tools");
        return shapeBar;
    }

    /** The value tools: fills, the one-hot tools (for t), copy and paste. */
    private ToolBar valueTools() {
        classes.setEditable(true);
        refuseBadText(classes, "whole.classes");
        classes.setPrefWidth(70);
        classes.setTooltip(tip("classes.tip"));
        labelTools = new HBox(6,
                button("onehot.rows", model::fillOneHotRows),
                button("onehot.fromLabels", () -> model.oneHotFromLabels(classes.getValue())),
                caption("classes.label", classes), classes,
                button("onehot.toLabels", model::labelsFromOneHot));
        labelTools.setAlignment(Pos.CENTER_LEFT);
        labelTools.getStyleClass().add("label-tools");
        setLabelToolsVisible("t".equals(model.getName()));
        ToolBar valueBar = new ToolBar(
                button("fill.zeros", model::fillZeros),
                button("fill.random", () -> {
                    if (applyStd()) model.fillRandomNormal();
                }),
                labelTools,
                new Separator(),
                button("copy.numpy", () -> copy(true)),
                button("copy.csv", () -> copy(false)),
                button("paste", this::pasteFromClipboard),
                button("replace", this::replaceFromClipboard));
        valueBar.getStyleClass().add("value-tools");
        return valueBar;
    }

    /** The spinners that move the editable block of a large array. */
    private HBox blockTools() {
        blockRow.setEditable(true);
        blockCol.setEditable(true);
        refuseBadText(blockRow, "whole.blockRow");
        refuseBadText(blockCol, "whole.blockCol");
        blockRow.setPrefWidth(90);
        blockCol.setPrefWidth(90);
        blockRow.valueProperty().addListener((o, a, b) -> {
            if (!movingBlock && b != null) moveBlock(b, blockCol.getValue());
        });
        blockCol.valueProperty().addListener((o, a, b) -> {
            if (!movingBlock && b != null) moveBlock(blockRow.getValue(), b);
        });
        HBox tools = new HBox(6, caption("large.rows", blockRow), blockRow, caption("large.cols", blockCol), blockCol);
        tools.setAlignment(Pos.CENTER_LEFT);
        return tools;
    }

    /** What a large array gets instead of the grid: its heatmap beside the block. */
    private VBox largePane() {
        largeMessage.getStyleClass().add("large-message");
        largeMessage.setWrapText(true);
        largeMessage.setMinHeight(Region.USE_PREF_SIZE);
        legend.getStyleClass().add("heatmap-legend");
        Tooltip.install(heatmap, tip("heatmap.tip"));
        heatmap.setOnPick((r, c) -> moveBlock(r - BLOCK / 2, c - BLOCK / 2));
        VBox left = new VBox(6, heatmap, legend);
        VBox.setVgrow(grid.node(), Priority.ALWAYS);
        HBox.setHgrow(blockBox, Priority.ALWAYS);
        HBox both = new HBox(10, left, blockBox);
        VBox.setVgrow(both, Priority.ALWAYS);
        VBox largeBox = new VBox(8, largeMessage, both);
        largeBox.getStyleClass().add("large-array");
        return largeBox;
    }

    /** The bottom: the message line under the grid, and the selected cell's exact value. */
    private VBox bottom() {
        message.getStyleClass().add("editor-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        readout.getStyleClass().add("editor-readout");
        readout.setText(text("cell.hint"));
        VBox bottom = new VBox(2, message, readout);
        bottom.setPadding(new Insets(6, 0, 0, 0));
        model.errorMessageProperty().addListener((o, a, b) -> showMessage());
        model.statusMessageProperty().addListener((o, a, b) -> showMessage());
        grid.setOnSelect(rc -> showReadout(rc[0], rc[1]));
        return bottom;
    }

    /** The grid's context menu: clipboard, rows and columns, zero the selection. */
    private ContextMenu contextMenu() {
        return new ContextMenu(
                item("copy.numpy", () -> copy(true)),
                item("copy.csv", () -> copy(false)),
                item("paste", this::pasteFromClipboard),
                item("replace", this::replaceFromClipboard),
                new SeparatorMenuItem(),
                item("row.add", () -> atSelection(true, true)),
                item("row.remove", () -> atSelection(true, false)),
                item("col.add", () -> atSelection(false, true)),
                item("col.remove", () -> atSelection(false, false)),
                new SeparatorMenuItem(),
                item("menu.zero", this::zeroSelection));
    }


    // ------------------------------------------------------------------ public

    public MatrixEditorModel getModel() {
        return model;
    }

    /** Shows or hides the one-hot and label tools (shown for {@code t} by default). */
    public void setLabelToolsVisible(boolean visible) {
        labelTools.setVisible(visible);
        labelTools.setManaged(visible);
    }

    /** Pastes text as Ctrl+V does: at the selected cell, or replacing the array when nothing or everything is selected. */
    public boolean paste(String text) {
        int[] at = grid.anchor(!isLarge());
        if (at == null && isLarge()) at = new int[] {grid.firstRow(), grid.firstColumn()};
        return at == null ? model.replaceWith(text) : model.paste(text, at[0], at[1]);
    }

    /** The text Ctrl+C / Copy NumPy puts on the clipboard. */
    public String numpyText() {
        return ArrayText.toNumpy(model.getValue());
    }

    /** Gives the grid the keyboard focus (an editor just opened or moved). */
    public void focusGrid() {
        grid.view().requestFocus();
    }

    /** Adds buttons at the right end of the header (the main window's Detach and Close). */
    public void addToHeader(Node... nodes) {
        header.getChildren().addAll(nodes);
    }

    /** A button of the editor's look with a text and tooltip from its bundle ({@code key}, {@code key.tip}). */
    public Button headerButton(String key, Runnable action) {
        return button(key, action);
    }

    /** The grid (for tests and for the window to focus). */
    Node gridNode() {
        return grid.view();
    }

    CellGrid cellGrid() {
        return grid;
    }

    boolean isLarge() {
        return large.get();
    }

    /** True while the array is shown as a heatmap and a block (set once the view shows it that way). */
    public ReadOnlyBooleanProperty largeProperty() {
        return large.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ showing the array

    private void onValue(NDArray old, NDArray a) {
        boolean nowLarge = !fitsGrid(a);
        if (old == null || !old.sameShape(a) || nowLarge != isLarge()) {
            showArray(a);
            return;
        }
        updateHeader(a);
        grid.refresh(a);
        if (isLarge()) {
            heatmap.setArray(a);
            heatmap.setBlock(grid.firstRow(), grid.firstColumn(), grid.rowCount(), grid.columnCount());
            legend.setText(text("heatmap.legend", CellGrid.cellText(heatmap.scale())));
        }
        int[] rc = grid.focused();
        if (rc != null) showReadout(rc[0], rc[1]);
    }

    private void showArray(NDArray a) {
        updateHeader(a);
        if (fitsGrid(a)) {
            grid.view().setMinHeight(Region.USE_COMPUTED_SIZE);
            grid.show(a, 0, 0, a.rows(), a.cols());
            if (getCenter() != grid.node()) setCenter(grid.node());
            large.set(false);
        } else {
            largeMessage.setText(a.size() > GRID_LIMIT
                    ? text("large.message", a.shapeString(), a.size(), GRID_LIMIT, Math.min(BLOCK, a.rows()), Math.min(BLOCK, a.cols()))
                    : text("large.wide", a.shapeString(), a.cols(), GRID_MAX_COLUMNS, Math.min(BLOCK, a.rows()), Math.min(BLOCK, a.cols())));
            heatmap.setArray(a);
            legend.setText(text("heatmap.legend", CellGrid.cellText(heatmap.scale())));
            if (getCenter() != largePane) {
                blockBox.getChildren().setAll(blockTools, blockLabel, grid.node());
                setCenter(largePane);
            }
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) blockRow.getValueFactory()).setMax(Math.max(0, a.rows() - 1));
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) blockCol.getValueFactory()).setMax(Math.max(0, a.cols() - 1));
            // the block shows rows even when the window leaves it little room (it asks for more: see largeProperty)
            grid.view().setMinHeight(BLOCK_MIN_HEIGHT);
            moveBlock(Math.min(grid.firstRow(), a.rows() - 1), Math.min(grid.firstColumn(), a.cols() - 1));
            large.set(true);
        }
    }

    private static Heatmap newHeatmap(Messages messages) {
        Heatmap h = new Heatmap(messages);
        h.setBox(360, 360);
        h.setLegendVisible(false); // the editor's own legend line says more
        return h;
    }

    /** True when the grid shows the whole array; otherwise a heatmap and a block. */
    public static boolean fitsGrid(NDArray a) {
        return a.size() <= GRID_LIMIT && a.cols() <= GRID_MAX_COLUMNS;
    }

    /** Shows the block of a large array starting near (r, c). */
    private void moveBlock(int r, int c) {
        NDArray a = model.getValue();
        int nr = Math.min(BLOCK, a.rows()), nc = Math.min(BLOCK, a.cols());
        r = Math.max(0, Math.min(a.rows() - nr, r));
        c = Math.max(0, Math.min(a.cols() - nc, c));
        movingBlock = true;
        try {
            blockRow.getValueFactory().setValue(r);
            blockCol.getValueFactory().setValue(c);
        } finally {
            movingBlock = false;
        }
        grid.show(a, r, c, nr, nc);
        heatmap.setBlock(r, c, nr, nc);
        blockLabel.setText(text("large.block", Integer.toString(r), Integer.toString(r + nr - 1), Integer.toString(c), Integer.toString(c + nc - 1)));
    }

    private void updateHeader(NDArray a) {
        // k follows t: one-hot rows (n, k) → labels → one-hot gives (n, k) back; labels need at least max + 1
        if (a.rank() == 2 && a.cols() >= 2) classes.getValueFactory().setValue(Math.min(1000, a.cols()));
        else if (a.rank() == 1) classes.getValueFactory().setValue(Math.max(classes.getValue(), model.suggestedClasses()));
        shapeLabel.setText(a.shapeString());
        rankLabel.setText(text(a.rank() == 0 ? "header.rank0" : a.rank() == 1 ? "header.rank1" : "header.rank2"));
        if (!shapeField.isFocused() || !shapeField.getPseudoClassStates().contains(ERROR)) showShapeInField();
    }

    private void showShapeInField() {
        shapeField.setText(model.getValue().shapeString());
        shapeField.pseudoClassStateChanged(ERROR, false);
    }

    private void applyShape() {
        boolean ok = model.setShape(shapeField.getText());
        shapeField.pseudoClassStateChanged(ERROR, !ok);
        if (ok) showShapeInField();
    }

    private boolean applyStd() {
        try {
            double std = ArrayText.parseNumber(stdField.getText(), "std");
            if (std <= 0) throw new IllegalArgumentException();
            model.randomStdProperty().set(std);
            stdField.pseudoClassStateChanged(ERROR, false);
            return true;
        } catch (IllegalArgumentException e) {
            stdField.pseudoClassStateChanged(ERROR, true);
            showLocal(model.msg("error.std", stdField.getText().trim()), true);
            return false;
        }
    }

    private void atSelection(boolean row, boolean add) {
        int[] rc = grid.focused();
        NDArray a = model.getValue();
        if (row) {
            if (add) model.insertRow(rc == null ? a.rows() : rc[0] + 1);
            else model.removeRow(rc == null ? a.rows() - 1 : rc[0]);
        } else {
            if (add) model.insertColumn(rc == null ? a.cols() : rc[1] + 1);
            else model.removeColumn(rc == null ? a.cols() - 1 : rc[1]);
        }
    }

    /** Text typed into {@code s} that is not a whole number in its bounds is named below the grid; s keeps its value. */
    private void refuseBadText(Spinner<Integer> s, String whatKey) {
        WholeNumberSpinners.refuseBadText(s, r ->
                showLocal(model.msg("error.whole", model.msg(whatKey), r.typed(), r.min(), r.max(), r.kept()), true));
    }

    private void showMessage() {
        String err = model.getErrorMessage();
        if (!err.isEmpty()) showLocal(err, true);
        else showLocal(model.statusMessageProperty().get(), false);
    }

    private void showLocal(String text, boolean error) {
        message.setText(text);
        message.pseudoClassStateChanged(ERROR, error && !text.isEmpty());
    }

    private void showReadout(int r, int c) {
        NDArray a = model.getValue();
        if (r >= a.rows() || c >= a.cols()) return;
        readout.setText(text("cell.readout", model.getName() + model.index(r, c), Numbers.repr(a.get(r, c))));
    }

    // ------------------------------------------------------------------ keys and clipboard

    private void onKey(KeyEvent e) {
        boolean pristine = grid.isPristineEditor(e.getTarget());
        // a field, or a cell editor the user has typed into, does its own keys
        if (e.getTarget() instanceof TextInputControl && !pristine) return;
        Runnable action = null;
        if (UNDO.match(e)) action = model::undo;
        else if (REDO.match(e) || REDO_SHIFT.match(e)) action = model::redo;
        else if (COPY.match(e)) action = () -> copy(true);
        else if (PASTE.match(e)) action = this::pasteFromClipboard;
        else if (REPLACE.match(e)) action = this::replaceFromClipboard;
        else if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && !e.isShortcutDown()) {
            if (!grid.selectedCells().isEmpty() && !pristine && grid.view().getEditingCell() == null) action = this::zeroSelection;
        }
        else if (startsTyping(e) && grid.view().getEditingCell() == null) {
            e.consume(); // the KEY_TYPED that follows starts the edit with this character (see onTyped)
            return;
        }
        if (action != null) {
            if (pristine) grid.cancelEdit();
            action.run();
            e.consume();
        }
    }

    /**
     * A key that types into a selected cell: a printable character without Ctrl, Alt or Meta. On KEY_PRESSED the
     * character is not known yet, so digits, letters, signs and points count (and UNDEFINED, which is how robots
     * and input methods type).
     */
    private boolean startsTyping(KeyEvent e) {
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return false;
        if (!isInGrid(e.getTarget()) || e.getTarget() instanceof TextInputControl) return false;
        if (e.getEventType() == KeyEvent.KEY_PRESSED) {
            KeyCode k = e.getCode();
            return k == KeyCode.UNDEFINED || k.isDigitKey() || k.isLetterKey() || k == KeyCode.MINUS || k == KeyCode.SUBTRACT
                    || k == KeyCode.PERIOD || k == KeyCode.DECIMAL || k == KeyCode.PLUS || k == KeyCode.ADD;
        }
        String t = e.getCharacter();
        return t != null && t.length() == 1 && !Character.isISOControl(t.charAt(0)) && !Character.isWhitespace(t.charAt(0));
    }

    private void onTyped(KeyEvent e) {
        // an edit begun by typing takes the keys typed in it itself (see CellGrid.typedWhileStarting)
        String ch = e.getCharacter();
        if (ch != null && ch.length() == 1 && !Character.isISOControl(ch.charAt(0)) && !e.isShortcutDown() && !e.isControlDown()
                && !e.isAltDown() && !e.isMetaDown() && isInGrid(e.getTarget()) && grid.typedWhileStarting(ch)) {
            e.consume();
            return;
        }
        if (!startsTyping(e) || grid.view().getEditingCell() != null) return;
        int[] rc = grid.focused();
        if (rc == null) return;
        e.consume();
        grid.startEditWith(rc[0], rc[1], e.getCharacter());
    }

    private boolean isInGrid(Object target) {
        Node n = target instanceof Node node ? node : null;
        while (n != null && n != grid.view()) n = n.getParent();
        return n != null;
    }

    private void zeroSelection() {
        List<int[]> cells = grid.selectedCells();
        if (!cells.isEmpty()) model.setCells(cells, 0.0);
    }

    private void copy(boolean numpy) {
        NDArray a = model.getValue();
        ClipboardContent content = new ClipboardContent();
        content.putString(numpy ? ArrayText.toNumpy(a) : ArrayText.toCsv(a));
        Clipboard.getSystemClipboard().setContent(content);
        showLocal(text("status.copied", model.getName(), numpy ? "NumPy" : "CSV"), false);
    }

    private void pasteFromClipboard() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) showLocal(text("status.clipboardEmpty"), true);
        else paste(text);
    }

    private void replaceFromClipboard() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) showLocal(text("status.clipboardEmpty"), true);
        else model.replaceWith(text);
    }

    // ------------------------------------------------------------------ strings

    private String text(String key, Object... args) {
        return messages.get(key, args);
    }

    private Tooltip tip(String key) {
        Tooltip t = new Tooltip(text(key));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(text(key));
        b.setTooltip(tip(key + ".tip"));
        b.setOnAction(e -> {
            grid.commitEdit(); // a click on a tool commits the cell being typed into, like a click elsewhere
            action.run();
        });
        b.setId("editor-" + key.replace('.', '-'));
        b.setFocusTraversable(false);
        return b;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem(text(key));
        m.setOnAction(e -> {
            grid.commitEdit();
            action.run();
        });
        return m;
    }

    private Label caption(String key, Node target) {
        Label l = new Label(text(key));
        l.setLabelFor(target);
        l.getStyleClass().add("caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

}
