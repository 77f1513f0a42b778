package org.backpropviz.app.shell;

import org.backpropviz.app.i18n.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.ScenarioDocument;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.scenario.NumpyExport;
import org.backpropviz.scenario.Scenario;

/**
 * The File menu's commands: new, open, recent files, save, save as, the exports and "reset to the lesson example".
 * Anything that would replace unsaved changes asks first (save / don't save / cancel). Files are chosen through
 * {@link FileDialogs}; reading and writing happen on the document's I/O thread.
 */
final class FileActions {
    private final GraphViewModel graph;
    private final ScenarioDocument doc;
    private final Supplier<Window> owner;
    private final Supplier<Messages> text;
    private final Supplier<Node> graphPicture;
    private FileDialogs dialogs = FileDialogs.standard();
    private Path folder;
    private javafx.collections.ListChangeListener<Path> recentListener;

    FileActions(GraphViewModel graph, ScenarioDocument doc, Supplier<Window> owner, Supplier<Messages> text,
                Supplier<Node> graphPicture) {
        this.graph = graph;
        this.doc = doc;
        this.owner = owner;
        this.text = text;
        this.graphPicture = graphPicture;
    }

    void setDialogs(FileDialogs d) {
        dialogs = d;
    }

    // ------------------------------------------------------------------ commands

    /** Runs {@code then} unless the user cancels; with unsaved changes, asks whether to save them first. */
    void afterAskingToSave(Runnable then) {
        if (!doc.isDirty()) {
            then.run();
            return;
        }
        String name = doc.displayName(text.get());
        if (name.isEmpty()) name = text.get().get("title.untitled");
        switch (dialogs.askSave(owner.get(), text.get(), name)) {
            case SAVE -> save().thenAccept(ok -> {
                if (ok) then.run();
            });
            case DISCARD -> then.run();
            case CANCEL -> { }
        }
    }

    void newScenario() {
        afterAskingToSave(() -> {
            doc.replace(blank(), null);
            graph.say("notice.new", java.util.List.of(), false);
        });
    }

    void open() {
        afterAskingToSave(() -> {
            Path p = dialogs.chooseOpen(owner.get(), text.get(), folder());
            if (p != null) open(p);
        });
    }

    /** Opens {@code p} without asking (the caller asked). */
    CompletableFuture<Boolean> open(Path p) {
        folder = p.toAbsolutePath().getParent();
        return doc.open(p);
    }

    void openRecent(Path p) {
        afterAskingToSave(() -> open(p));
    }

    void preset(String name) {
        afterAskingToSave(() -> {
            graph.selectedProperty().set(null);
            doc.replace(Presets.load(name), name);
        });
    }

    void resetToLesson() {
        preset(BackpropApp.FIRST_PRESET);
    }

    /** Saves to the document's file, or asks for one. Completes with false when cancelled or failed. */
    CompletableFuture<Boolean> save() {
        return doc.getFile() != null ? doc.save(doc.getFile()) : saveAs();
    }

    CompletableFuture<Boolean> saveAs() {
        Path p = dialogs.chooseSave(owner.get(), text.get(), FileDialogs.Kind.SCENARIO, folder(), suggested("json"));
        if (p == null) return CompletableFuture.completedFuture(false);
        folder = p.toAbsolutePath().getParent();
        return doc.save(p);
    }

    /** The graph as it is drawn now, cropped to its nodes and captioned (scenario, step, loss), as a PNG picture. */
    CompletableFuture<Boolean> exportPng() {
        Path p = dialogs.chooseSave(owner.get(), text.get(), FileDialogs.Kind.PNG, folder(), suggested("png"));
        if (p == null) return CompletableFuture.completedFuture(false);
        WritableImage image = graphPicture.get() instanceof org.backpropviz.app.view.GraphView g
                ? org.backpropviz.app.view.GraphPicture.of(g, org.backpropviz.app.view.GraphPicture.caption(doc.displayName(text.get()), graph, text.get()))
                : graphPicture.get().snapshot(null, null);
        return doc.export(p, f -> {
            var buffered = SwingFXUtils.fromFXImage(image, null);
            if (!javax.imageio.ImageIO.write(buffered, "png", f.toFile())) throw new IOException("no PNG writer");
        });
    }

