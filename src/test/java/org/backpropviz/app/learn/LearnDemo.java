package org.backpropviz.app.learn;

import org.backpropviz.app.i18n.Messages;

import java.io.InputStream;
import java.util.Locale;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.backpropviz.app.playground.PlaygroundModel;
import org.backpropviz.app.playground.PlaygroundView;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.scenario.ScenarioFormat;

/**
 * Shows the three views in a TabPane, as the main window will host them. Arguments: {@code --lang ko}, {@code --tab 0|1|2},
 * {@code --size 1280x800}, {@code --train} (start a run at once), {@code --preset NAME} (a preset in assets/presets).
 */
public final class LearnDemo {
    private LearnDemo() {}

    /** The views' language ({@code --lang}). */
    private static Messages text = Messages.english();

    public static void main(String[] args) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals("--lang")) text = new Messages(Locale.forLanguageTag(args[i + 1]));
        Application.launch(App.class, args);
    }

    static NetInputs preset(String name) {
        if (name.equals("relu-kink")) return reluKink();
        try (InputStream in = LearnDemo.class.getResourceAsStream("/assets/presets/" + name + ".json")) {
            return ScenarioFormat.read(in).inputs();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** x = 0 puts every ReLU input at b1, and b1[0] = 0 sits on the kink. */
    static NetInputs reluKink() {
        return new NetInputs(org.backpropviz.engine.NDArray.matrix(new double[][] {{0, 0}}),
                org.backpropviz.engine.NDArray.matrix(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}),
                org.backpropviz.engine.NDArray.vector(0, 0.1, -0.1),
                org.backpropviz.engine.NDArray.matrix(new double[][] {{0.5, -0.4}, {0.3, 0.8}, {-0.6, 0.2}}),
                org.backpropviz.engine.NDArray.vector(0, 0.1), org.backpropviz.engine.NDArray.matrix(new double[][] {{1, 0}}));
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            var p = getParameters().getRaw();
            String size = opt(p, "--size", "1280x800");
            int tab = Integer.parseInt(opt(p, "--tab", "0"));
            SimpleObjectProperty<NetInputs> scenario = new SimpleObjectProperty<>(preset(opt(p, "--preset", "batch-of-4")));
            TrainingModel training = new TrainingModel(scenario);
            GradientCheckModel check = new GradientCheckModel(scenario);
            PlaygroundModel playground = new PlaygroundModel();
            TabPane tabs = new TabPane(new Tab("Training", new TrainingView(training, text)),
                    new Tab("Gradient check", new GradientCheckView(check, text)), new Tab("Playground", new PlaygroundView(playground, text)));
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            check.activeProperty().bind(tabs.getSelectionModel().selectedIndexProperty().isEqualTo(1));
            ComboBox<String> presets = new ComboBox<>();
            presets.getItems().addAll("batch-of-4", "lesson-vector", "softmax-with-loss", "lesson-mismatch", "relu-kink");
            presets.setValue(opt(p, "--preset", "batch-of-4"));
            presets.valueProperty().addListener((o, was, now) -> scenario.set(preset(now)));
            BorderPane root = new BorderPane(tabs);
            root.setTop(new HBox(8, new Label("Demo scenario:"), presets));
            String[] wh = size.split("x");
            stage.setScene(new Scene(root, Double.parseDouble(wh[0]), Double.parseDouble(wh[1])));
            stage.setTitle("LearnDemo");
            stage.setOnHidden(e -> {
                training.dispose();
                check.dispose();
                playground.dispose();
            });
            stage.show();
            tabs.getSelectionModel().select(tab);
            if (p.contains("--digits")) training.sourceProperty().set(TrainingModel.Source.DIGITS);
            if (p.contains("--train")) training.start();
        }

        private static String opt(java.util.List<String> p, String name, String def) {
            int i = p.indexOf(name);
            return i >= 0 && i + 1 < p.size() ? p.get(i + 1) : def;
        }
    }
}
