package org.backpropviz.app.view;

import org.backpropviz.text.Numbers;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.model.GraphViewModel;

/**
 * The stepping controls: reset, step back, step, run the rest of the pass, play/pause, speed, the learning rate
 * and one SGD update. Every tooltip names the keyboard shortcut. A spinner shows when the engine is busy for more
 * than a blink (150 ms).
 */
public class ToolbarView extends ToolBar {
    private final GraphViewModel model;
    private final Messages text;
    private final Button play;
    private final TextField lr = new TextField();

    public ToolbarView(GraphViewModel model, Messages text, Disposer disposer) {
        this.model = model;
        this.text = text;
        setId("toolbar");
        getStyleClass().add("stepping-toolbar");
        Button reset = button("reset", "⟲", model::reset);
        Button back = button("back", "◀", model::back);
        Button step = button("step", "▶", model::step);
        step.getStyleClass().add("primary");
        Button pass = button("run-pass", "▶▶", model::runPass);
        play = button("play", "", model::togglePlay);
        Button sgd = button("sgd", "", model::sgdUpdate);
        learningRate(disposer);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getItems().addAll(reset, back, step, pass, play, new Separator());
        getItems().addAll(speedControls(disposer));
        getItems().addAll(new Separator(), new Label(text.get("toolbar.lr")), lr, sgd, gap);
        getItems().addAll(busySpinner(disposer));
        enableWithTheModel(disposer, reset, back, step, pass, sgd);
    }

    /** The speed's label, slider (following the model both ways) and the current speed's name. */
    private List<Node> speedControls(Disposer disposer) {
        Slider speed = new Slider(0, GraphViewModel.SPEED_MILLIS.length - 1, model.speedProperty().get());
        speed.setId("speed");
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setShowTickMarks(true);
        speed.setPrefWidth(90);
        speed.setFocusTraversable(false);
        speed.valueProperty().addListener((o, a, b) -> model.speedProperty().set((int) Math.round(b.doubleValue())));
        Label speedName = new Label();
        speedName.setId("speed-name");
        speedName.setMinWidth(Region.USE_PREF_SIZE);
        Runnable speedText = () -> speedName.setText(text.get("speed." + model.speedProperty().get()));
        disposer.listen(model.speedProperty(), (o, a, b) -> {
            speed.setValue(b.intValue());
            speedText.run();
        });
        speedText.run();
        Tooltip.install(speed, new Tooltip(text.get("tip.speed")));
        return List.of(new Label(text.get("toolbar.speed")), speed, speedName);
    }

    /** The learning-rate field: applied on Enter or when it loses focus, and following the model. */
    private void learningRate(Disposer disposer) {
        lr.setId("lr");
        lr.setPrefColumnCount(5);
        lr.setText(number(model.learningRateProperty().get()));
        lr.setTooltip(new Tooltip(text.get("tip.lr")));
        lr.setOnAction(e -> {
            commitLr();
            requestFocus();
        });
        lr.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) commitLr();
        });
        disposer.listen(model.learningRateProperty(), (o, a, b) -> lr.setText(number(b.doubleValue())));
    }

    /** "Computing" and a spinner, shown when the engine is busy for more than a blink (150 ms). */
    private List<Node> busySpinner(Disposer disposer) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(22, 22);
        busy.setVisible(false);
        Label busyLabel = new Label(text.get("toolbar.computing"));
        busyLabel.visibleProperty().bind(busy.visibleProperty());
        PauseTransition blink = new PauseTransition(Duration.millis(150));
        blink.setOnFinished(e -> busy.setVisible(model.busyProperty().get()));
        disposer.listen(model.busyProperty(), (o, a, isBusy) -> {
            if (isBusy) blink.playFromStart();
            else {
                blink.stop();
                busy.setVisible(false);
            }
        });
        return List.of(busyLabel, busy);
    }

    /** Enables each button when the model can do its step, and names Play or Pause. */
    private void enableWithTheModel(Disposer disposer, Button reset, Button back, Button step, Button pass, Button sgd) {
        Runnable enable = () -> {
            back.setDisable(!model.canBack());
            reset.setDisable(!model.canBack());
            step.setDisable(!model.canStep());
            pass.setDisable(!model.canStep());
            sgd.setDisable(!model.canUpdate());
            play.setText(text.get(model.playingProperty().get() ? "toolbar.pause" : "toolbar.play"));
            play.setDisable(!model.isReady());
        };
        disposer.listen(model.traceProperty(), (o, a, b) -> enable.run());
        disposer.listen(model.readyProperty(), (o, a, b) -> enable.run());
        disposer.listen(model.playingProperty(), (o, a, b) -> enable.run());
        enable.run();
        sgd.setText(text.get("toolbar.sgd"));
    }

    private Button button(String id, String glyph, Runnable action) {
        String label = text.get("toolbar." + id);
        Button b = new Button(glyph.isEmpty() ? label : glyph + "  " + label);
        b.setId(id);
        b.setTooltip(new Tooltip(text.get("tip." + id)));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /** Applies the typed rate; anything but a positive number is named in the status line and the rate stays. */
    private void commitLr() {
        String typed = lr.getText().trim();
        String current = number(model.learningRateProperty().get());
        if (typed.equals(current)) return;
        try {
            double v = Double.parseDouble(typed);
            if (Double.isFinite(v) && v > 0) {
                model.learningRateProperty().set(v);
                return;
            }
        } catch (NumberFormatException ignored) {
            // falls through: say so and show the current rate again
        }
        model.say("notice.lrInvalid", List.of(typed, current), true);
        lr.setText(current);
    }

    private static String number(double v) {
        return Numbers.repr(v);
    }
}
