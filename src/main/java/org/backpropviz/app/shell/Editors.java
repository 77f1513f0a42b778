package org.backpropviz.app.shell;

import java.util.List;

import org.backpropviz.app.diagnostics.Probes;
import java.util.TreeMap;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.backpropviz.app.editor.MatrixEditorModel;
import org.backpropviz.app.editor.MatrixEditorView;
import org.backpropviz.app.editor.MatrixEditorWindow;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;

/**
 * The matrix editor windows of the graph's input and parameter nodes: at most one per array (opening it again
 * brings it to the front). Every committed edit goes to {@link GraphViewModel#edit}; when the scenario changes
 * elsewhere (a preset, a file, an SGD update, a quick fix, training) each open editor loads the new array.
 */
final class Editors {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    private final GraphViewModel graph;
    private final Runnable quit;
    private final Map<Param, MatrixEditorWindow> open = new TreeMap<>();
    private java.util.Locale locale = java.util.Locale.ENGLISH;

    /** {@code quit} asks to close the app (Ctrl+Q in an editor window does what it does in the main window). */
    Editors(GraphViewModel graph, Runnable quit) {
        this.graph = graph;
        this.quit = quit;
        graph.scenarioProperty().addListener((o, a, s) -> {
            for (Map.Entry<Param, MatrixEditorWindow> e : java.util.List.copyOf(open.entrySet())) {
                if (!s.inputs().has(e.getKey())) { // its layer was removed
                    e.getValue().getStage().close();
                    open.remove(e.getKey());
                    continue;
                }
                NDArray now = s.get(e.getKey());
                MatrixEditorModel m = e.getValue().getModel();
                if (!m.getValue().equals(now)) m.load(now); // the editor's own commits are already there
            }
        });
    }

    /** The language of editors opened from now on. */
    void setLocale(java.util.Locale l) {
        locale = l;
    }

    /** Opens the editor of {@code p}, or brings its open editor to the front. */
    MatrixEditorWindow open(Window owner, Param p) {
        MatrixEditorWindow w = open.get(p);
        if (w != null && w.getStage().isShowing()) {
            w.getStage().toFront();
            w.getStage().requestFocus();
            return w;
        }
        NDArray value = graph.getScenario().get(p);
        if (value.rank() > 2) { // the grid edits rows and columns; a higher rank is edited in the scenario file
            graph.say("notice.rankNotEditable", List.of(p.label(), value.shapeString()), true);
            return null;
        }
        long t0 = System.nanoTime();
        MatrixEditorWindow created = MatrixEditorWindow.open(owner, p.label(), graph.getScenario().get(p),
                a -> graph.edit(p, a), MatrixEditorModel.bundle(locale));
        Probes.editorOpened(created.getStage().getScene(), p.label() + " " + graph.getScenario().get(p).shapeString(), t0);
        created.getStage().setOnHidden(e -> open.remove(p, created));
        // a filter, not accelerators: the grid has the focus and would take the keys first
        created.getStage().getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (CLOSE.match(e)) created.getStage().close();
            else if (QUIT.match(e)) quit.run();
            else return;
            e.consume();
        });
        place(owner, p, created, graph.getScenario().get(p));
        open.put(p, created);
        return created;
    }

    /**
     * Sizes the window to its array (a small array gets a small window) and puts it high up on the side of the graph
     * away from its node, cascading, so the operations it feeds and the error callout stay in sight.
     */
    private void place(Window owner, Param p, MatrixEditorWindow w, NDArray a) {
        if (owner == null || owner.getWidth() <= 0) return;
        int rows = a.rank() < 2 ? 1 : a.dim(0);
        int cols = a.rank() == 0 ? 1 : a.dim(a.rank() - 1);
        boolean heatmap = !MatrixEditorView.fitsGrid(a); // a heatmap and its block need the full height, even for few rows
        double width = Math.min(Math.max(640, owner.getWidth() - 380), Math.max(960, 120 + cols * 90.0));
        double height = Math.min(Math.min(owner.getHeight() - 60, 680), heatmap ? 680 : Math.max(320, 250 + rows * 25.0));
        int k = open.size();
        boolean nodeOnTheLeft = p == Param.X || p == Param.W1 || p == Param.B1;
        var stage = w.getStage();
        stage.setWidth(width);
        stage.setHeight(height);
        double x = nodeOnTheLeft ? owner.getX() + owner.getWidth() - width - 12 - 28 * k : owner.getX() + 12 + 28 * k;
        stage.setX(Math.max(owner.getX(), x));
        stage.setY(Math.min(owner.getY() + 110 + 28 * k, owner.getY() + owner.getHeight() - height));
    }

    /** The open editor of {@code p}, or null. */
    MatrixEditorWindow get(Param p) {
        return open.get(p);
    }

    void closeAll() {
        for (MatrixEditorWindow w : java.util.List.copyOf(open.values())) w.getStage().close();
        open.clear();
    }
}