    /**
     * The scenario and what the engine computed for it (the furthest step), as a NumPy script, written whole or not at
     * all; the command line's {@code export --numpy} writes the same script.
     */
    CompletableFuture<Boolean> exportNumpy() {
        Path p = dialogs.chooseSave(owner.get(), text.get(), FileDialogs.Kind.NUMPY, folder(), suggested("py"));
        if (p == null) return CompletableFuture.completedFuture(false);
        String script = NumpyExport.script(graph.getScenario(), graph.getFurthest());
        return doc.export(p, f -> NumpyExport.write(f, script));
    }

    /** Writes a trained network as a scenario file (the document keeps its own file). */
    CompletableFuture<Boolean> saveTrained(Scenario trained) {
        if (trained == null) return CompletableFuture.completedFuture(false);
        Path p = dialogs.chooseSave(owner.get(), text.get(), FileDialogs.Kind.SCENARIO, folder(), "trained.json");
        if (p == null) return CompletableFuture.completedFuture(false);
        return doc.export(p, f -> org.backpropviz.scenario.ScenarioFormat.write(trained, f));
    }

    /** Writes the training's NumPy code (whole or not at all, as the scenario's). */
    CompletableFuture<Boolean> exportTrained(String code) {
        if (code == null) return CompletableFuture.completedFuture(false);
        Path p = dialogs.chooseSave(owner.get(), text.get(), FileDialogs.Kind.NUMPY, folder(), "trained.py");
        if (p == null) return CompletableFuture.completedFuture(false);
        return doc.export(p, f -> NumpyExport.write(f, code));
    }

    // ------------------------------------------------------------------ the menu

    Menu menu(Messages t, Runnable quit) {
        Menu file = new Menu(t.get("menu.file"));
        file.setId("menu-file");
        MenuItem newItem = item(t, "new", "Shortcut+N", this::newScenario);
        MenuItem open = item(t, "open", "Shortcut+O", this::open);
        Menu recent = new Menu(t.get("menu.file.recent"));
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : doc.recent()) {
                MenuItem r = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
                r.setMnemonicParsing(false);
                r.setOnAction(e -> openRecent(p));
                recent.getItems().add(r);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem(t.get("menu.file.recent.none"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
        };
        fillRecent.run();
        if (recentListener != null) doc.recent().removeListener(recentListener); // the menu of the previous language
        recentListener = c -> fillRecent.run();
        doc.recent().addListener(recentListener);
        MenuItem save = item(t, "save", "Shortcut+S", this::save);
        MenuItem saveAs = item(t, "saveAs", "Shortcut+Shift+S", this::saveAs);
        MenuItem png = item(t, "exportPng", "Shortcut+E", this::exportPng);
        MenuItem numpy = item(t, "exportNumpy", "Shortcut+Shift+E", this::exportNumpy);
        MenuItem reset = item(t, "reset", null, this::resetToLesson);
        MenuItem quitItem = item(t, "quit", "Shortcut+Q", quit);
        file.getItems().addAll(newItem, open, recent, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(), png, numpy,
                new SeparatorMenuItem(), reset, new SeparatorMenuItem(), quitItem);
        return file;
    }

    private static MenuItem item(Messages t, String id, String keys, Runnable action) {
        MenuItem i = new MenuItem(t.get("menu.file." + id));
        i.setId("file-" + id);
        if (keys != null) i.setAccelerator(KeyCombination.keyCombination(keys));
        i.setOnAction(e -> action.run());
        return i;
    }

    // ------------------------------------------------------------------ internals

    private Path folder() {
        if (folder != null) return folder;
        Path f = doc.getFile();
        return f != null && f.toAbsolutePath().getParent() != null ? f.toAbsolutePath().getParent() : null;
    }

    private String suggested(String extension) {
        Path f = doc.getFile();
        String base = f != null ? f.getFileName().toString().replaceFirst("\\.[^.]*$", "") : safe(graph.getScenario().name());
        return (base.isEmpty() ? "scenario" : base) + "." + extension;
    }

    private static String safe(String name) {
        return name.replaceAll("[^\\p{L}\\p{N}._ -]+", "").trim().replace(' ', '-').replaceAll("-+", "-");
    }

    /** A new scenario: a correct one-row batch, 2 inputs → 3 hidden → 2 classes, ready to edit. */
    static Scenario blank() {
        NetInputs in = new NetInputs(
                NDArray.matrix(new double[][] {{1.0, 0.5}}),
                NDArray.matrix(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}),
                NDArray.vector(0, 0, 0),
                NDArray.matrix(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}),
                NDArray.vector(0, 0),
                NDArray.matrix(new double[][] {{0, 1}}));
        return new Scenario("", "", null, in);
    }
}
