package org.backpropviz.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import org.backpropviz.engine.EngineError;
import org.backpropviz.engine.Execution;
import org.backpropviz.engine.Layer;
import org.backpropviz.engine.Operand;
import org.backpropviz.engine.Phase;
import org.backpropviz.engine.SourceLine;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;

/**
 * What the code pane shows for the graph's current snapshot: the Python method of the layer whose step just ran
 * ({@code forward} while stepping forward, {@code backward} while stepping back), the lines that step executed with
 * their variables' shapes, and the line NumPy raised on with its message. Everything is read from the immutable
 * {@link Trace} (its {@link Execution}); no text is parsed. Called on the FX thread.
 */
public final class CodePaneModel {
    /**
     * One shown line of source.
     *
     * @param line the source line (its number, code and comments)
     * @param gap true when lines of the listing are left out before this one
     * @param executed true when the shown step ran this line
     * @param failed true when NumPy raised on it
     * @param variables the shapes of its variables as the step recorded them (empty unless executed)
     * @param error NumPy's exception line ({@code ValueError: shapes …}) under a failed line, else null
     */
    public record Row(SourceLine line, boolean gap, boolean executed, boolean failed, List<Operand> variables, String error) {
        public Row {
            variables = List.copyOf(variables);
        }
    }

    /**
     * The listing for one snapshot.
     *
     * @param layer the layer shown
     * @param step its step that just ran, or (at the start) the one that runs next
     * @param ran false when {@code step} has not run yet: nothing is highlighted
     * @param rows the class line, then the method's lines (and any helper a step called)
     */
    public record Listing(Layer layer, Step step, boolean ran, List<Row> rows) {
        public Listing {
            rows = List.copyOf(rows);
        }

        /** The row of a source line, if shown. */
        public Optional<Row> row(SourceLine line) {
            return rows.stream().filter(r -> r.line() == line).findFirst();
        }

        /** The rows the step executed, in listing order. */
        public List<Row> executed() {
            return rows.stream().filter(Row::executed).toList();
        }

        /** The title the layer's node has in the graph, e.g. {@code Affine2}. */
        public String nodeTitle() {
            return layer.card(step.id()).title();
        }
    }

    private final ReadOnlyObjectWrapper<Listing> listing = new ReadOnlyObjectWrapper<>(this, "listing");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final ReadOnlyObjectProperty<Trace> trace;
    private final ChangeListener<Trace> follow = (o, a, t) -> listing.set(of(t));

    /** Follows {@code trace} (the graph's current snapshot) until {@link #dispose()}. */
    public CodePaneModel(ReadOnlyObjectProperty<Trace> trace) {
        this.trace = trace;
        trace.addListener(follow);
        listing.set(of(trace.get()));
    }

    // ------------------------------------------------------------------ properties

    /** The listing of the current snapshot; null when there is no snapshot. */
    public ReadOnlyObjectProperty<Listing> listingProperty() { return listing.getReadOnlyProperty(); }
    public Listing getListing() { return listing.get(); }

    /** Whether the pane is shown (the View menu and the toolbar toggle it). */
    public BooleanProperty shownProperty() { return shown; }

    // ------------------------------------------------------------------ commands

    /** Stops following the trace. */
    public void dispose() {
        trace.removeListener(follow);
    }

    /** The listing of a snapshot: a pure function of the trace. */
    public static Listing of(Trace t) {
        if (t == null) return null;
        Optional<Step> last = t.last();
        Step step = last.or(t::next).orElse(null);
        if (step == null) return null; // a network with no steps: nothing to show
        Layer layer = t.network().layerOf(step.id());
        boolean ran = last.isPresent();
        List<Execution.Line> lines = ran ? t.execution().map(Execution::lines).orElse(List.of()) : List.of();
        SourceLine.Part part = step.phase() == Phase.FORWARD ? SourceLine.Part.FORWARD : SourceLine.Part.BACKWARD;
        List<SourceLine> all = layer.source().lines();

        // which lines to show: the class line, the method, and any helper function a step ran (with its def line)
        boolean[] show = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            SourceLine l = all.get(i);
            if (l.part() == part || l.code().startsWith("class ")) show[i] = true;
        }
        for (Execution.Line e : lines) {
            int i = all.indexOf(e.line());
            if (i < 0 || show[i]) continue;
            show[i] = true;
            for (int j = i - 1; j >= 0; j--) { // the def the helper line belongs to
                String code = all.get(j).code().strip();
                if (code.startsWith("def ")) {
                    show[j] = true;
                    break;
                }
            }
        }
        String error = t.error().map(CodePaneModel::exceptionLine).orElse(null);
        List<Row> rows = new ArrayList<>();
        boolean skipped = false;
        for (int i = 0; i < all.size(); i++) {
            SourceLine l = all.get(i);
            if (!show[i]) {
                skipped = true;
                continue;
            }
            if (l.code().isBlank() && l.part() != part) continue;
            Execution.Line e = null;
            for (Execution.Line x : lines) if (x.line() == l) e = x; // the last run of the line
            boolean failed = e != null && e.failed();
            rows.add(new Row(l, skipped && !rows.isEmpty(), e != null, failed,
                    e == null ? List.of() : e.variables(), failed ? error : null));
            skipped = false;
        }
        return new Listing(layer, step, ran, rows);
    }

    /** The last line of NumPy's traceback: the exception class and its message, as NumPy prints it. */
    public static String exceptionLine(EngineError e) {
        String kind = e.isShapeError() ? "ValueError" : e.kind();
        return kind + ": " + e.message();
    }
}
