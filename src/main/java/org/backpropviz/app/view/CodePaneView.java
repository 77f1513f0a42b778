package org.backpropviz.app.view;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.fx.LazyTooltip;
import org.backpropviz.app.model.CodePaneModel;
import org.backpropviz.app.model.CodePaneModel.Listing;
import org.backpropviz.app.model.CodePaneModel.Row;
import org.backpropviz.engine.Operand;
import org.backpropviz.engine.SourceLine;

/**
 * The book's code beside the graph: the current layer's Python method as the lesson prints it, line numbers, the
 * lines the current step executed highlighted with their variables' shapes, and on a mismatch the failing line red
 * with NumPy's message under it. Comments are the lesson's Korean ones when the window is in Korean.
 *
 * <p>Each line is an {@code HBox} with the id {@code code-line-<number>} holding the number, the code, the comment and
 * the shapes; states are the pseudo-classes {@code :executed}, {@code :current} and {@code :mismatch}. NumPy's
 * message is the label {@code #code-error}.
 */
public class CodePaneView extends VBox {
    public static final PseudoClass EXECUTED = PseudoClass.getPseudoClass("executed");
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    public static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    /** On the pane while it shows a backward method. */
    public static final PseudoClass BACKWARD = PseudoClass.getPseudoClass("backward");

    private final CodePaneModel model;
    private final Messages text;
    private final boolean korean;
    private final Label title = new Label();
    private final Label source = new Label();
    private final Label hint = new Label();
    private final VBox lines = new VBox();
    private final ScrollPane scroll = new ScrollPane(lines);

    public CodePaneView(CodePaneModel model, Messages text, Disposer disposer) {
        this.model = model;
        this.text = text;
        this.korean = "ko".equals(text.locale().getLanguage());
        setId("code-pane");
        getStyleClass().addAll("code-pane", "lang-" + text.locale().getLanguage());
        getStylesheets().add(CodePaneView.class.getResource("code-pane.css").toExternalForm());
        title.setId("code-title");
        title.getStyleClass().add("code-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        source.setId("code-source");
        source.getStyleClass().add("code-source");
        source.setMinWidth(0);
        hint.setId("code-hint");
        hint.getStyleClass().add("code-hint");
        hint.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, title, source, gap, hint);
        head.getStyleClass().add("code-head");
        lines.getStyleClass().add("code-lines");
        scroll.getStyleClass().add("code-scroll");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, scroll);
        setMinHeight(0);
        disposer.listen(model.listingProperty(), (o, a, b) -> show(b));
        show(model.getListing());
    }

    public CodePaneModel model() {
        return model;
    }

    /**
     * The engine's title of a listing, {@code "Affine (the lesson, §5.6.2)"}, in the window's language: the layer's
     * name stays, where it comes from (the lesson, the book, the book's repository) is translated.
     */
    static String sourceTitle(Messages text, String title) {
        java.util.regex.Matcher m = SOURCE_TITLE.matcher(title);
        if (!m.matches()) return title;
        String origin = switch (m.group(2)) {
            case "the lesson" -> "code.source.lesson";
            case "the book" -> "code.source.book";
            case "the book's repository" -> "code.source.repository";
            default -> null;
        };
        return origin == null ? title : text.get(origin, m.group(1), m.group(3));
    }

    /** {@code NAME (ORIGIN, PLACE)}, as the engine titles its listings. */
    private static final java.util.regex.Pattern SOURCE_TITLE = java.util.regex.Pattern.compile("(\\S+) \\(([^,]+), (.+)\\)");

    private void show(Listing l) {
        lines.getChildren().clear();
        if (l == null) {
            pseudoClassStateChanged(BACKWARD, false);
            title.setText("");
            source.setText("");
            hint.setText("");
            return;
        }
        title.setText(l.nodeTitle() + " · " + text.get("phase." + l.step().phase().id()));
        source.setText(sourceTitle(text, l.layer().source().title()));
        hint.setText(l.ran() ? "" : text.get("code.hint", l.nodeTitle()));
        pseudoClassStateChanged(BACKWARD, l.step().phase() == org.backpropviz.engine.Phase.BACKWARD);
        Node current = null;
        for (Row r : l.rows()) {
            HBox line = line(r);
            if (r.gap()) lines.getChildren().add(gapLine());
            lines.getChildren().add(line);
            if (r.executed()) current = line;
            if (r.error() != null) {
                Label error = new Label(r.error());
                error.setId("code-error");
                error.getStyleClass().add("code-error");
                error.setWrapText(true);
                error.setMinHeight(Region.USE_PREF_SIZE);
                error.setMaxWidth(Double.MAX_VALUE);
                lines.getChildren().add(error);
                current = error;
            }
        }
        if (current != null) {
            Node target = current;
            target.pseudoClassStateChanged(CURRENT, true);
            Platform.runLater(() -> scrollTo(target));
        }
    }

    private HBox line(Row r) {
        SourceLine s = r.line();
        Label number = new Label(String.valueOf(s.number()));
        number.getStyleClass().add("code-number");
        number.setMinWidth(Region.USE_PREF_SIZE);
        Label code = new Label(s.code());
        code.getStyleClass().add("code-text");
        code.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(number, code);
        String comment = korean ? s.commentKo() : s.commentEn();
        if (!comment.isEmpty()) {
            Label c = new Label("  # " + comment);
            c.getStyleClass().add("code-comment");
            c.setMinWidth(0);
            String whole = comment;
            LazyTooltip.install(c, () -> whole); // a narrow window cuts a long comment short
            box.getChildren().add(c);
        }
        if (!r.variables().isEmpty()) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            gap.setMinWidth(16);
            StringBuilder shapes = new StringBuilder();
            for (Operand v : r.variables()) {
                if (shapes.length() > 0) shapes.append("   ");
                shapes.append(v.name()).append(' ').append(v.shapeString());
            }
            Label sh = new Label(shapes.toString());
            sh.getStyleClass().add("code-shapes");
            sh.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().addAll(gap, sh);
        }
        box.setId("code-line-" + s.number());
        box.getStyleClass().add("code-line");
        box.pseudoClassStateChanged(EXECUTED, r.executed());
        box.pseudoClassStateChanged(MISMATCH, r.failed());
        return box;
    }

    private Label gapLine() {
        Label l = new Label("⋮");
        l.getStyleClass().add("code-gap");
        return l;
    }

    /** Scrolls so that {@code n} is in view (once laid out). */
    private void scrollTo(Node n) {
        if (n.getParent() != lines) return; // replaced meanwhile
        double contentHeight = lines.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) return;
        Bounds b = n.getBoundsInParent();
        double top = scroll.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() >= top && b.getMaxY() <= top + viewport) return;
        double y = Math.max(0, b.getMinY() - viewport / 3);
        scroll.setVvalue(Math.min(1, y / (contentHeight - viewport)));
    }
}
