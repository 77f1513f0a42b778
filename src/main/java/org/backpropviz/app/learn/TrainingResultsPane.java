package org.backpropviz.app.learn;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backpropviz.app.control.AfterThisFrame;
import org.backpropviz.app.control.Labels;
import org.backpropviz.app.control.LazyTooltip;

/** The end of a run: the test set's confusion matrix and, for the digits, a few test images with their predictions. */
final class TrainingResultsPane extends VBox {
    static final PseudoClass MISCLASSIFIED = PseudoClass.getPseudoClass("misclassified");
    private static final double PIXEL = 6;

    private final ResourceBundle text = Texts.learn();
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final FlowPane samples = new FlowPane(8, 8);
    private final Label title = new Label();
    private final Label samplesTitle = new Label();
    private TrainingModel.Results shown;

    TrainingResultsPane(TrainingModel model) {
        super(14);
        getStyleClass().add("train-results");
        confusion.setId("train-confusion");
        confusion.getStyleClass().add("train-confusion");
        samples.setId("train-samples");
        samples.setPrefWrapLength(640);
        title.setWrapText(true);
        title.setMinHeight(USE_PREF_SIZE);
        title.getStyleClass().add("train-section");
        samplesTitle.getStyleClass().add("train-section");
        VBox left = new VBox(6, title, confusion);
        VBox right = new VBox(6, samplesTitle, samples);
        right.managedProperty().bind(right.visibleProperty());
        right.visibleProperty().bind(samplesTitle.textProperty().isNotEmpty());
        getChildren().addAll(left, right);
        model.resultsProperty().addListener((o, was, now) -> show(now));
        show(model.resultsProperty().get());
    }

    private void show(TrainingModel.Results r) {
        shown = r;
        samples.getChildren().clear();
        if (r == null) {
            setVisible(false);
            setManaged(false);
            samplesTitle.setText("");
            return;
        }
        // One part per frame, each after the frame before it is drawn: the run's end (buttons, status, settings),
        // then the matrix, then the images. Together they made frames of 40-90 ms with the software renderer: their
        // dirty regions merged into one that covered the whole page.
        AfterThisFrame.run(() -> {
            if (shown == r) showMatrix(r);
        });
    }

    private void showMatrix(TrainingModel.Results r) {
        setVisible(true);
        setManaged(true);
        title.setText(MessageFormat.format(text.getString("train.confusion"), percent(r.testAccuracy())));
        confusion.show(r.confusion(), r.classNames(), text.getString("train.confusion.axes"), text.getString("train.confusion.tip"));
        samplesTitle.setText(r.samples().isEmpty() ? "" : text.getString("train.samples"));
        AfterThisFrame.run(() -> {
            if (shown != r) return;
            List<Node> tiles = new ArrayList<>();
            for (TrainingModel.Sample s : r.samples()) tiles.add(tile(s, r));
            samples.getChildren().setAll(tiles);
        });
    }

    private VBox tile(TrainingModel.Sample s, TrainingModel.Results r) {
        Canvas c = new Canvas(8 * PIXEL, 8 * PIXEL);
        GraphicsContext g = c.getGraphicsContext2D();
        double max = 0;
        for (double v : s.pixels()) max = Math.max(max, v);
        for (int i = 0; i < 64; i++) {
            g.setFill(Color.gray(1 - (max > 0 ? Math.max(0, s.pixels()[i]) / max : 0)));
            g.fillRect((i % 8) * PIXEL, (i / 8) * PIXEL, PIXEL, PIXEL);
        }
        Label pred = Labels.of(MessageFormat.format(text.getString("train.sample.pred"), r.classNames().get(s.predicted()),
                percent(s.probabilities()[s.predicted()])));
        pred.getStyleClass().add("train-sample-pred");
        Label truth = Labels.of(s.misclassified() ? MessageFormat.format(text.getString("train.sample.true"), r.classNames().get(s.label())) : "✓");
        truth.getStyleClass().add("train-sample-true");
        VBox tile = new VBox(2, c, bars(s), pred, truth);
        tile.setAlignment(Pos.CENTER);
        tile.getStyleClass().add("train-sample");
        tile.pseudoClassStateChanged(MISCLASSIFIED, s.misclassified());
        LazyTooltip.install(tile, () -> {
            StringBuilder probs = new StringBuilder();
            for (int k = 0; k < s.probabilities().length; k++) {
                probs.append(r.classNames().get(k)).append(": ").append(String.format(Locale.ROOT, "%.3f", s.probabilities()[k])).append('\n');
            }
            return text.getString("train.sample.tip") + "\n" + probs.toString().strip();
        });
        return tile;
    }

    /** One bar per class: the predicted class in blue, the true class (when missed) in red. */
    private static Canvas bars(TrainingModel.Sample s) {
        int n = s.probabilities().length;
        double w = Math.max(3, Math.floor(8 * PIXEL / n)), h = 22;
        Canvas c = new Canvas(n * w, h);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(Color.gray(0.93));
        g.fillRect(0, 0, n * w, h);
        for (int k = 0; k < n; k++) {
            double p = s.probabilities()[k];
            g.setFill(k == s.predicted() ? Color.web("#1e6fd9") : k == s.label() ? Color.web("#d32f2f") : Color.gray(0.55));
            g.fillRect(k * w + 0.5, h - Math.max(1, p * h), w - 1, Math.max(1, p * h));
            if (k == s.label() && s.misclassified()) {
                g.setStroke(Color.web("#d32f2f"));
                g.strokeRect(k * w + 0.5, 0.5, w - 1, h - 1);
            }
        }
        return c;
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
