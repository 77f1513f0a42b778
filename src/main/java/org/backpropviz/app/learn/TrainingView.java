package org.backpropviz.app.learn;

import org.backpropviz.app.view.Disposer;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.control.Theme;
import org.backpropviz.app.fx.UncachedViewport;
import org.backpropviz.text.Numbers;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Training the net: settings on the left; Start, Pause/Resume, Stop and One iteration with a progress bar on top; the
 * loss per iteration (raw and smoothed) and the accuracies per epoch as live charts; the test results at the end.
 */
public final class TrainingView extends BorderPane {
    private final TrainingModel model;
    private final Messages text;
    private final Label status = new Label();
    /** The listeners on the window-long model, removed by {@link #dispose()}. */
    private final Disposer listeners = new Disposer();

    public TrainingView(TrainingModel model, Messages text) {
        this.text = text;
        this.model = model;
        getStyleClass().addAll("learn-view", "train-view");
        // a CSS hook per language: Korean needs a font with Hangul where the default has none
        getStyleClass().add("lang-" + (text.locale().getLanguage()));
        Theme.apply(this, TrainingView.class.getResource("learn.css"));

        TrainingSettingsPane settingsPane = new TrainingSettingsPane(model, text, listeners);
        ScrollPane settings = new ScrollPane(settingsPane);
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.getStyleClass().add("train-settings-scroll");
        settings.setMinWidth(300);
        settings.setPrefWidth(310);
        setLeft(settings);

        VBox center = new VBox(8, toolbar(), status, charts(), new TrainingResultsPane(model, text, listeners));
        center.setPadding(new Insets(0, 0, 0, 10));
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        // the results below the charts make the page taller than the window as a run ends: a scroll bar that came
        // only then would narrow the charts, and that frame would lay out and repaint the whole page
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.getStyleClass().add("train-center-scroll");
        setCenter(scroll);
        UncachedViewport.apply(scroll);
        UncachedViewport.apply(settings);
        // a few frames after the view first shows (its own frames are full), while the learner reads the page
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene was,
                    javafx.scene.Scene now) {
                if (now == null) return;
                o.removeListener(this);
                org.backpropviz.app.fx.AfterThisFrame.run(3, () -> {
                    if (getScene() != null) settingsPane.rehearseLocked();
                });
            }
        });

        status.setId("train-status");
        status.getStyleClass().add("learn-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, model.stateProperty(), model.iterationProperty(),
                model.lastEpochProperty(), model.dataInfoProperty(), model.errorProperty(), model.resultsProperty()));
        status.pseudoClassStateChanged(GradientCheckView.MISMATCH, false);
        listeners.listen(model.stateProperty(), (o, was, now) ->
                status.pseudoClassStateChanged(GradientCheckView.MISMATCH, now == TrainingModel.State.FAILED));
    }

    private HBox toolbar() {
        Button start = button("train-start", "train.start");
        start.setOnAction(e -> model.start());
        Button pause = button("train-pause", "train.pause");
        pause.setOnAction(e -> {
            if (model.stateProperty().get() == TrainingModel.State.PAUSED) model.resume();
            else model.pause();
        });
        pause.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(TrainingModel.State.PAUSED))
                .then(text.get("train.resume")).otherwise(text.get("train.pause")));
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingModel.State.RUNNING)
                .and(model.stateProperty().isNotEqualTo(TrainingModel.State.PAUSED)));
        Button stop = button("train-stop", "train.stop");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(pause.disableProperty().and(model.stateProperty().isNotEqualTo(TrainingModel.State.LOADING)));
        Button step = button("train-step", "train.step");
        step.setOnAction(e -> model.step());
        step.disableProperty().bind(model.stateProperty().isEqualTo(TrainingModel.State.RUNNING)
                .or(model.stateProperty().isEqualTo(TrainingModel.State.LOADING)));
        start.disableProperty().bind(model.stateProperty().isEqualTo(TrainingModel.State.LOADING));
        ProgressBar progress = new ProgressBar();
        progress.setId("train-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setTooltip(new Tooltip(text.get("train.progress.tip")));
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinWidth(80); // still a bar beside the pace at 1024 px
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox bar = new HBox(8, start, pause, stop, step, paceLabel(), pace(), progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Iterations per second to hold a run to, so its charts can be followed: full speed, 1,000 down to 1. */
    static final List<Integer> PACES = List.of(0, 1000, 100, 10, 1);

    private Label paceLabel() {
        Label l = new Label(text.get("train.pace"));
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private ComboBox<Integer> pace() {
        ComboBox<Integer> pace = new ComboBox<>();
        pace.setId("train-pace");
        pace.getItems().addAll(PACES);
        pace.setTooltip(new Tooltip(text.get("train.pace.tip")));
        pace.setCellFactory(l -> paceCell());
        pace.setButtonCell(paceCell());
        pace.setValue(model.paceProperty().get());
        pace.valueProperty().addListener((o, was, now) -> {
            if (now != null) model.paceProperty().set(now);
        });
        pace.setMinWidth(ComboBox.USE_PREF_SIZE);
        return pace;
    }

    /** What a pace reads as: {@code full speed}, {@code 1,000 it/s}. */
    String paceText(int perSecond) {
        return perSecond == 0 ? text.get("train.pace.full")
                : text.get("train.pace.rate", Numbers.count(perSecond));
    }

    private ListCell<Integer> paceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Integer v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : paceText(v));
            }
        };
    }

    private Button button(String id, String key) {
        Button b = new Button(text.get(key));
        b.setId(id);
        b.setMinWidth(Button.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(text.get(key + ".tip")));
        return b;
    }

    private HBox charts() {
        var running = model.stateProperty().isEqualTo(TrainingModel.State.RUNNING);
        // before the first loss, 0 to 2.5: a fresh net's loss is about ln 3 to ln 10
        TrainingChart loss = new TrainingChart(text.get("train.chart.lossTitle"), text.get("train.chart.iteration"),
                text.get("train.chart.loss"), new SteppedAxis.Range(0, 2.5, 0.5), false)
                .series(model.rawLoss(), text.get("train.chart.raw"))
                .series(model.smoothLoss(), text.get("train.chart.smooth"))
                .follow(model.lossChangesProperty(), running, listeners);
        loss.setId("loss-chart");
        loss.getStyleClass().add("train-loss-chart");
        TrainingChart accuracy = new TrainingChart(text.get("train.chart.accuracyTitle"), text.get("train.chart.epoch"),
                text.get("train.chart.accuracy"), new SteppedAxis.Range(0, 1, 0.1), true)
                .series(model.trainAccuracy(), text.get("train.chart.train"))
                .series(model.testAccuracy(), text.get("train.chart.test"))
                .follow(model.accuracyChangesProperty(), running, listeners);
        accuracy.setId("accuracy-chart");
        accuracy.getStyleClass().add("train-accuracy-chart");
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        return new HBox(6, loss, accuracy);
    }

    private String statusText() {
        TrainingModel.State s = model.stateProperty().get();
        String info = model.dataInfoProperty().get();
        String data = "";
        if (!info.isEmpty()) {
            String[] p = info.split("\\|");
            data = text.get("train.dataInfo", p[0], p[1], p[2], p[3], p[4], p[5]) + "  ";
        }
        var e = model.lastEpochProperty().get();
        String epoch = e == null ? "" : text.get("train.epochInfo", e.epoch(), GradientCheckView.fmt(e.loss()),
                TrainingResultsPane.percent(e.trainAccuracy()), TrainingResultsPane.percent(e.testAccuracy()));
        var r = model.resultsProperty().get();
        String end = s == TrainingModel.State.FINISHED && r != null && r.end() != TrainingModel.End.NONE
                ? " " + text.get("train.end." + r.end().name().toLowerCase(java.util.Locale.ROOT), TrainingResultsPane.percent(model.targetAccuracyProperty().get()), model.plateauProperty().get())
                : "";
        return switch (s) {
            case IDLE -> text.get("train.state.idle");
            case LOADING -> text.get("train.state.loading");
            case FAILED -> text.get("train.state.failed", text.get(model.errorProperty().get()));
            default -> data + text.get("train.state." + s.name().toLowerCase(java.util.Locale.ROOT), model.iterationProperty().get()) + end + (epoch.isEmpty() ? "" : "  " + epoch);
        };
    }

    /**
     * Detaches this view from the model (which lives as long as the window): called when the view is replaced, as on
     * a language switch. A disposed view no longer follows the model.
     */
    public void dispose() {
        listeners.dispose();
    }
}
