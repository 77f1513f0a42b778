package org.backpropviz.app.shell;

import org.backpropviz.app.i18n.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.backpropviz.app.learn.GradientCheckModel;
import org.backpropviz.app.learn.GradientCheckView;
import org.backpropviz.app.learn.TrainingModel;
import org.backpropviz.app.learn.TrainingModel.State;
import org.backpropviz.app.learn.TrainingView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.playground.PlaygroundModel;
import org.backpropviz.app.playground.PlaygroundView;
import org.backpropviz.app.view.Disposer;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.scenario.Scenario;

/**
 * The views hosted beside the graph as tabs: training, the gradient check (both following the graph's scenario)
 * and the matrix-product playground. Their models live as long as the window; their views are rebuilt with it.
 *
 * <p>The graph follows the training: while it runs, the graph shows the current weights and the next mini-batch
 * (values only, as often as the training publishes them, ≤ 5 times a second); once it pauses, stops or does one
 * iteration, the graph gets that network whole, at step 0, ready to step through.
 */
final class Tools {
    /** What the training tab's bar asks the window to do. */
    interface TrainingActions {
        void showGraph();
        void saveTrained(Scenario s);
        void exportTrained(String numpyCode);
    }

    private final ObjectBinding<NetInputs> inputs;
    private final GraphViewModel graph;
    private final TrainingModel training;
    private final GradientCheckModel check;
    private final PlaygroundModel playground;
    /** Detaches the views of the current tabs from the models, which outlive them. */
    private final Disposer views = new Disposer();
    /** The language of the current tabs: the trained scenario is named and described in it. */
    private Messages text = Messages.english();

    Tools(GraphViewModel graph) {
        this.graph = graph;
        inputs = Bindings.createObjectBinding(() -> graph.getScenario().inputs(), graph.scenarioProperty());
        training = new TrainingModel(inputs);
        check = new GradientCheckModel(inputs);
        playground = new PlaygroundModel();
        // the graph follows once per update of the training, when the update changed what it shows: a run's end
        // brings its network, its state and its test accuracy at once, and the graph then loads the trained network
        // once, described with the accuracy, not once per property (the extra loads took 5 ms of the end's frame)
        training.networkProperty().addListener((o, a, n) -> followWanted = true);
        training.stateProperty().addListener((o, a, s) -> {
            if (s == State.PAUSED || s == State.FINISHED) followWanted = true;
        });
        training.resultsProperty().addListener((o, a, r) -> {
            if (r != null) followWanted = true;
        });
        training.appliedProperty().addListener((o, a, n) -> {
            if (!followWanted) return;
            followWanted = false;
            followTraining();
        });
    }

    /** Whether the update being applied changed the network, paused or ended the run, or brought its results. */
    private boolean followWanted;

    TrainingModel training() {
        return training;
    }

    PlaygroundModel playground() {
        return playground;
    }

    /** The training's network in the graph: values only while running, the whole iteration once it holds still. */
    private void followTraining() {
        if (training.networkProperty().get() == null) return;
        State s = training.stateProperty().get();
        Scenario net = training.saveAsScenario(text);
        // its name and description are in this language: the graph shows them in the window's, whatever it becomes
        graph.generated(net.name(), training.trainedName());
        graph.generated(net.description(), training.trainedDescription());
        if (s == State.RUNNING || s == State.LOADING) {
            graph.follow(net);
        } else if (s == State.PAUSED || s == State.FINISHED) {
            if (!graph.isFollowing() && net.equals(graph.getScenario())) return; // already shown whole
            graph.selectedProperty().set(null);
            graph.applyTrained(net);
        }
    }

    /** New tabs for the tools, titled in {@code text}'s language. */
    List<Tab> tabs(Messages text, TrainingActions actions) {
        views.dispose(); // the previous tabs' views (a language switch replaces them)
        this.text = text;
        Tab train = tab("tab-training", text.get("tab.training"), () -> trainingPane(text, actions));
        Tab grad = tab("tab-gradcheck", text.get("tab.gradcheck"), () -> {
            GradientCheckView view = new GradientCheckView(check, text);
            views.onDispose(view::dispose);
            return view;
        });
        check.activeProperty().unbind();
        check.activeProperty().bind(grad.selectedProperty());
        Tab play = tab("tab-playground", text.get("tab.playground"), () -> {
            PlaygroundView view = new PlaygroundView(playground, text);
            views.onDispose(view::dispose);
            return view;
        });
        return List.of(train, grad, play);
    }

    /** The training view with a bar for the trained network: step it in the graph, save it, export it. */
    private BorderPane trainingPane(Messages text, TrainingActions actions) {
        Button step = button("train-graph", text.get("train.graph"), text.get("train.graph.tip"), () -> {
            followTraining();
            actions.showGraph();
        });
        Button save = button("train-save", text.get("train.save"), text.get("train.save.tip"),
                () -> actions.saveTrained(training.saveAsScenario(text)));
        Button export = button("train-export", text.get("train.export"), text.get("train.export.tip"),
                () -> actions.exportTrained(training.exportNumpyCode(text)));
        var still = training.stateProperty().isEqualTo(State.PAUSED).or(training.stateProperty().isEqualTo(State.FINISHED));
        var none = training.networkProperty().isNull();
        step.disableProperty().bind(still.not().or(none));
        save.disableProperty().bind(none);
        export.disableProperty().bind(none);
        Label hint = new Label(text.get("train.graph.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        HBox bar = new HBox(8, step, save, export, hint);
        bar.setId("train-graph-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("train-graph-bar");
        TrainingView view = new TrainingView(training, text);
        views.onDispose(view::dispose);
        BorderPane pane = new BorderPane(view);
        pane.setTop(bar);
        return pane;
    }

    private static Button button(String id, String label, String tip, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * A tab whose view is built when it is first selected: building, styling and laying out the three tools took
     * about a fifth of a second of the window's start, for tabs a session may never open. The models exist from the
     * start (the training follows the graph's scenario either way); only the views wait.
     */
    private static Tab tab(String id, String title, Supplier<Node> content) {
        Tab t = new Tab(title);
        t.setId(id);
        t.setClosable(false);
        t.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (!selected) return;
                o.removeListener(this);
                t.setContent(content.get());
            }
        });
        return t;
    }

    void dispose() {
        views.dispose();
        check.activeProperty().unbind();
        training.dispose();
        check.dispose();
        playground.dispose();
    }
}
