package org.backpropviz.app;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.control.Tab;
import org.backpropviz.app.learn.GradientCheckModel;
import org.backpropviz.app.learn.GradientCheckView;
import org.backpropviz.app.learn.TrainingModel;
import org.backpropviz.app.learn.TrainingView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.playground.PlaygroundModel;
import org.backpropviz.app.playground.PlaygroundView;
import org.backpropviz.engine.NetInputs;

/**
 * The views hosted beside the graph as tabs: training, the gradient check (both following the graph's scenario)
 * and the matrix-product playground. Their models live as long as the window; their views are rebuilt with it.
 */
final class Tools {
    private final ObjectBinding<NetInputs> inputs;
    private final TrainingModel training;
    private final GradientCheckModel check;
    private final PlaygroundModel playground;

    Tools(GraphViewModel graph) {
        inputs = Bindings.createObjectBinding(() -> graph.getScenario().inputs(), graph.scenarioProperty());
        training = new TrainingModel(inputs);
        check = new GradientCheckModel(inputs);
        playground = new PlaygroundModel();
    }

    /** New tabs for the tools, titled in {@code text}'s language. */
    List<Tab> tabs(Messages text) {
        Tab train = tab("tab-training", text.get("tab.training"), new TrainingView(training));
        Tab grad = tab("tab-gradcheck", text.get("tab.gradcheck"), new GradientCheckView(check));
        check.activeProperty().unbind();
        check.activeProperty().bind(grad.selectedProperty());
        Tab play = tab("tab-playground", text.get("tab.playground"), new PlaygroundView(playground));
        return List.of(train, grad, play);
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    void dispose() {
        check.activeProperty().unbind();
        training.dispose();
        check.dispose();
        playground.dispose();
    }
}
