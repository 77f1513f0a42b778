package org.backpropviz.app.view;

import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.control.MatrixView;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.engine.EngineWarning;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Trace;

/**
 * One node of the graph: its name and operation, then micrograd's {@code data | grad} at matrix level — its
 * value and, once the backward pass has reached it, its gradient, each with its shape. States reach CSS as
 * pseudo-classes: {@code :computed}, {@code :mismatch}, {@code :warning}, {@code :selected}.
 */
public class NodeView extends VBox {
    static final PseudoClass COMPUTED = PseudoClass.getPseudoClass("computed");
    static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass GRAD = PseudoClass.getPseudoClass("grad");

    private final Node node;
    private final Messages text;
    private final MatrixView value;
    private final MatrixView grad;
    private final Label valueShape = new Label();
    private final Label gradShape = new Label();
    private final Label warning = new Label();
    private final Tooltip warningTip = new Tooltip();

    public NodeView(Node node, Messages text) {
        this.node = node;
        this.text = text;
        value = new MatrixView(text);
        grad = new MatrixView(text);
        setId("node-" + node.id());
        getStyleClass().addAll("graph-node", node.isOp() ? "op-node" : "data-node");
        Label title = new Label(node.title());
        title.getStyleClass().add("node-title");
        title.setMinWidth(USE_PREF_SIZE);
        HBox head = new HBox(6, title);
        head.getStyleClass().add("node-head");
        if (node.op() != null) {
            Label op = new Label(node.op());
            op.getStyleClass().add("node-op");
            head.getChildren().add(op);
        } else {
            Label role = new Label(text.get("node.role." + roleKey(node)));
            role.getStyleClass().add("node-role");
            head.getChildren().add(role);
        }
        value.setId("value-" + node.id());
        grad.setId("grad-" + node.id());
        valueShape.setId("value-shape-" + node.id());
        gradShape.setId("grad-shape-" + node.id());
        value.placeholderProperty().set(text.get("node.notComputed"));
        for (MatrixView m : new MatrixView[] {value, grad}) m.reshapedFormatProperty().set(text.get("matrix.reshaped", "{0}", "{1}"));
        grad.placeholderProperty().set(node.hasNoGrad() ? text.get("node.noGrad." + node.id(), node.noGradArgs()) : text.get("node.gradNotYet"));
        double w = node.isOp() ? 154 : 146;
        value.setHeatmapSize(w, 60);
        grad.setHeatmapSize(w, 60);
        grad.pseudoClassStateChanged(GRAD, true);
        value.setCompact(true); // up to 6 x 6 numbers, as everywhere; compact ones fit the node
        grad.setCompact(true);
        warning.getStyleClass().add("node-warning");
        warning.setWrapText(true);
        warning.setVisible(false);
        warning.setManaged(false);
        warning.setTooltip(warningTip);
        getChildren().addAll(head, row("node.value", valueShape), value, row("node.grad", gradShape), grad, warning);
    }

    /** The bundle key of a data node's role: every Wk says "weights" as W1 does, every bk "bias". */
    private static String roleKey(Node node) {
        return switch (node.param().orElseThrow().role()) {
            case X -> "x";
            case W -> "W1";
            case B -> "b1";
            case T -> "t";
        };
    }

    private HBox row(String key, Label shape) {
        Label caption = new Label(text.get(key));
        caption.getStyleClass().add("row-caption");
        shape.getStyleClass().add("shape-label");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(4, caption, gap, shape);
        row.getStyleClass().add("node-row");
        return row;
    }

    public Node node() {
        return node;
    }

    /** Shows the node as it is in snapshot {@code t}. */
    public void show(Trace t) {
        Optional<NDArray> v = node.value(t);
        Optional<NDArray> g = node.grad(t);
        value.setArray(v.orElse(null));
        grad.setArray(g.orElse(null));
        valueShape.setText(v.map(NDArray::shapeString).orElse("—"));
        gradShape.setText(g.map(NDArray::shapeString).orElse("—"));
        pseudoClassStateChanged(COMPUTED, v.isPresent() && node.isOp());
        pseudoClassStateChanged(MISMATCH, t.error().map(e -> e.node().equals(node.id())).orElse(false));
        List<EngineWarning> ws = t.warnings().stream().filter(w -> w.node().equals(node.id()) || aboutMe(w)).toList();
        pseudoClassStateChanged(WARNING, !ws.isEmpty());
        warning.setVisible(!ws.isEmpty());
        warning.setManaged(!ws.isEmpty());
        if (!ws.isEmpty()) {
            String all = String.join("\n", ws.stream().map(w -> WarningText.of(text, w)).toList());
            warning.setText("⚠ " + text.get("warning.short." + ws.get(0).kind().name()));
            warningTip.setText(all);
        }
    }

    /** A gradient-shape warning is also shown on the parameter it is about. */
    private boolean aboutMe(EngineWarning w) {
        return w.kind() == EngineWarning.Kind.GRAD_SHAPE && w.args().size() > 2 && w.args().get(2).equals(node.id());
    }

    public void setSelected(boolean on) {
        pseudoClassStateChanged(SELECTED, on);
    }

    public MatrixView valueView() {
        return value;
    }

    public MatrixView gradView() {
        return grad;
    }
}
