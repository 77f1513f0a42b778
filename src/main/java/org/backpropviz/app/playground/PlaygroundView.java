package org.backpropviz.app.playground;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.control.Theme;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.backpropviz.app.fx.WholeNumberSpinners;
import org.backpropviz.app.view.Disposer;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;

/** The matrix-product playground: A and B as NumPy text, their shapes, {@code np.dot(A, B)} cell by cell. */
public final class PlaygroundView extends VBox {
    static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    static final PseudoClass HIGHLIGHT = PseudoClass.getPseudoClass("highlight");
    static final PseudoClass WALK = PseudoClass.getPseudoClass("walk");
    /** Grids show at most this many rows and columns. */
    private static final int MAX_CELLS = 12;

    private final PlaygroundModel model;
    private final Messages text;
    private final TextField aText = new TextField();
    private final TextField bText = new TextField();
    private final HBox shapes = new HBox();
    private final Label message = new Label();
    private final Label inputError = new Label();
    private final Label note = new Label();
    private final Label hint = new Label();
    private final HBox product = new HBox(10);
    private final Label sum = new Label();
    private final Label cellText = new Label();
    private final Button walk = new Button();
    private final Map<Integer, Label> aCells = new HashMap<>(), bCells = new HashMap<>(), resultCells = new HashMap<>();
    private Timeline walkTimeline;
    /** The listeners on the window-long model, removed by {@link #dispose()}. */
    private final Disposer listeners = new Disposer();

