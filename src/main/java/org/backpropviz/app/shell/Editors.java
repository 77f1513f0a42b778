package org.backpropviz.app.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.backpropviz.app.diagnostics.Probes;
import org.backpropviz.app.editor.MatrixEditorModel;
import org.backpropviz.app.editor.MatrixEditorView;
import org.backpropviz.app.editor.MatrixEditorWindow;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.view.MainView;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;

/**
 * The matrix editors of the graph's input and parameter nodes, at most one per array. An editor opens docked under
 * the graph as a tab of its own ("W1 (2, 3)"), selected, beside the editors already docked, so the node it feeds can
 * be seen turning red while typing; opening an array's editor again selects its tab (or brings its window to the
 * front). Detach moves the editor in sight to a window of its own, Dock brings it back as a tab, the tab's × or
 * Ctrl+W closes it.
 *
 * <p>The editors keep no history: every committed edit goes to {@link GraphViewModel#edit} as one named change of
 * the scenario's history, and their Undo and Redo (buttons, Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z, a detached window's Edit
 * menu) are the main window's. When the scenario changes (an undo, a preset, a file, an SGD update, a quick fix,
 * training) each open editor loads the new array.
 */
final class Editors {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    /** One open editor: its view, its tab in the dock, and its window while it is detached (null while docked). */
    private final class Open {
        final Param param;
        final MatrixEditorView view;
        final Button dockButton;
        /** The header's ×: shown in a window of its own; docked, the tab's × closes the editor. */
        final Button closeButton;
        final Tab tab = new Tab();
        MatrixEditorWindow window;

        Open(Param param, MatrixEditorView view, Button dockButton, Button closeButton) {
            this.param = param;
            this.view = view;
            this.dockButton = dockButton;
            this.closeButton = closeButton;
            closeButton.managedProperty().bind(closeButton.visibleProperty());
            tab.setId("editor-tab-" + param.label());
            tab.setClosable(true);
            tab.setOnCloseRequest(c -> { // the × of the tab: closed as Ctrl+W closes it
                c.consume();
                close(param);
            });
            retitle();
            view.getModel().valueProperty().addListener((o, a, v) -> retitle());
        }

        /** The tab names the array and its shape: W1 (2, 3). */
        private void retitle() {
            tab.setText(param.label() + " " + view.getModel().getValue().shapeString());
        }
    }

    private final GraphViewModel graph;
    private final Runnable quit;
    private final Map<Param, Open> open = new LinkedHashMap<>() /* in the order opened: the tabs' order */;
    private final MatrixEditorModel.History history;
    private MainView main;
    private Window owner;
    private Locale locale = Locale.ENGLISH;

    /** {@code quit} asks to close the app (Ctrl+Q in an editor window does what it does in the main window). */
    Editors(GraphViewModel graph, Runnable quit) {
        this.graph = graph;
        this.quit = quit;
        this.history = historyOf(graph);
        graph.scenarioProperty().addListener((o, a, s) -> {
            for (Open e : List.copyOf(open.values())) {
                if (!s.inputs().has(e.param)) { // its layer was removed
                    close(e.param);
                    continue;
                }
                NDArray now = s.get(e.param);
                MatrixEditorModel m = e.view.getModel();
                if (!m.getValue().equals(now)) m.load(now); // the editor's own commits are already there
            }
        });
    }

    /** The scenario's history as an editor sees it: its undo and redo are the main window's. */
    private static MatrixEditorModel.History historyOf(GraphViewModel graph) {
        ObservableBooleanValue canUndo = Bindings.isNotNull(graph.history().nextUndoProperty());
        ObservableBooleanValue canRedo = Bindings.isNotNull(graph.history().nextRedoProperty());
        return new MatrixEditorModel.History() {
            @Override
            public boolean undo() {
                if (!graph.history().canUndo()) return false;
                graph.undo();
                return true;
            }

            @Override
            public boolean redo() {
                if (!graph.history().canRedo()) return false;
                graph.redo();
                return true;
            }

            @Override
            public ObservableBooleanValue canUndo() {
                return canUndo;
            }

            @Override
            public ObservableBooleanValue canRedo() {
                return canRedo;
            }
        };
    }

