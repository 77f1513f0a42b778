package org.backpropviz.app.view;

import org.backpropviz.app.fx.WhenShown;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.control.ArrayGrid;
import org.backpropviz.app.control.Labels;
import org.backpropviz.app.control.HeatmapPictures;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.Formulas;
import org.backpropviz.app.model.Formulas.Formula;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.EngineWarning;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Trace;

/**
 * The inspector beside the graph for the selected node: its value and gradient as read-only grids (a heatmap
 * when too large), their shapes, and its formulas with the shapes filled in, each with a line of explanation.
 */
public class InspectorView extends ScrollPane {
    private final GraphViewModel model;
    private final Messages text;
    private final VBox body = new VBox(8);
    private final Label title = new Label();
    private final Label valueShape = new Label();
    private final Label gradShape = new Label();
    private final MatrixView value;
    private final MatrixView grad;
    private final ArrayGrid valueGrid = new ArrayGrid();
    private final ArrayGrid gradGrid = new ArrayGrid();
    private final VBox formulas = new VBox(6);
    private final VBox warnings = new VBox(4);

    /** The formulas' rows, kept from step to step: a step changes their texts, rarely their number. */
    private final List<FormulaRow> formulaRows = new java.util.ArrayList<>();

    private final WhenShown whenShown = new WhenShown(this::refresh);
    /** The pictures of the selected node's arrays, made on the engine worker ahead of the steps that show them. */
    private final HeatmapPictures pictures = new HeatmapPictures();

    public InspectorView(GraphViewModel model, Messages text, Disposer disposer) {
        this.model = model;
        this.text = text;
        value = new MatrixView(text);
        grad = new MatrixView(text);
        setId("inspector");
        getStyleClass().add("inspector");
        getStylesheets().add(InspectorView.class.getResource("inspector.css").toExternalForm());
        setFitToWidth(true);
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        Button close = new Button("✕");
        close.setId("inspector-close");
        close.getStyleClass().add("inspector-close");
        close.setOnAction(e -> model.selectedProperty().set(null));
        close.setFocusTraversable(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, gap, close);
        valueShape.setId("inspector-value-shape");
        gradShape.setId("inspector-grad-shape");
        value.setId("inspector-value");
        grad.setId("inspector-grad");
        for (MatrixView m : List.of(value, grad)) {
            m.maxNumberRowsProperty().set(10);
            m.maxNumberColsProperty().set(6);
            m.setHeatmapSize(260, 160);
            m.setPictures(pictures);
        }
        value.placeholderProperty().set(text.get("node.notComputed"));
        grad.placeholderProperty().set(text.get("node.gradNotYet"));
        formulas.setId("inspector-formulas");
        warnings.setId("inspector-warnings");
        body.getStyleClass().add("inspector-body");
        valueGrid.setId("inspector-value-grid");
        gradGrid.setId("inspector-grad-grid");
        body.getChildren().addAll(head, caption("inspector.value", valueShape), value, valueGrid,
                caption("inspector.grad", gradShape), grad, gradGrid,
                section("inspector.formulas"), formulas, warnings);
        setContent(body);
        disposer.listen(model.traceProperty(), (o, a, b) -> {
            if (whenShown.drawNow()) refresh();
        });
        disposer.listen(model.furthestProperty(), (o, a, b) -> {
            preparePictures();
            if (whenShown.drawNow()) refresh();
        });
        disposer.listen(model.selectedProperty(), (o, a, b) -> {
            preparePictures();
            refresh();
        });
        refresh();
    }

    /** Whether the inspector is on screen; while it is not, new traces are shown only once it shows again. */
    public javafx.beans.property.BooleanProperty shownProperty() {
        return whenShown.shownProperty();
    }

    private HBox caption(String key, Label shape) {
        Label l = Labels.of(text.get(key));
        l.getStyleClass().add("inspector-section");
        shape.getStyleClass().add("inspector-shape");
        return new HBox(8, l, shape);
    }

    private Label section(String key) {
        Label l = Labels.of(text.get(key));
        l.getStyleClass().add("inspector-section");
        return l;
    }

    /** Beside a heatmap, the numbers themselves in a scrolling grid when the array is narrow enough. */
    private static void showGrid(ArrayGrid grid, MatrixView picture, NDArray a) {
        boolean on = picture.isHeatmap() && ArrayGrid.fits(a);
        grid.setVisible(on);
        grid.setManaged(on);
        grid.setArray(on ? a : null);
    }

