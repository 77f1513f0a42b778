package org.backpropviz.app.learn;

import org.backpropviz.app.i18n.Messages;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.backpropviz.app.fx.WholeNumberSpinners;
import org.backpropviz.engine.train.TrainConfig;

/** The training view's settings: data, network and stop condition. Locked while a run is going, except the learning rate. */
final class TrainingSettingsPane extends VBox {
    private static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");
    private final TrainingModel model;
    private final Messages text;
    /** The listeners on the window-long model, removed with the training view. */
    private final org.backpropviz.app.view.Disposer listeners;
    /** Bidirectional bindings hold their ends weakly: keep the adapters. */
    private final List<Object> keep = new ArrayList<>();
    private final BooleanBinding locked;
    /** True only within {@link #rehearseLocked()}: the settings look locked for one CSS pass, never on screen. */
    private final BooleanProperty rehearsing = new SimpleBooleanProperty(this, "rehearsing");
    private boolean rehearsed;
    /** What each refused field was told (by field id, in the order refused); shown under the settings. */
    private final Map<String, String> refused = new LinkedHashMap<>();
    private final Label problems = new Label();
    /** Put each field back to its setting, for Defaults (a setting that did not change sends no event). */
    private final List<Runnable> resets = new ArrayList<>();
    private int row;

    TrainingSettingsPane(TrainingModel model, Messages text, org.backpropviz.app.view.Disposer listeners) {
        this.text = text;
        this.listeners = listeners;
        this.model = model;
        getStyleClass().add("train-settings");
        setSpacing(10);
        locked = Bindings.createBooleanBinding(() -> rehearsing.get() || switch (model.stateProperty().get()) {
            case LOADING, RUNNING, PAUSED -> true;
            default -> false;
        }, model.stateProperty(), rehearsing);

        getChildren().addAll(section("train.section.data"), dataSection(), section("train.section.network"), networkSection(),
                section("train.section.stop"), stopSection(), problemsLabel(), defaultsButton());
        setPadding(new Insets(0, 8, 0, 0));
    }

