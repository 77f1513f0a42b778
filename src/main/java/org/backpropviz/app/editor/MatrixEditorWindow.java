package org.backpropviz.app.editor;

import java.text.MessageFormat;
import org.backpropviz.app.i18n.Messages;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backpropviz.engine.NDArray;

/**
 * A non-modal window editing one array: a {@link MatrixEditorView}, with a menu bar above it when the caller gives
 * one (the main window gives its Edit menu). The main window docks its editors and moves one here when it is
 * detached ({@link #host}); {@link #release} gives the view back to be docked again.
 */
public final class MatrixEditorWindow {
    private final Stage stage;
    private final MatrixEditorModel model;
    private final MatrixEditorView view;

    private final javafx.beans.value.ChangeListener<NDArray> retitle;
    private final javafx.beans.value.ChangeListener<Boolean> grow;

    private MatrixEditorWindow(Window owner, MatrixEditorView view, Node menuBar) {
        this.view = view;
        this.model = view.getModel();
        Messages text = model.getMessages();
        stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(menuBar == null ? view : new BorderPane(view, menuBar, null, null, null),
                defaultWidth(screen), defaultHeight(screen));
        stage.setScene(scene);
        retitle = (o, a, b) -> stage.setTitle(title(text, b));
        stage.setTitle(title(text, model.getValue()));
        model.valueProperty().addListener(retitle);
        grow = (o, was, is) -> {
            if (is) makeRoomForTheHeatmap();
        };
        view.largeProperty().addListener(grow);
    }

    private String title(Messages text, NDArray a) {
        return text.get("window.title", model.getName(), a.shapeString());
    }

    private static double defaultWidth(Rectangle2D screen) {
        return Math.min(1000, screen.getWidth() - 40);
    }

    private static double defaultHeight(Rectangle2D screen) {
        return Math.min(680, screen.getHeight() - 40);
    }

    /**
     * A window sized for a small array (the main window opens a (2, 3) editor 320 px high) has no room for the
     * heatmap and the block a large array gets: it grows to at least the editor's default size, within the screen it
     * is on. It never shrinks, so a size the user chose is kept.
     */
    private void makeRoomForTheHeatmap() {
        if (!stage.isShowing()) return;
        Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        Scene scene = stage.getScene();
        double frameW = stage.getWidth() - scene.getWidth(), frameH = stage.getHeight() - scene.getHeight();
        double w = Math.max(stage.getWidth(), Math.min(defaultWidth(screen) + frameW, screen.getWidth()));
        double h = Math.max(stage.getHeight(), Math.min(defaultHeight(screen) + frameH, screen.getHeight()));
        if (w == stage.getWidth() && h == stage.getHeight()) return;
        stage.setWidth(w);
        stage.setHeight(h);
        // keep the grown window on the screen: move it left or up as far as it now reaches past the edge
        stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - w)));
        stage.setY(Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - h)));
    }

    /**
     * Opens and shows an editor window.
     *
     * @param owner the main window, or null
     * @param name the array's name ({@code W1})
     * @param initial its value; not modified
     * @param onCommit called on the JavaFX thread with every new array the user commits (edits, undo, redo)
     * @param text the window's text lookup
     */
    public static MatrixEditorWindow open(Window owner, String name, NDArray initial,
                                          Consumer<MatrixEditorModel.Edit> onCommit, Messages text) {
        MatrixEditorModel model = new MatrixEditorModel(name, initial, text);
        model.setOnCommit(onCommit);
        return host(owner, new MatrixEditorView(model), null);
    }

    /**
     * Shows an editor view (one taken out of the main window's dock, say) in a window of its own.
     *
     * @param menuBar put above the view (the main window's Edit menu), or null
     */
    public static MatrixEditorWindow host(Window owner, MatrixEditorView view, Node menuBar) {
        MatrixEditorWindow w = new MatrixEditorWindow(owner, view, menuBar);
        w.stage.show();
        view.focusGrid();
        return w;
    }

    /** Closes the window and frees its view to be shown elsewhere (docked again); the model is kept. */
    public MatrixEditorView release() {
        model.valueProperty().removeListener(retitle);
        view.largeProperty().removeListener(grow);
        stage.getScene().setRoot(new javafx.scene.layout.Pane());
        stage.close();
        return view;
    }

    /**
     * Loads and runs the editor's classes once, off screen (a 4 × 100 editor is built, styled and laid out, never
     * shown), so that the next {@link #open} does not pay for class loading. Call on the JavaFX thread. It takes about
     * a second there in a fresh JVM, so the app does not call it (the first open of a (100, 784) batch in the
     * running window takes 0.6 s as it is); {@code EditorOpenBenchmark --preload} uses it to time a first open
     * apart from the loading of the JVM's first window classes.
     */
    public static void preload(Messages text) {
        // wide enough to run the grid's per-column code many times (what a (100, 784) batch needs most)
        MatrixEditorModel m = new MatrixEditorModel("x", NDArray.full(new int[] {4, 100}, 0.5), text);
        MatrixEditorView v = new MatrixEditorView(m);
        Scene scene = new Scene(v, 600, 400);
        v.applyCss();
        v.layout();
        m.setCell(0, 0, "5");
        m.load(m.getValue());
        scene.setRoot(new javafx.scene.layout.Pane());
    }

    public Stage getStage() {
        return stage;
    }

    public MatrixEditorModel getModel() {
        return model;
    }

    public MatrixEditorView getView() {
        return view;
    }
}