    /** The language of editors opened from now on. */
    void setLocale(Locale l) {
        if (locale != null && !locale.equals(l)) relabel = true;
        locale = l;
    }

    /** The language changed since the open editors were built: {@link #attach} rebuilds them in the new one. */
    private boolean relabel;

    /**
     * The main window's content, where editors dock (it is rebuilt when the language changes: the docked editor
     * moves into the new one).
     */
    void attach(MainView view, Window owner) {
        MainView before = main;
        main = view;
        this.owner = owner;
        // Ctrl+W closes the editor in sight, also when its tab (not its grid) has the focus
        view.dockPane().addEventFilter(KeyEvent.KEY_PRESSED, k -> {
            if (!CLOSE.match(k)) return;
            Open e = inSight(view);
            if (e != null) close(e.param);
            k.consume();
        });
        Open current = before == null ? null : inSight(before);
        if (relabel) {
            reopenInTheNewLanguage(current == null ? null : current.param);
            return;
        }
        for (Open e : open.values()) {
            if (e.window != null || before == null) continue;
            before.undock(e.tab);
            view.dock(e.tab);
        }
        if (current != null) view.dock(current.tab); // selected again
    }

    /** The docked editor whose tab is selected in {@code view}, or null. */
    private Open inSight(MainView view) {
        Tab t = view.dockPane().getSelectionModel().getSelectedItem();
        return open.values().stream().filter(e -> e.window == null && e.tab == t).findFirst().orElse(null);
    }

    /**
     * Rebuilds every open editor in the window's new language where it was (docked or in its window): an editor
     * keeps no state of its own beyond its view (its array is the scenario's, its history the scenario's).
     */
    private void reopenInTheNewLanguage(Param inSight) {
        relabel = false;
        List<Open> before = List.copyOf(open.values());
        for (Open e : before) close(e.param);
        for (Open e : before) {
            if (e.window == null) continue;
            open(e.param);
            toggleDock(e.param); // back to a window of its own
        }
        for (Open e : before) if (e.window == null) open(e.param); // the tabs in their order
        if (inSight != null) open(inSight); // the tab that was selected is again
    }

    /** Opens the editor of {@code p} docked, or shows its open editor (docked or in its window). */
    MatrixEditorView open(Param p) {
        Open e = open.get(p);
        if (e != null) {
            if (e.window != null) {
                e.window.getStage().toFront();
                e.window.getStage().requestFocus();
            } else if (main != null) {
                main.dock(e.tab); // selects its tab
            }
            e.view.focusGrid();
            return e.view;
        }
        NDArray value = graph.getScenario().get(p);
        if (value.rank() > 2) { // the grid edits rows and columns; a higher rank is edited in the scenario file
            graph.say("notice.rankNotEditable", List.of(p.label(), value.shapeString()), true);
            return null;
        }
        long t0 = System.nanoTime();
        MatrixEditorModel model = new MatrixEditorModel(p.label(), value, new Messages(locale));
        model.setOnCommit(edit -> graph.edit(p, edit.value(), edit.key(), edit.args()));
        model.setHistory(history);
        MatrixEditorView view = new MatrixEditorView(model);
        view.setId("editor-" + p.label());
        Button dock = view.headerButton("detach", () -> toggleDock(p));
        Button close = view.headerButton("close", () -> close(p));
        view.addToHeader(dock, close);
        view.addEventFilter(KeyEvent.KEY_PRESSED, k -> {
            if (!CLOSE.match(k)) return;
            close(p);
            k.consume();
        });
        e = new Open(p, view, dock, close);
        open.put(p, e);
        if (main != null) {
            e.tab.setContent(view);
            e.closeButton.setVisible(false);
            main.dock(e.tab);
            Probes.editorOpened(main.getScene(), p.label() + " " + value.shapeString(), t0);
            view.focusGrid();
        } else {
            detach(e);
        }
        return view;
    }

