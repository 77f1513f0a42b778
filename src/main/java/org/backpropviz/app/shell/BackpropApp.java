package org.backpropviz.app.shell;

import java.io.IOException;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.diagnostics.Probes;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.backpropviz.app.control.Fonts;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph;
import org.backpropviz.app.model.ScenarioDocument;
import org.backpropviz.app.view.MainView;
import org.backpropviz.scenario.Scenario;

/**
 * The desktop window: opens on the scenario autosaved by the last session (else the lesson's example), in the
 * system's language (English or Korean). Owns the document (file, unsaved changes, autosave), the File menu and
 * the matrix editor windows of the graph's input and parameter nodes.
 */
public class BackpropApp extends Application {
    /** The preset the window opens on the first time. */
    public static final String FIRST_PRESET = "lesson-vector";

    private final Path home;
    private GraphViewModel model;
    private ScenarioDocument document;
    private FileActions files;
    private Editors editors;
    private Tools tools;
    private MainView view;
    private NetworkMenu network;
    private Stage stage;
    private Messages text;
    private boolean closed;
    private ScenarioDocument.Restored restored;
    private boolean restoredEarly;
    /** The language chosen in the Language menu (or read from the settings), null for the system's. */
    private Locale language;

    /** Keeps its autosave and recent files in {@link ScenarioDocument#defaultHome()}. */
    public BackpropApp() {
        this(ScenarioDocument.defaultHome());
    }

    /** Keeps its autosave and recent files in {@code home} (tests give each window its own). */
    public BackpropApp(Path home) {
        this.home = home;
    }