    /**
     * Styles the settings as a run locks them, then as they are, within one event and so within no frame: JavaFX
     * computes each control's disabled look the first time it is needed and caches it, and the first Start of a
     * session paid for every one of them in its own frame (13 ms of CSS and layout). Nothing is drawn locked.
     */
    void rehearseLocked() {
        if (locked.get()) return; // a run has started: its frame has styled them already
        // a focused control that is disabled loses the focus for good: leave the settings alone once one has it
        for (Node n = getScene() == null ? null : getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == this) return;
        }
        rehearsing.set(true);
        applyCss();
        rehearsing.set(false);
        applyCss();
        rehearsed = true;
    }

    /** Whether {@link #rehearseLocked()} has styled the locked settings (for tests). */
    boolean rehearsed() {
        return rehearsed;
    }

    /** Where the examples come from: the data set or a CSV file, scaling, the test share and the seed. */
    private GridPane dataSection() {
        GridPane data = grid();
        ComboBox<TrainingModel.Source> source = new ComboBox<>();
        source.getItems().addAll(TrainingModel.Source.values());
        source.setId("train-data");
        source.valueProperty().bindBidirectional(model.sourceProperty());
        source.setCellFactory(l -> sourceCell());
        source.setButtonCell(sourceCell());
        source.setMaxWidth(Double.MAX_VALUE);
        add(data, "train.data", source, "train.data.tip");
        Button choose = new Button(text.get("train.csv"));
        choose.setId("train-csv");
        choose.setTooltip(new Tooltip(text.get("train.csv.tip")));
        choose.setOnAction(e -> chooseCsv());
        Label file = new Label();
        file.getStyleClass().add("train-file");
        file.textProperty().bind(Bindings.createStringBinding(() -> model.csvFileProperty().get() == null
                ? text.get("train.csv.none") : model.csvFileProperty().get().getFileName().toString(), model.csvFileProperty()));
        choose.disableProperty().bind(locked);
        VBox csvRow = new VBox(2, choose, file);
        data.add(csvRow, 1, row++);
        CheckBox scale = new CheckBox(text.get("train.scale"));
        scale.setId("train-scale");
        scale.setTooltip(new Tooltip(text.get("train.scale.tip")));
        scale.selectedProperty().bindBidirectional(model.scaleProperty());
        scale.disableProperty().bind(locked);
        scale.setWrapText(true); // a narrow column wraps the label rather than cutting it
        scale.setMinHeight(Region.USE_PREF_SIZE);
        scale.setMinWidth(0);
        scale.setMaxWidth(Double.MAX_VALUE);
        data.add(scale, 1, row++);
        add(data, "train.testFraction", number("train-test-fraction", "train.testFraction", model.testFractionProperty(), TrainConfig::validTestFraction, "train.rule.fraction", null), "train.testFraction.tip");
        add(data, "train.seed", longSpinner(), "train.seed.tip");
        return data;
    }

    /** The network and its optimiser: hidden width, initial weights, learning rate (live), batch and length. */
    private GridPane networkSection() {
        GridPane net = grid();
        Label layers = new Label();
        layers.setId("train-layers");
        layers.getStyleClass().add("train-file");
        layers.setWrapText(true);
        layers.setMinHeight(Region.USE_PREF_SIZE);
        layers.textProperty().bind(Bindings.createStringBinding(() -> text.get("train.layers", model.layersProperty().get()),
                model.layersProperty()));
        layers.setTooltip(new Tooltip(text.get("train.layers.tip")));
        net.add(layers, 0, row++, 2, 1);
        add(net, "train.hidden", spinner("train-hidden", "train.hidden", model.hiddenProperty(), 1, TrainConfig.MAX_HIDDEN), "train.hidden.tip");
        add(net, "train.initStd", number("train-init-std", "train.initStd", model.initStdProperty(), TrainConfig::validInitStd, "train.rule.positive", null), "train.initStd.tip");
        TextField lr = number("train-lr", "train.lr", model.learningRateProperty(), TrainConfig::validLearningRate, "train.rule.positive", model::setLearningRate);
        add(net, "train.lr", lr, "train.lr.tip");
        lr.disableProperty().unbind();
        lr.setDisable(false);
        add(net, "train.batch", spinner("train-batch", "train.batch", model.batchProperty(), 1, TrainConfig.MAX_BATCH), "train.batch.tip");
        ComboBox<TrainingModel.Limit> limit = new ComboBox<>();
        limit.getItems().addAll(TrainingModel.Limit.values());
        limit.setId("train-limit");
        limit.valueProperty().bindBidirectional(model.limitProperty());
        limit.setCellFactory(l -> limitCell());
        limit.setButtonCell(limitCell());
        add(net, "train.limit", limit, "train.limit.tip");
        Spinner<Integer> epochs = spinner("train-epochs", "train.limit", model.epochsProperty(), 1, TrainConfig.MAX_EPOCHS);
        Spinner<Integer> iterations = spinner("train-iterations", "train.limit", model.iterationsProperty(), 1, TrainConfig.MAX_ITERATIONS);
        epochs.visibleProperty().bind(model.limitProperty().isEqualTo(TrainingModel.Limit.EPOCHS));
        epochs.managedProperty().bind(epochs.visibleProperty());
        iterations.visibleProperty().bind(epochs.visibleProperty().not());
        iterations.managedProperty().bind(iterations.visibleProperty());
        epochs.setTooltip(new Tooltip(text.get("train.epochs.tip")));
        iterations.setTooltip(new Tooltip(text.get("train.iterations.tip")));
        net.add(new HBox(epochs, iterations), 1, row++);
        return net;
    }

    /** Early stops: a target test accuracy and a plateau, each 0 for off, said beside the field. */
    private GridPane stopSection() {
        GridPane stop = grid();
        add(stop, "train.target", number("train-target", "train.target", model.targetAccuracyProperty(), TrainConfig::validTargetAccuracy, "train.rule.accuracy", null), "train.target.tip");
        stop.add(offHint("train-target-off"), 1, row++);
        add(stop, "train.plateau", spinner("train-plateau", "train.plateau", model.plateauProperty(), 0, TrainConfig.MAX_PLATEAU), "train.plateau.tip");
        stop.add(offHint("train-plateau-off"), 1, row++);
        return stop;
    }

    private Label offHint(String id) {
        Label off = new Label(text.get("train.zeroOff"));
        off.setId(id);
        off.getStyleClass().add("train-file");
        off.setWrapText(true);
        off.setMinHeight(Region.USE_PREF_SIZE);
        return off;
    }

    /** The refusals of typed values, under the settings (hidden while there are none). */
    private Label problemsLabel() {
        problems.setId("train-settings-problems");
        problems.getStyleClass().add("learn-status");
        problems.pseudoClassStateChanged(MISMATCH, true);
        problems.setWrapText(true);
        problems.setMinHeight(Label.USE_PREF_SIZE);
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setVisible(false);
        return problems;
    }

    private Button defaultsButton() {
        Button defaults = new Button(text.get("train.defaults"));
        defaults.setId("train-defaults");
        defaults.setTooltip(new Tooltip(text.get("train.defaults.tip")));
        defaults.setOnAction(e -> {
            model.applyDefaults();
            resets.forEach(Runnable::run);
        });
        defaults.disableProperty().bind(locked);
        listeners.listen(model.sourceProperty(), (o, was, now) -> resets.forEach(Runnable::run)); // new defaults too
        return defaults;
    }

    private Label section(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add("train-section");
        return l;
    }

    private GridPane grid() {
        row = 0;
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(120);
        labels.setPrefWidth(120);
        javafx.scene.layout.ColumnConstraints controls = new javafx.scene.layout.ColumnConstraints();
        controls.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, controls);
        return g;
    }

    private void add(GridPane g, String key, Node control, String tipKey) {
        Label l = new Label(text.get(key));
        l.setWrapText(true);
        Tooltip tip = new Tooltip(text.get(tipKey));
        l.setTooltip(tip);
        if (control instanceof javafx.scene.control.Control c && c.getTooltip() == null) c.setTooltip(tip);
        if (!"train-lr".equals(control.getId())) control.disableProperty().bind(locked);
        g.addRow(row++, l, control);
    }

    private Spinner<Integer> spinner(String id, String labelKey, IntegerProperty p, int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        ObjectProperty<Integer> adapter = p.asObject();
        keep.add(adapter);
        s.getValueFactory().valueProperty().bindBidirectional(adapter);
        whole(s, labelKey);
        s.disableProperty().bind(locked);
        return s;
    }

    /**
     * Checks what is typed into a spinner when the spinner commits it (Enter, or leaving the field): a whole number in
     * its bounds is taken; anything else is named under the settings, and the spinner keeps and shows its value.
     */
    private void whole(Spinner<Integer> s, String labelKey) {
        WholeNumberSpinners.refuseBadText(s, r -> refuse(s.getId(), labelKey, r.typed(),
                text.get("train.rule.whole", r.min(), r.max()), String.valueOf(r.kept())));
        s.valueProperty().addListener((o, was, now) -> accepted(s.getId())); // a new value; the same one fixes nothing
        resets.add(() -> {
            s.getEditor().setText(String.valueOf(s.getValue()));
            accepted(s.getId());
        });
    }

    private void refuse(String id, String labelKey, String typed, String rule, String kept) {
        refused.put(id, text.get("train.refused", text.get(labelKey), typed, rule, kept));
        showProblems();
    }

    private void accepted(String id) {
        if (refused.remove(id) != null) showProblems();
    }

    private void showProblems() {
        problems.setText(String.join("\n", refused.values()));
        problems.setVisible(!refused.isEmpty());
    }

    private Spinner<Integer> longSpinner() {
        Spinner<Integer> s = new Spinner<>(0, TrainConfig.MAX_SEED, (int) model.seedProperty().get());
        s.setId("train-seed");
        s.setEditable(true);
        s.setPrefWidth(110);
        s.valueProperty().addListener((o, was, now) -> model.seedProperty().set(now));
        listeners.listen(model.seedProperty(), (o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        whole(s, "train.seed");
        return s;
    }

    /**
     * A number field: text that is not a number or fails {@code ok} is refused: the field turns red, the message under
     * the settings names it and the rule ({@code ruleKey}), and the setting keeps its value.
     */
    private TextField number(String id, String labelKey, DoubleProperty p, DoublePredicate ok, String ruleKey, DoubleConsumer apply) {
        TextField f = new TextField(org.backpropviz.text.Numbers.repr(p.get()));
        f.setId(id);
        f.setPrefColumnCount(7);
        f.setMaxWidth(110);
        Runnable reset = () -> {
            f.setText(org.backpropviz.text.Numbers.repr(p.get()));
            f.pseudoClassStateChanged(MISMATCH, false);
            accepted(id);
        };
        listeners.listen(p, (o, was, now) -> reset.run());
        resets.add(reset);
        Runnable commit = () -> {
            String typed = f.getText().trim();
            try {
                double v = Double.parseDouble(typed);
                if (ok.test(v) && Double.isFinite(v)) {
                    f.pseudoClassStateChanged(MISMATCH, false);
                    accepted(id);
                    if (apply != null) apply.accept(v);
                    else p.set(v);
                    return;
                }
            } catch (NumberFormatException ignored) {
                // refused below
            }
            f.pseudoClassStateChanged(MISMATCH, true);
            refuse(id, labelKey, typed, text.get(ruleKey), org.backpropviz.text.Numbers.repr(p.get()));
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit.run();
        });
        return f;
    }

    private void chooseCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle(text.get("train.csv.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.csv.gz", "*.txt"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            model.csvFileProperty().set(f.toPath());
            model.sourceProperty().set(TrainingModel.Source.CSV);
        }
    }

    private ListCell<TrainingModel.Source> sourceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(TrainingModel.Source s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : text.get("train.source." + s.name().toLowerCase(java.util.Locale.ROOT)));
            }
        };
    }

    private ListCell<TrainingModel.Limit> limitCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(TrainingModel.Limit s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : text.get("train.limit." + s.name().toLowerCase(java.util.Locale.ROOT)));
            }
        };
    }
}