    public PlaygroundView(PlaygroundModel model, Messages text) {
        this.text = text;
        this.model = model;
        getStyleClass().addAll("learn-view", "pg-view");
        // a CSS hook per language: Korean needs a font with Hangul where the default has none
        getStyleClass().add("lang-" + (text.locale().getLanguage()));
        Theme.apply(this, PlaygroundView.class.getResource("playground.css"));
        setSpacing(8);

        Label intro = new Label(text.get("intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("pg-intro");

        HBox editors = new HBox(12, editor("A", aText, "pg-a", model::setA), editor("B", bText, "pg-b", model::setB));
        HBox.setHgrow(editors.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(editors.getChildren().get(1), Priority.ALWAYS);

        styleLabels();
        getChildren().addAll(intro, editors, buttons(), inputError, shapes, message, hint, note, productArea());

        listeners.listen(model.aProperty(), (o, was, now) -> aText.setText(Shapes.toNumpyText(now)));
        listeners.listen(model.bProperty(), (o, was, now) -> bText.setText(Shapes.toNumpyText(now)));
        aText.setText(Shapes.toNumpyText(model.aProperty().get()));
        bText.setText(Shapes.toNumpyText(model.bProperty().get()));
        listeners.listen(model.productProperty(), (o, was, now) -> showProduct(now));
        listeners.listen(model.selectedProperty(), (o, was, now) -> showSelection(now.intValue()));
        if (model.productProperty().get() != null) showProduct(model.productProperty().get());
        showSelection(-1);
    }

    /** Swap, transpose, the batch demo with its row count, and reset. */
    private HBox buttons() {
        Button swap = button("pg-swap", "swap", model::swap);
        Button ta = button("pg-transpose-a", "transposeA", model::transposeA);
        Button tb = button("pg-transpose-b", "transposeB", model::transposeB);
        Spinner<Integer> batchN = new Spinner<>(2, 64, 4);
        batchN.setId("pg-batch-n");
        batchN.setEditable(true);
        WholeNumberSpinners.refuseBadText(batchN, r -> model.refuseBatchRows(r.typed(), r.min(), r.max(), r.kept()));
        batchN.setPrefWidth(80);
        batchN.setTooltip(new Tooltip(text.get("batchN.tip")));
        Button batch = button("pg-batch", "batch", () -> model.batchDemo(batchN.getValue()));
        Button reset = button("pg-reset", "reset", model::resetLesson);
        HBox buttons = new HBox(8, swap, ta, tb, new Label(text.get("batchN")), batchN, batch, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    /** Ids and styles of the lines under the editors: input error, shapes, message, fix hint, note. */
    private void styleLabels() {
        inputError.setId("pg-input-error");
        inputError.getStyleClass().add("pg-input-error");
        inputError.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.get(model.inputErrorProperty().get()), model.inputErrorProperty()));
        inputError.managedProperty().bind(inputError.textProperty().isNotEmpty());
        shapes.setId("pg-shapes");
        shapes.getStyleClass().add("pg-shapes");
        shapes.setAlignment(Pos.CENTER_LEFT);
        message.setId("pg-message");
        message.getStyleClass().add("pg-message");
        message.setWrapText(true);
        hint.setId("pg-hint");
        hint.getStyleClass().add("pg-hint");
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        note.setId("pg-note");
        note.getStyleClass().add("pg-note");
        note.setWrapText(true);
        note.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.get(model.noteProperty().get()), model.noteProperty()));
        note.managedProperty().bind(note.textProperty().isNotEmpty());
    }

    /** The product drawn cell by cell, with the walk button and the selected cell's sum, in a scroll pane. */
    private ScrollPane productArea() {
        product.setId("pg-product");
        product.setAlignment(Pos.CENTER_LEFT);
        product.getStyleClass().add("pg-product");
        VBox productBox = new VBox(10, product);
        ScrollPane scroll = new ScrollPane(productBox);
        scroll.getStyleClass().add("pg-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        sum.setId("pg-sum");
        sum.getStyleClass().add("pg-sum");
        sum.setWrapText(true);
        walk.setId("pg-walk");
        walk.setText(text.get("walk"));
        walk.setTooltip(new Tooltip(text.get("walk.tip")));
        walk.setOnAction(e -> startWalk());
        HBox sumRow = new HBox(10, walk, sum);
        sumRow.setAlignment(Pos.CENTER_LEFT);
        cellText.setId("pg-cell-text");
        cellText.getStyleClass().add("pg-cell-text");
        cellText.setWrapText(true);
        cellText.managedProperty().bind(cellText.textProperty().isNotEmpty());
        VBox selection = new VBox(4, cellText, sumRow);
        selection.setPadding(new javafx.geometry.Insets(0, 8, 8, 8));
        productBox.getChildren().add(selection);
        return scroll;
    }

    /**
     * Detaches this view from the model (which lives as long as the window): called when the view is replaced, as on
     * a language switch. A disposed view no longer follows the model.
     */
    public void dispose() {
        stopWalk();
        listeners.dispose();
        inputError.textProperty().unbind();
        note.textProperty().unbind();
    }

    private VBox editor(String name, TextField field, String id, java.util.function.Predicate<String> apply) {
        field.setId(id + "-text");
        field.setTooltip(new Tooltip(text.get("edit.tip", name)));
        field.setOnAction(e -> apply.test(field.getText()));
        Button ok = new Button(text.get("apply"));
        ok.setId(id + "-apply");
        ok.setTooltip(new Tooltip(text.get("apply.tip", name)));
        ok.setOnAction(e -> apply.test(field.getText()));
        HBox.setHgrow(field, Priority.ALWAYS);
        Label label = new Label(name + " =");
        label.getStyleClass().add("pg-name");
        HBox row = new HBox(6, label, field, ok);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(text.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(text.get(key + ".tip")));
        b.setOnAction(e -> action.run());
        return b;
    }

    // ------------------------------------------------------------------ showing a product

    private void showProduct(PlaygroundModel.Product p) {
        stopWalk();
        boolean summed = p.ok() && p.a().rank() > 0 && p.b().rank() > 0;
        shapes.getChildren().setAll(shapeNodes(p.a().shape(), p.ok() ? (summed ? p.a().rank() - 1 : -1) : p.mismatchAxisA(), p.ok()));
        shapes.getChildren().add(piece(" · "));
        shapes.getChildren().addAll(shapeNodes(p.b().shape(), p.ok() ? (summed ? 0 : -1) : p.mismatchAxisB(), p.ok()));
        shapes.getChildren().add(piece(" → "));
        if (p.ok()) shapes.getChildren().addAll(shapeNodes(p.result().shape(), -1, true));
        else shapes.getChildren().add(piece("?"));
        shapes.pseudoClassStateChanged(MISMATCH, !p.ok());
        message.pseudoClassStateChanged(MISMATCH, !p.ok());
        if (!p.ok()) {
            StringBuilder fixes = new StringBuilder();
            for (PlaygroundModel.Fix f : p.fixes()) {
                if (fixes.length() > 0) fixes.append(text.get("fix.or"));
                fixes.append(text.get("fix." + f.name().toLowerCase(Locale.ROOT)));
            }
            hint.setText(fixes.length() == 0 ? "" : text.get("fix", fixes));
            message.setText(p.error());
        } else {
            hint.setText("");
            message.setText(summed
                    ? text.get("ok.summed", PlaygroundModel.shapesLine(p), p.a().dim(p.a().rank() - 1))
                    : text.get("ok", PlaygroundModel.shapesLine(p)));
        }

        aCells.clear();
        bCells.clear();
        resultCells.clear();
        boolean bColumn = p.b().rank() == 1;
        Node ga = grid(p.a(), false, aCells, false, p.mismatchAxisA());
        Node gb = grid(p.b(), bColumn, bCells, false, p.mismatchAxisB());
        product.getChildren().setAll(captioned(ga, "A", p.a()), operator("·"), captioned(gb, "B", p.b()), operator("="));
        if (p.ok()) {
            boolean resultColumn = p.a().rank() == 2 && p.b().rank() == 1;
            product.getChildren().add(captioned(grid(p.result(), resultColumn, resultCells, true, -1), "np.dot(A, B)", p.result()));
        } else {
            Label q = new Label("?");
            q.getStyleClass().add("pg-operator");
            q.pseudoClassStateChanged(MISMATCH, true);
            product.getChildren().add(q);
        }
        showSelection(model.selectedProperty().get());
    }

    private static Label piece(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("pg-shape-piece");
        return l;
    }

    /** {@code (2, 3)} as pieces, the dimension at {@code markAxis} marked as summed over (ok) or as a mismatch. */
    static List<Label> shapeNodes(int[] shape, int markAxis, boolean ok) {
        List<Label> out = new java.util.ArrayList<>();
        out.add(piece("("));
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) out.add(piece(", "));
            Label d = piece(Integer.toString(shape[i]));
            d.getStyleClass().add("pg-dim");
            d.pseudoClassStateChanged(ok ? HIGHLIGHT : MISMATCH, i == markAxis);
            out.add(d);
        }
        out.add(piece(shape.length == 1 ? ",)" : ")"));
        return out;
    }