    /** Moves the editor of {@code p} to its own window, or back into the main window. */
    void toggleDock(Param p) {
        Open e = open.get(p);
        if (e == null) return;
        if (e.window == null) {
            detach(e);
        } else if (main != null) {
            e.window.getStage().setOnHidden(null);
            e.window.release();
            e.window = null;
            e.dockButton.setText(e.view.getModel().getMessages().get("detach"));
            e.closeButton.setVisible(false);
            e.tab.setContent(e.view);
            main.dock(e.tab);
            e.view.focusGrid();
        }
    }

    private void detach(Open e) {
        if (main != null && e.window == null) undock(e);
        Messages t = new Messages(locale);
        MenuBar bar = new MenuBar(EditMenu.of(graph, t));
        MatrixEditorWindow w = MatrixEditorWindow.host(owner, e.view, bar);
        EditMenu.addRedoShortcut(w.getStage().getScene(), graph);
        // a filter, not accelerators: the grid has the focus and would take the keys first
        w.getStage().getScene().addEventFilter(KeyEvent.KEY_PRESSED, k -> {
            if (!QUIT.match(k)) return;
            quit.run();
            k.consume();
        });
        w.getStage().setOnHidden(h -> {
            if (open.get(e.param) == e && e.window == w) open.remove(e.param);
        });
        place(w, e.param, e.view.getModel().getValue());
        e.window = w;
        e.dockButton.setText(e.view.getModel().getMessages().get("dock"));
        e.closeButton.setVisible(true);
    }

    /** Closes the editor of {@code p} (docked or detached); its edits stay in the scenario. */
    void close(Param p) {
        Open e = open.remove(p);
        if (e == null) return;
        if (e.window != null) {
            e.window.getStage().close();
        } else if (main != null) {
            undock(e);
            Open next = inSight(main);
            if (next != null) next.view.focusGrid();
            else main.graph().requestFocus();
        }
    }

    /** Takes the tab of a docked editor out of the dock, freeing its view to be shown elsewhere. */
    private void undock(Open e) {
        e.tab.setContent(null);
        main.undock(e.tab);
    }

    /**
     * Sizes a detached window to its array (a small array gets a small window) and puts it high up on the side of
     * the graph away from its node, so the operations it feeds and the error callout stay in sight.
     */
    private void place(MatrixEditorWindow w, Param p, NDArray a) {
        if (owner == null || owner.getWidth() <= 0) return;
        int rows = a.rank() < 2 ? 1 : a.dim(0);
        int cols = a.rank() == 0 ? 1 : a.dim(a.rank() - 1);
        boolean heatmap = !MatrixEditorView.fitsGrid(a); // a heatmap and its block need the full height, even for few rows
        double width = Math.min(Math.max(640, owner.getWidth() - 380), Math.max(960, 120 + cols * 90.0));
        double height = Math.min(Math.min(owner.getHeight() - 60, 700), heatmap ? 700 : Math.max(340, 280 + rows * 25.0));
        boolean nodeOnTheLeft = p.role() == Param.Role.X || p.layer() == 1;
        var stage = w.getStage();
        stage.setWidth(width);
        stage.setHeight(height);
        double x = nodeOnTheLeft ? owner.getX() + owner.getWidth() - width - 12 : owner.getX() + 12;
        stage.setX(Math.max(owner.getX(), x));
        stage.setY(Math.min(owner.getY() + 110, owner.getY() + owner.getHeight() - height));
    }

    /** The open editor of {@code p} (docked or detached), or null. */
    MatrixEditorView get(Param p) {
        Open e = open.get(p);
        return e == null ? null : e.view;
    }

    /** The window of the editor of {@code p} while it is detached, or null. */
    MatrixEditorWindow window(Param p) {
        Open e = open.get(p);
        return e == null ? null : e.window;
    }

    void closeAll() {
        for (Param p : List.copyOf(open.keySet())) close(p);
    }
}
