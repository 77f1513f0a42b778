package org.backpropviz.app.learn;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.control.Heatmap;
import org.backpropviz.text.Numbers;
import org.backpropviz.app.control.Theme;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backpropviz.engine.GradientCheck;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;

/**
 * The gradient check: per parameter the largest absolute and relative difference between backprop and the central
 * difference, a heatmap of {@code backprop - numerical} per cell (ReLU-kink cells outlined), and the known causes
 * of a disagreement when the report flags them (an h too large for the central difference among them).
 */
public final class GradientCheckView extends VBox {
    static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    /** Backprop and the central difference agree when the largest absolute difference or relative difference is below these. */
    static final double AGREE_ABS = 1e-7, AGREE_REL = 1e-4;

    private final GradientCheckModel model;
    private final Messages text;
    /** The listeners on the window-long model, removed by {@link #dispose()}. */
    private final org.backpropviz.app.view.Disposer listeners = new org.backpropviz.app.view.Disposer();
    private final GridPane table = new GridPane();
    private final VBox notes = new VBox(6);
    private final FlowPane maps = new FlowPane(16, 16);
    private final Label error = new Label();
    private final Label status = new Label();

    public GradientCheckView(GradientCheckModel model, Messages text) {
        this.text = text;
        this.model = model;
        getStyleClass().addAll("learn-view", "gc-view");
        // a CSS hook per language: Korean needs a font with Hangul where the default has none
        getStyleClass().add("lang-" + (text.locale().getLanguage()));
        Theme.apply(this, GradientCheckView.class.getResource("learn.css"));
        setSpacing(8);

        Label intro = new Label(text.get("gc.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("learn-intro");
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button run = new Button(text.get("gc.run"));
        run.setId("gradcheck-run");
        run.setDefaultButton(false);
        run.setTooltip(new Tooltip(text.get("gc.run.tip")));
        TextField h = new TextField(plain(model.hProperty().get()));
        h.setId("gradcheck-h");
        h.setPrefColumnCount(7);
        h.setTooltip(new Tooltip(text.get("gc.h.tip")));
        run.setOnAction(e -> {
            if (applyH(h)) model.run();
        });
        h.setOnAction(e -> {
            if (applyH(h)) model.run();
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        status.setId("gradcheck-status");
        status.getStyleClass().add("learn-status");
        HBox bar = new HBox(8, run, new Label(text.get("gc.h")), h, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        error.setId("gradcheck-error");
        error.getStyleClass().add("gc-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());

        Label where = new Label();
        where.setId("gradcheck-error-where");
        where.getStyleClass().add("gc-error-where");
        where.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.get(model.errorWhereProperty().get()), model.errorWhereProperty()));
        where.managedProperty().bind(where.textProperty().isNotEmpty());
        where.visibleProperty().bind(where.textProperty().isNotEmpty());
        table.setId("gradcheck-table");
        table.getStyleClass().add("gc-table");
        notes.setId("gradcheck-notes");
        maps.setId("gradcheck-maps");
        Label mapsTitle = new Label(text.get("gc.map.title"));
        mapsTitle.getStyleClass().add("train-section");
        mapsTitle.setTooltip(new Tooltip(text.get("gc.map.tip")));
        mapsTitle.visibleProperty().bind(model.reportProperty().isNotNull());
        mapsTitle.managedProperty().bind(mapsTitle.visibleProperty());
        VBox content = new VBox(10, table, notes, mapsTitle, maps);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.visibleProperty().bind(model.reportProperty().isNotNull());

        getChildren().addAll(intro, bar, error, where, scroll);
        listeners.listen(model.reportProperty(), (o, was, now) -> show(now));
        listeners.listen(model.runningProperty(), (o, was, now) -> updateStatus());
        listeners.listen(model.outdatedProperty(), (o, was, now) -> updateStatus());
        listeners.listen(model.errorProperty(), (o, was, now) -> updateStatus());
        show(model.reportProperty().get());
        updateStatus();
    }

    private boolean applyH(TextField field) {
        try {
            double v = Double.parseDouble(field.getText().trim());
            if (v > 0 && Double.isFinite(v)) {
                model.hProperty().set(v);
                field.pseudoClassStateChanged(MISMATCH, false);
                return true;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        field.pseudoClassStateChanged(MISMATCH, true);
        status.setText(text.get("gc.h.bad"));
        return false;
    }

    private void updateStatus() {
        if (model.runningProperty().get()) status.setText(text.get("gc.running"));
        else if (!model.errorProperty().get().isEmpty()) status.setText(text.get("gc.failed"));
        else if (model.reportProperty().get() == null) status.setText(text.get("gc.none"));
        else if (model.outdatedProperty().get()) status.setText(text.get("gc.outdated"));
        else status.setText(text.get("gc.done", plain(model.reportProperty().get().h())));
    }

    private void show(GradientCheck.Report r) {
        updateStatus();
        table.getChildren().clear();
        notes.getChildren().clear();
        maps.getChildren().clear();
        if (r == null) return;
        String[] head = {"gc.col.param", "gc.col.shape", "gc.col.abs", "gc.col.rel", "gc.col.verdict"};
        for (int c = 0; c < head.length; c++) {
            Label l = new Label(text.get(head[c]));
            l.getStyleClass().add("gc-head");
            table.add(l, c, 0);
        }
        int row = 1;
        int kinkCells = 0;
        StringBuilder kinkParams = new StringBuilder(), coarseParams = new StringBuilder(), fineParams = new StringBuilder();
        for (GradientCheck.ParamCheck p : r.params()) {
            boolean sameShape = p.backprop().sameShape(p.numerical());
            boolean agree = sameShape && (p.maxAbs() <= AGREE_ABS || p.maxRel() <= AGREE_REL);
            boolean kink = p.anyNearKink();
            // rounding first: its noise also makes the estimates at h and h / 10 differ, which is not curvature
            boolean fine = sameShape && !agree && p.roundingError() > AGREE_ABS; // the book's rounding error
            boolean coarse = sameShape && !agree && !fine && p.stepTooLarge(AGREE_ABS, AGREE_REL);
            Label verdict = new Label(text.get(!sameShape ? "gc.verdict.shape" : agree ? "gc.verdict.agree"
                    : coarse ? "gc.verdict.coarseH" : fine ? "gc.verdict.fineH" : kink ? "gc.verdict.kink" : "gc.verdict.disagree"));
            if (coarse || fine) {
                StringBuilder names = coarse ? coarseParams : fineParams;
                if (names.length() > 0) names.append(", ");
                names.append(p.param().label());
            }
            boolean aboutH = coarse || fine; // a warning about h, not about backprop
            if (!sameShape) {
                kink = false;
                note("gc.note.gradShape", p.param().label(), p.backprop().shapeString(), p.numerical().shapeString());
                NDArray x = model.checkedProperty().get() == null ? null : model.checkedProperty().get().x();
                if (x != null && x.rank() == 1 && (p.param() == Param.W1 || p.param() == Param.W2)) note("gc.note.gradShape.vector", p.param().label());
            }
            verdict.setId("gradcheck-verdict-" + p.param().label());
            verdict.pseudoClassStateChanged(MISMATCH, !agree && !kink && !aboutH);
            verdict.pseudoClassStateChanged(WARNING, !agree && (kink || aboutH));
            Label abs = new Label(fmt(p.maxAbs()));
            abs.setId("gradcheck-abs-" + p.param().label());
            table.addRow(row++, new Label(p.param().label()), new Label(p.numerical().shapeString()), abs,
                    new Label(sameShape ? fmt(p.maxRel()) : "—"), verdict);
            maps.getChildren().add(heatmap(p));
            if (kink) {
                for (boolean b : p.nearKink()) if (b) kinkCells++;
                if (kinkParams.length() > 0) kinkParams.append(", ");
                kinkParams.append(p.param().label());
            }
        }
        table.getChildren().forEach(n -> n.getStyleClass().add("gc-cell"));
        if (coarseParams.length() > 0) {
            note("gc.note.coarseH", coarseParams.toString(), Numbers.repr(r.h()), Numbers.repr(r.h() / 10), Numbers.repr(suggestedH(r.h())));
        }
        if (fineParams.length() > 0) note("gc.note.fineH", fineParams.toString(), Numbers.repr(r.h()));
        if (r.tinyTargetProbability()) note("gc.note.tiny", fmt(r.smallestTargetProbability()));
        if (kinkCells > 0) note("gc.note.kink", kinkCells, kinkParams.toString(), plain(r.h()));
        if (r.softTargets()) note("gc.note.soft");
        if (r.vectorTAsBatch()) note("gc.note.vectorT");
        if (notes.getChildren().isEmpty()) {
            Label ok = new Label(text.get("gc.note.none"));
            ok.getStyleClass().add("gc-note-ok");
            ok.setWrapText(true);
            notes.getChildren().add(ok);
        }
    }

    private void note(String key, Object... args) {
        Label l = new Label(text.get(key, args));
        l.setId("gradcheck-" + key.replace('.', '-'));
        l.getStyleClass().add("gc-note");
        l.setWrapText(true);
        notes.getChildren().add(l);
    }

    private VBox heatmap(GradientCheck.ParamCheck p) {
        NDArray num = p.numerical(), bp = p.backprop();
        NDArray signed;
        if (bp.sameShape(num)) {
            double[] d = new double[num.size()];
            for (int i = 0; i < d.length; i++) d[i] = bp.flat(i) - num.flat(i);
            signed = NDArray.of(num.shape(), d);
        } else {
            signed = p.difference();
        }
        Label title = new Label(p.param().label() + " " + num.shapeString());
        title.getStyleClass().add("gc-map-title");
        Heatmap map = new Heatmap(text);
        map.setId("gradcheck-map-" + p.param().label());
        map.setBox(400, 260);
        map.setArray(signed);
        map.setMarks(p.nearKink());
        Tooltip.install(title, new Tooltip(text.get("gc.map.tip")));
        VBox box = new VBox(4, title, map);
        box.setPrefWidth(Math.min(420, Math.max(220, num.size() / Math.max(1, num.rows()) * 28.0)));
        if (signed == null) {
            box.getChildren().set(1, new Label(text.get("gc.verdict.shape")));
        }
        return box;
    }

    /** The step to try instead of a too large h: the book's 1e-4, or a tenth of an h already at or below it. */
    static double suggestedH(double h) {
        return h > GradientCheck.H ? GradientCheck.H : h / 10;
    }

    /** A number as NumPy prints it: 1e-4 is {@code 0.0001}, 2.5e-05 stays {@code 2.5e-05}. */
    static String plain(double v) {
        return Numbers.repr(v);
    }

    /** A number in a table cell: NumPy's form in at most eight characters ({@code 1.23e-08}). */
    static String fmt(double v) {
        return Numbers.fit(v, 8);
    }

    /** Which parameter a heatmap id belongs to (for tests and the lead's wiring). */
    static String mapId(Param p) {
        return "gradcheck-map-" + p.label();
    }

    /**
     * Detaches this view from the model (which lives as long as the window): called when the view is replaced, as on
     * a language switch. A disposed view no longer follows the model.
     */
    public void dispose() {
        listeners.dispose();
    }
}
