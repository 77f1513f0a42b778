package org.backpropviz.app;

import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.view.MainView;
import org.backpropviz.scenario.Scenario;

/** The desktop window: opens on the lesson's example, in the system's language (English or Korean). */
public class BackpropApp extends Application {
    /** The preset the window opens on. */
    public static final String FIRST_PRESET = "lesson-vector";

    private GraphViewModel model;
    private Tools tools;
    private MainView view;
    private Stage stage;
    private Messages text;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        String file = System.getProperty("backpropviz.open");
        model = file != null ? new GraphViewModel(firstScenario()) : new GraphViewModel(Presets.load(FIRST_PRESET), FIRST_PRESET);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new javafx.scene.layout.Pane(),
                Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight()));
        stage.setScene(scene);
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        var icon = BackpropApp.class.getResource("/assets/icon.png");
        if (icon != null) stage.getIcons().add(new Image(icon.toExternalForm()));
        if (!Boolean.getBoolean("backpropviz.graphOnly")) tools = new Tools(model);
        showIn(new Messages(Locale.getDefault()));
        model.scenarioProperty().addListener((o, a, s) -> updateTitle());
        stage.show();
        Probes.install();
    }

    /** The lesson's example, or the scenario file named by {@code -Dbackpropviz.open=FILE} (for looking at big arrays). */
    private static Scenario firstScenario() {
        String file = System.getProperty("backpropviz.open");
        if (file != null) {
            try {
                return org.backpropviz.scenario.ScenarioFormat.read(java.nio.file.Path.of(file));
            } catch (Exception e) {
                System.err.println("cannot open " + file + ": " + e.getMessage());
            }
        }
        return Presets.load(FIRST_PRESET);
    }

    /** Rebuilds the window's content in another language; the scenario and the step shown are kept. */
    public void showIn(Messages messages) {
        if (view != null) view.dispose();
        text = messages;
        java.util.List<javafx.scene.control.Tab> tabs = tools == null ? java.util.List.of() : tools.tabs(text);
        view = new MainView(model, text, this::loadPreset, l -> {
            Locale.setDefault(l); // the hosted tools read their bundles in the default locale
            showIn(new Messages(l));
        }, tabs);
        stage.getScene().setRoot(view);
        updateTitle();
    }

    private void loadPreset(String name) {
        Scenario s = Presets.load(name);
        model.selectedProperty().set(null);
        model.loadPreset(name, s);
    }

    private void updateTitle() {
        String name = model.getScenario().name();
        stage.setTitle(text.get("app.title") + (name.isEmpty() ? "" : " — " + name));
    }

    /** The view-model (for tests). */
    public GraphViewModel model() {
        return model;
    }

    /** The window's content (for tests). */
    public MainView view() {
        return view;
    }

    @Override
    public void stop() {
        if (tools != null) tools.dispose();
        if (model != null) model.shutdown();
    }
}
