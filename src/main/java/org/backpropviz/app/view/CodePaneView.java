package org.backpropviz.app.view;

import java.util.ArrayList;
import java.util.List;
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
 * <p>Each line is an {@code HBox} of the style class {@code code-line} holding the number ({@code .code-number}), the
 * code, the comment and the shapes; states are the pseudo-classes {@code :executed}, {@code :current},
 * {@code :mismatch} and {@code :backward}. NumPy's message is the label {@code #code-error}. The nodes are kept
 * from step to step (see {@link Slot}).
 */
public class CodePaneView extends VBox {
    public static final PseudoClass EXECUTED = PseudoClass.getPseudoClass("executed");
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    public static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    /**
     * On each line shown while the pane shows a backward method. On the lines, not the pane: a state of the pane would
     * restyle every node in it, the hidden slots included, at each change of phase.
     */
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
        while (slots.size() < READY_SLOTS) addSlot();
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

    /**
     * The drawn lines, one slot a row, kept from step to step: a step shows another method (or the same one further on)
     * in the same nodes, changing only texts and states. A label new to the scene costs its CSS and its skin in the
     * frame that shows it (a few milliseconds for a handful of lines), so the pane starts with {@link #READY_SLOTS}
     * hidden slots, styled while the window opens; a slot is added only when a method has more lines than that, and
     * slots past the method's end are hidden, not taken out of the scene.
     */
    private final List<Slot> slots = new ArrayList<>();
    /** More rows than any listing of a pass shows (the longest shows 10; CodePaneModelTest checks every preset). */
    public static final int READY_SLOTS = 12;

    /** One row: the "⋮" of skipped lines above it (shown or not), the line itself, and NumPy's message under it when it failed. */
    private final class Slot {
        final VBox box = new VBox();
        final Label gap = new Label("⋮");
        final HBox line = new HBox();
        final Label number = new Label();
        final Label code = new Label();
        final Label comment = new Label();
        final Region space = new Region();
        final Label shapes = new Label();
        Label error;
        String whole = "";

        Slot() {
            gap.getStyleClass().add("code-gap");
            number.getStyleClass().add("code-number");
            number.setMinWidth(Region.USE_PREF_SIZE);
            code.getStyleClass().add("code-text");
            code.setMinWidth(Region.USE_PREF_SIZE);
            comment.getStyleClass().add("code-comment");
            comment.setMinWidth(0);
            LazyTooltip.install(comment, () -> whole); // a narrow window cuts a long comment short
            HBox.setHgrow(space, Priority.ALWAYS);
            space.setMinWidth(16);
            shapes.getStyleClass().add("code-shapes");
            shapes.setMinWidth(Region.USE_PREF_SIZE);
            line.getChildren().addAll(number, code, comment, space, shapes);
            line.getStyleClass().add("code-line");
            box.getChildren().addAll(gap, line);
        }

        void show(Row r, boolean backward) {
            SourceLine s = r.line();
            show(gap, r.gap());
            number.setText(String.valueOf(s.number()));
            code.setText(s.code());
            whole = korean ? s.commentKo() : s.commentEn();
            comment.setText(whole.isEmpty() ? "" : "  # " + whole);
            show(comment, !whole.isEmpty());
            StringBuilder text = new StringBuilder();
            for (Operand v : r.variables()) {
                if (text.length() > 0) text.append("   ");
                text.append(v.name()).append(' ').append(v.shapeString());
            }
            shapes.setText(text.toString());
            show(space, !r.variables().isEmpty());
            show(shapes, !r.variables().isEmpty());
            line.pseudoClassStateChanged(CURRENT, false);
            line.pseudoClassStateChanged(EXECUTED, r.executed());
            line.pseudoClassStateChanged(MISMATCH, r.failed());
            line.pseudoClassStateChanged(BACKWARD, backward);
            if (r.error() != null) {
                if (error == null) {
                    error = new Label();
                    error.setId("code-error");
                    error.getStyleClass().add("code-error");
                    error.setWrapText(true);
                    error.setMinHeight(Region.USE_PREF_SIZE);
                    error.setMaxWidth(Double.MAX_VALUE);
                }
                error.setText(r.error());
                error.pseudoClassStateChanged(CURRENT, false);
                if (!box.getChildren().contains(error)) box.getChildren().add(error);
            } else if (error != null) {
                box.getChildren().remove(error); // only the failing line has one: #code-error is unique
            }
        }

        /** Takes NumPy's message out of the scene: {@code #code-error} belongs to the failing line shown, if any. */
        void forgetError() {
            if (error != null) box.getChildren().remove(error);
        }

        private static void show(Node n, boolean on) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    private void show(Listing l) {
        if (l == null) {
            for (Slot slot : slots) {
                Slot.show(slot.box, false);
                slot.forgetError();
            }
            title.setText("");
            source.setText("");
            hint.setText("");
            return;
        }
        title.setText(l.nodeTitle() + " · " + text.get("phase." + l.step().phase().id()));
        source.setText(sourceTitle(text, l.layer().source().title()));
        hint.setText(l.ran() ? "" : text.get("code.hint", l.nodeTitle()));
        List<Row> rows = l.rows();
        while (slots.size() < rows.size()) addSlot();
        Node current = null, scrollTarget = null;
        for (int i = 0; i < rows.size(); i++) {
            Slot slot = slots.get(i);
            slot.show(rows.get(i), l.step().phase() == org.backpropviz.engine.Phase.BACKWARD);
            if (rows.get(i).executed()) {
                current = slot.line;
                scrollTarget = slot.box;
            }
            if (rows.get(i).error() != null) {
                current = slot.error;
                scrollTarget = slot.box;
            }
        }
        for (int i = 0; i < slots.size(); i++) Slot.show(slots.get(i).box, i < rows.size());
        for (int i = rows.size(); i < slots.size(); i++) slots.get(i).forgetError();
        if (current != null) {
            current.pseudoClassStateChanged(CURRENT, true);
            Node target = scrollTarget;
            Platform.runLater(() -> scrollTo(target));
        }
    }

    /** A new slot at the end of the pane, hidden until a listing shows it. */
    private void addSlot() {
        Slot slot = new Slot();
        Slot.show(slot.box, false);
        slots.add(slot);
        lines.getChildren().add(slot.box);
    }

    /** Scrolls so that {@code n} is in view (once laid out). */
    private void scrollTo(Node n) {
        if (n.getParent() != lines || !n.isVisible()) return; // hidden meanwhile
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