    /**
     * Has the engine worker make the pictures of the selected node's value and gradient in the pass computed so far,
     * before the steps that show them: a step's frame then only hands finished pixels over.
     */
    private void preparePictures() {
        String id = model.selectedProperty().get();
        Trace furthest = model.getFurthest();
        if (id == null || furthest == null || model.isFollowing()) return;
        Node node = org.backpropviz.app.model.NetGraph.of(furthest.network()).find(id).orElse(null);
        if (node == null) return;
        List<HeatmapPictures.Wanted> wanted = new java.util.ArrayList<>();
        node.value(furthest).map(value::heatmapArrayOf).ifPresent(a -> wanted.add(new HeatmapPictures.Wanted(a, value.heatmapBox())));
        node.grad(furthest).map(grad::heatmapArrayOf).ifPresent(a -> wanted.add(new HeatmapPictures.Wanted(a, grad.heatmapBox())));
        pictures.prepareOn(model::runOnWorker, wanted);
        // the worker runs in order: once it has made the pictures, the views can rehearse with them
        if (furthest != model.getTrace()) model.runOnWorker(() -> javafx.application.Platform.runLater(() -> rehearse(id, furthest)));
    }

    /**
     * Shows the selected node's arrays of the pass computed so far and at once again what the current step shows, in
     * one task (nothing is drawn in between): a view that has shown no heatmap or numbers yet makes and styles them
     * now, in a frame of its own, not in the frame of the step that reaches them (the graph rehearses its cards so).
     */
    private void rehearse(String id, Trace furthest) {
        if (!id.equals(model.selectedProperty().get()) || model.getFurthest() != furthest || !whenShown.drawNow()) return;
        Node node = org.backpropviz.app.model.NetGraph.of(furthest.network()).find(id).orElse(null);
        if (node == null) return;
        node.value(furthest).ifPresent(value::setArray);
        node.grad(furthest).ifPresent(grad::setArray);
        body.applyCss();
        body.layout();
        refresh();
        body.applyCss();
    }

    private void refresh() {
        String id = model.selectedProperty().get();
        Trace t = model.getTrace();
        if (id == null || t == null) return;
        Node node = org.backpropviz.app.model.NetGraph.of(t.network()).find(id).orElse(null);
        if (node == null) return; // a node of a network no longer shown
        title.setText(node.title() + (node.op() != null ? "   " + node.op() : ""));
        NDArray v = node.value(t).orElse(null);
        NDArray g = node.grad(t).orElse(null);
        value.setArray(v);
        grad.setArray(g);
        showGrid(valueGrid, value, v);
        showGrid(gradGrid, grad, g);
        grad.placeholderProperty().set(node.hasNoGrad() ? text.get("node.noGrad." + node.id(), node.noGradArgs()) : text.get("node.gradNotYet"));
        valueShape.setText(v == null ? "—" : v.shapeString());
        gradShape.setText(g == null ? "—" : g.shapeString());
        // shapes of the whole iteration where it got further than the shown step
        Trace shapes = model.getFurthest() != null && model.getFurthest().stepsDone() >= t.stepsDone() ? model.getFurthest() : t;
        List<Formula> fs = Formulas.of(node, shapes, t);
        while (formulaRows.size() < fs.size()) formulaRows.add(new FormulaRow());
        for (int i = 0; i < fs.size(); i++) formulaRows.get(i).show(fs.get(i));
        if (formulas.getChildren().size() != fs.size()) {
            formulas.getChildren().setAll(formulaRows.subList(0, fs.size()).stream().map(FormulaRow::box).toList());
        }
        warnings.getChildren().clear();
        for (EngineWarning w : t.warnings()) {
            if (!w.node().equals(node.id())) continue;
            Label l = Labels.of("⚠ " + WarningText.of(text, w));
            l.getStyleClass().add("inspector-warning");
            l.setWrapText(true);
            warnings.getChildren().add(l);
        }
    }

    /** One formula: its phase, the formula with the shapes filled in, and the line that explains it. */
    private final class FormulaRow {
        private final Label phase = Labels.empty();
        private final Label math = Labels.empty();
        private final Label why = Labels.empty();
        private final VBox box = new VBox(2, phase, math, why);
        private String phaseClass;

        FormulaRow() {
            phase.getStyleClass().add("formula-phase");
            math.getStyleClass().add("formula");
            math.setWrapText(true);
            why.getStyleClass().add("formula-why");
            why.setWrapText(true);
        }

        VBox box() {
            return box;
        }

        void show(Formula f) {
            phase.setText(text.get("phase." + f.phase().id()));
            String cls = "phase-" + f.phase().id();
            if (!cls.equals(phaseClass)) {
                if (phaseClass != null) phase.getStyleClass().remove(phaseClass);
                phase.getStyleClass().add(cls);
                phaseClass = cls;
            }
            math.setText(f.text());
            if (f.failed() != math.getStyleClass().contains("formula-failed")) {
                if (f.failed()) math.getStyleClass().add("formula-failed");
                else math.getStyleClass().remove("formula-failed");
            }
            why.setText(text.get(f.explainKey()));
        }
    }
}