    private static Label operator(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("pg-operator");
        return l;
    }

    private static VBox captioned(Node grid, String name, NDArray a) {
        Label caption = new Label(name + "  " + a.shapeString());
        caption.getStyleClass().add("pg-caption");
        VBox box = new VBox(4, caption, grid);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * The array's cells with NumPy's indices beside them (from 0: columns above, rows on the left, a vector's
     * elements along it); a vector drawn as a column when {@code column}; {@code markAxis} outlines a mismatched axis.
     */
    private GridPane grid(NDArray a, boolean column, Map<Integer, Label> cells, boolean clickable, int markAxis) {
        GridPane g = new GridPane();
        g.getStyleClass().add("pg-grid");
        g.pseudoClassStateChanged(MISMATCH, markAxis >= 0);
        int rows = a.rank() == 2 ? a.rows() : 1, cols = a.rank() == 0 ? 1 : a.cols();
        boolean down = column && a.rank() == 1; // a vector drawn as a column: its indices on the left
        int top = a.rank() == 0 || down ? 0 : 1, left = a.rank() == 2 || down ? 1 : 0;
        if (top == 1) {
            for (int c = 0; c < Math.min(cols, MAX_CELLS); c++) g.add(index(c, "pg-column-index"), c + left, 0);
        }
        if (left == 1) {
            int n = down ? cols : rows;
            for (int r = 0; r < Math.min(n, MAX_CELLS); r++) g.add(index(r, "pg-row-index"), 0, r + top);
        }
        for (int r = 0; r < Math.min(rows, MAX_CELLS); r++) {
            for (int c = 0; c < Math.min(cols, MAX_CELLS); c++) {
                int flat = r * cols + c;
                Label cell = new Label(format(a.flat(flat)));
                cell.getStyleClass().add("pg-cell");
                cell.setTooltip(new Tooltip(Shapes.number(a.flat(flat))));
                if (clickable) {
                    cell.getStyleClass().add("pg-result-cell");
                    cell.setOnMouseClicked(e -> model.select(model.selectedProperty().get() == flat ? -1 : flat));
                }
                cells.put(flat, cell);
                if (down) g.add(cell, left, c + top);
                else g.add(cell, c + left, r + top);
            }
        }
        if (rows > MAX_CELLS || cols > MAX_CELLS) {
            Label more = new Label(text.get("more", a.shapeString()));
            more.getStyleClass().add("pg-more");
            g.add(more, left, Math.min(down ? cols : rows, MAX_CELLS) + top, Math.min(down ? 1 : cols, MAX_CELLS), 1);
        }
        return g;
    }

    /** An index beside the cells, as NumPy counts: from 0. */
    private static Label index(int i, String styleClass) {
        Label l = new Label(Integer.toString(i));
        l.getStyleClass().addAll("pg-index", styleClass);
        return l;
    }

    static String format(double v) {
        return org.backpropviz.text.Numbers.fit(v, 10); // NumPy's style, as every view writes numbers
    }

    // ------------------------------------------------------------------ selection and the walk-through

    private void showSelection(int cell) {
        stopWalk();
        clear(aCells, HIGHLIGHT);
        clear(bCells, HIGHLIGHT);
        clear(resultCells, HIGHLIGHT);
        PlaygroundModel.Product p = model.productProperty().get();
        walk.setDisable(cell < 0);
        cellText.setText(text.get(model.cellDescription(cell)));
        if (p == null || !p.ok() || cell < 0) {
            sum.setText(p != null && p.ok() ? text.get("pick") : "");
            return;
        }
        setState(resultCells, cell, HIGHLIGHT, true);
        for (PlaygroundModel.Term t : PlaygroundModel.terms(p.a(), p.b(), cell)) {
            setState(aCells, t.aIndex(), HIGHLIGHT, true);
            setState(bCells, t.bIndex(), HIGHLIGHT, true);
        }
        sum.setText(model.sumOfProducts(cell));
    }

    private void startWalk() {
        int cell = model.selectedProperty().get();
        PlaygroundModel.Product p = model.productProperty().get();
        if (cell < 0 || p == null || !p.ok()) return;
        stopWalk();
        List<PlaygroundModel.Term> terms = PlaygroundModel.terms(p.a(), p.b(), cell);
        walkTimeline = new Timeline();
        double[] partial = new double[1];
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            PlaygroundModel.Term t = terms.get(i);
            walkTimeline.getKeyFrames().add(new KeyFrame(Duration.millis(700.0 * i), e -> {
                clear(aCells, WALK);
                clear(bCells, WALK);
                setState(aCells, t.aIndex(), WALK, true);
                setState(bCells, t.bIndex(), WALK, true);
                double av = p.a().flat(t.aIndex()), bv = p.b().flat(t.bIndex());
                partial[0] += av * bv;
                if (shown.length() > 0) shown.append(" + ");
                shown.append(format(av)).append(" × ").append(format(bv));
                sum.setText(shown + "  = " + format(partial[0]) + " …");
            }));
        }
        walkTimeline.getKeyFrames().add(new KeyFrame(Duration.millis(700.0 * terms.size()), e -> {
            clear(aCells, WALK);
            clear(bCells, WALK);
            sum.setText(model.sumOfProducts(cell));
        }));
        walkTimeline.play();
    }

    private void stopWalk() {
        if (walkTimeline != null) walkTimeline.stop();
        walkTimeline = null;
        clear(aCells, WALK);
        clear(bCells, WALK);
    }

    private static void clear(Map<Integer, Label> cells, PseudoClass pc) {
        for (Label l : cells.values()) l.pseudoClassStateChanged(pc, false);
    }

    private static void setState(Map<Integer, Label> cells, int idx, PseudoClass pc, boolean on) {
        Label l = cells.get(idx);
        if (l != null) l.pseudoClassStateChanged(pc, on);
    }
}