    /** Reads the autosave on the launcher thread, not the JavaFX thread (a test that calls {@link #start} reads it there). */
    @Override
    public void init() {
        if (System.getProperty("backpropviz.open") == null) {
            restored = ScenarioDocument.restore(home);
            restoredEarly = true;
        }
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        ScenarioDocument.Restored bad = null;
        String file = System.getProperty("backpropviz.open");
        if (file != null) {
            model = new GraphViewModel(fileScenario(file));
            document = new ScenarioDocument(model, home, null, model.getScenario());
        } else {
            ScenarioDocument.Restored r = restoredEarly ? restored : ScenarioDocument.restore(home);
            restored = null;
            if (r != null && r.scenario() != null) {
                model = new GraphViewModel(r.scenario(), r.preset());
                document = new ScenarioDocument(model, home, r.file(), r.saved());
            } else {
                bad = r;
                model = new GraphViewModel(Presets.load(FIRST_PRESET), FIRST_PRESET);
                document = new ScenarioDocument(model, home, null, model.getScenario());
            }
        }
        if (bad != null && bad.keptAs() != null) {
            sayOnceReady("notice.autosaveUnreadable", List.of(bad.problem(), bad.keptAs().toString()));
        } else if (bad != null) {
            sayOnceReady("notice.autosaveNotKept", List.of(bad.problem(), String.valueOf(bad.keepProblem())));
        }
        AppSettings settings = AppSettings.read(home);
        if (settings.speed() >= 0) model.speedProperty().set(settings.speed());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new javafx.scene.layout.Pane(),
                Math.min(settings.width() > 0 ? settings.width() : 1360, screen.getWidth()),
                Math.min(settings.height() > 0 ? settings.height() : 820, screen.getHeight()));
        stage.setScene(scene);
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        var icon = BackpropApp.class.getResource("/assets/icon.png");
        if (icon != null) stage.getIcons().add(new Image(icon.toExternalForm()));
        editors = new Editors(model, this::requestClose);
        EditMenu.addRedoShortcut(scene, model);
        files = new FileActions(model, document, () -> stage, () -> text, () -> view.graph());
        if (!Boolean.getBoolean("backpropviz.graphOnly")) tools = new Tools(model);
        language = settings.language();
        showIn(new Messages(language != null ? language : Locale.getDefault()));
        model.scenarioProperty().addListener((o, a, s) -> updateTitle());
        document.dirtyProperty().addListener((o, a, d) -> updateTitle());
        document.fileProperty().addListener((o, a, f) -> updateTitle());
        model.presetProperty().addListener((o, a, p) -> updateTitle());
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });
        stage.show();
        model.runOnWorker(org.backpropviz.app.fx.TextBreaks::load); // after the first chain, off the JavaFX thread
        Probes.install(stage);
    }

    /** Says a notice once the first chain is computed (which would otherwise clear it). */
    private void sayOnceReady(String key, List<Object> args) {
        if (model.isReady()) {
            model.say(key, args, true);
            return;
        }
        model.readyProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean ready) {
                if (!ready) return;
                o.removeListener(this);
                javafx.application.Platform.runLater(() -> model.say(key, args, true)); // after the result's own notice
            }
        });
    }

    /** The scenario file named by {@code -Dbackpropviz.open=FILE} (for looking at big arrays), else the lesson's example. */
    private static Scenario fileScenario(String file) {
        try {
            return org.backpropviz.scenario.ScenarioFormat.read(Path.of(file));
        } catch (Exception e) {
            System.err.println("cannot open " + file + ": " + e.getMessage());
        }
        return Presets.load(FIRST_PRESET);
    }

    /** Rebuilds the window's content in another language; the scenario and the step shown are kept. */
    public void showIn(Messages messages) {
        // Korean needs the shipped font with Hangul before its first CSS pass (loaded only then, or when the
        // Language menu opens: reading the three files takes a noticeable part of a start)
        if ("ko".equals(messages.locale().getLanguage())) Fonts.load();
        boolean codeShown = view == null || view.codeWanted();
        // the tab in sight stays in sight: a learner switching the language on the Training tab stays there
        String tabShown = view == null || view.tabs() == null || view.tabs().getSelectionModel().getSelectedItem() == null ? null
                : view.tabs().getSelectionModel().getSelectedItem().getId();
        if (view != null) view.dispose();
        text = messages;
        editors.setLocale(text.locale());
        java.util.List<javafx.scene.control.Tab> tabs = tools == null ? java.util.List.of() : tools.tabs(text, new Tools.TrainingActions() {
            @Override
            public void showGraph() {
                if (view.tabs() != null) view.tabs().getSelectionModel().select(view.graphTab());
            }

            @Override
            public void saveTrained(Scenario s) {
                files.saveTrained(s);
            }

            @Override
            public void exportTrained(String code) {
                files.exportTrained(code);
            }
        });
        view = new MainView(model, text, this::preset, l -> {
            language = l;
            showIn(new Messages(l));
        }, tabs);
        view.codePane().model().shownProperty().set(codeShown);
        view.addMenu(0, files.menu(text, this::requestClose));
        NetworkMenu network = new NetworkMenu(model, text, () -> stage);
        view.addMenu(1, network.editMenu());
        view.addMenu(2, network.networkMenu());
        this.network = network;
        view.setOnEditNode(this::openEditor);
        stage.getScene().setRoot(view);
        editors.attach(view, stage);
        // skins now, not at the next pulse: the tab pane has no children until its skin exists, and code run
        // right after a language switch (focusing the graph, the tests' lookups) must find the graph in it
        view.applyCss();
        if (tabShown != null && view.tabs() != null) {
            view.tabs().getTabs().stream().filter(t -> tabShown.equals(t.getId())).findFirst()
                    .ifPresent(t -> view.tabs().getSelectionModel().select(t));
        }
        updateTitle();
    }

    /** Loads a preset into the graph, or shows the playground's one in the playground tab. */
    void preset(String name) {
        if (!Presets.opensPlayground(name)) {
            files.preset(name);
        } else if (tools != null && view.tabs() != null) {
            tools.playground().lessonWdotX();
            view.tabs().getTabs().stream().filter(t -> "tab-playground".equals(t.getId())).findFirst()
                    .ifPresent(t -> view.tabs().getSelectionModel().select(t));
        }
    }

    /** Opens the matrix editor of an input or parameter node docked under the graph (or shows its open one). */
    public org.backpropviz.app.editor.MatrixEditorView openEditor(NetGraph.Node node) {
        return node.param().map(editors::open).orElse(null);
    }

    /** Closes the window, asking first about unsaved changes. */
    public void requestClose() {
        files.afterAskingToSave(() -> {
            editors.closeAll();
            stage.close();
            stop();
        });
    }

    /** Remembers the language, speed and window size for the next start (a failure only loses them). */
    private void writeSettings() {
        if (model == null || stage == null) return;
        try {
            new AppSettings(language, model.speedProperty().get(), stage.getWidth(), stage.getHeight()).write(home);
        } catch (IOException | RuntimeException e) {
            System.err.println("settings not saved: " + e.getMessage());
        }
    }

    private void updateTitle() {
        String name = document.displayName(text); // an example's or a trained net's name in the window's language
        if (name.isEmpty() && document.isDirty()) name = text.get("title.untitled");
        stage.setTitle(text.get("app.title") + (name.isEmpty() ? "" : " — " + name) + (document.isDirty() ? " *" : ""));
    }

    /** The view-model (for tests). */
    public GraphViewModel model() {
        return model;
    }

    /** The window's content (for tests). */
    public MainView view() {
        return view;
    }

    /** The document: file, unsaved changes, autosave (for tests). */
    public ScenarioDocument document() {
        return document;
    }

    NetworkMenu network() {
        return network;
    }

    FileActions files() {
        return files;
    }

    Editors editors() {
        return editors;
    }

    Tools tools() {
        return tools;
    }

    Stage stage() {
        return stage;
    }

    @Override
    public void stop() {
        if (closed) return;
        closed = true;
        if (editors != null) editors.closeAll();
        writeSettings();
        if (document != null) document.close();
        if (tools != null) tools.dispose();
        if (model != null) model.shutdown();
    }
}
