package org.backpropviz.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.control.ShapeBox;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.Mismatch;
import org.backpropviz.app.model.NetGraph.Node;
import org.backpropviz.app.model.QuickFix;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.Operand;
import org.backpropviz.engine.Trace;

/**
 * The callout shown when the engine reports a NumPy error in the snapshot shown: where it happened, the failing
 * expression, NumPy's message verbatim, the operands drawn as boxes with the disagreeing dimensions marked, a
 * one-line cause, and the quick fixes that make sense as buttons.
 */
public class CalloutView extends VBox {
    private final GraphViewModel model;
    private final Messages text;
    private final Label title = new Label();
    private final Label expression = new Label();
    private final Label message = new Label();
    private final Label npLabel = new Label();
    private final HBox shapes = new HBox(18);
    private final Label cause = new Label();
    private final FlowPane fixes = new FlowPane(8, 6);
    private EngineError shown;

    public CalloutView(GraphViewModel model, Messages text, Disposer disposer) {
        this.model = model;
        this.text = text;
        setId("callout");
        getStyleClass().add("callout");
        getStylesheets().add(CalloutView.class.getResource("callout.css").toExternalForm());
        title.getStyleClass().add("callout-title");
        expression.setId("callout-expression");
        expression.getStyleClass().add("callout-expression");
        message.setId("callout-message");
        message.getStyleClass().add("callout-message");
        message.setWrapText(true);
        shapes.setId("callout-shapes");
        shapes.setAlignment(Pos.CENTER);
        shapes.setMinWidth(USE_PREF_SIZE);
        shapes.getStyleClass().add("callout-shapes");
        cause.setId("callout-cause");
        cause.getStyleClass().add("callout-cause");
        cause.setWrapText(true);
        fixes.setId("callout-fixes");
        fixes.getStyleClass().add("callout-fixes");
        npLabel.setText(text.get("callout.numpySays"));
        npLabel.getStyleClass().add("callout-caption");
        npLabel.setMinWidth(USE_PREF_SIZE);
        VBox words = new VBox(3, title, expression, new HBox(6, npLabel, message), cause, fixes);
        HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(24, words, shapes);
        getChildren().add(row);
        setMaxHeight(USE_PREF_SIZE);
        disposer.listen(model.traceProperty(), (o, a, b) -> show(b));
        show(model.getTrace());
    }

    private void show(Trace t) {
        EngineError e = t == null ? null : t.error().orElse(null);
        setVisible(e != null);
        setManaged(e != null);
        if (e == null) shown = null;
        if (e == null || e.equals(shown)) return;
        shown = e;
        // a result over the engine's limit is the engine's refusal, not NumPy's error
        title.setText(text.get(e.isLimitError() ? "callout.limitTitle" : "callout.title", org.backpropviz.app.model.NetGraph.of(t.network()).node(e.node()).title(),
                text.get("phase." + e.phase().id())));
        npLabel.setText(text.get(e.isLimitError() ? "callout.limitSays" : "callout.numpySays"));
        expression.setText(e.expression());
        message.setText(e.message());
        Mismatch m = Mismatch.of(e);
        List<javafx.scene.Node> boxes = new ArrayList<>();
        for (int i = 0; i < e.operands().size(); i++) {
            Operand op = e.operands().get(i);
            boxes.add(new ShapeBox(op.name(), op.shape(), m.badAxis(i)));
        }
        shapes.getChildren().setAll(boxes);
        Object[] args = m.causeArgs().stream()
                .map(a -> a instanceof String s && s.startsWith("@") ? text.get(s.substring(1))
                        : a instanceof Mismatch.Owned o ? text.get("operand.owned", o.layer(), o.name()) : a).toArray();
        cause.setText(text.get(m.causeKey(), args));
        fixes.getChildren().clear();
        List<QuickFix> offered = QuickFix.forError(model.getScenario(), e);
        if (!offered.isEmpty()) {
            Label tryLabel = new Label(text.get("callout.tryFix"));
            tryLabel.getStyleClass().add("callout-caption");
            fixes.getChildren().add(tryLabel);
        }
        for (QuickFix f : offered) {
            Button b = new Button(text.get(f.messageKey(), f.args().toArray()));
            b.setId("fix-" + f.id());
            b.getStyleClass().add("fix-button");
            b.setFocusTraversable(false);
            b.setOnAction(ev -> model.applyFix(f));
            fixes.getChildren().add(b);
        }
    }
}
