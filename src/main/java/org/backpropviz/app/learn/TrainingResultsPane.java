package org.backpropviz.app.learn;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.backpropviz.app.control.AfterThisFrame;

/** The end of a run: the test set's confusion matrix and, for the digits, a few test images with their predictions. */
final class TrainingResultsPane extends VBox {
    private final ResourceBundle text = Texts.learn();
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final SampleTilesView samples = new SampleTilesView();
    private final Label title = new Label();
    private final Label samplesTitle = new Label();
    private TrainingModel.Results shown;

    TrainingResultsPane(TrainingModel model) {
        super(14);
        getStyleClass().add("train-results");
        confusion.setId("train-confusion");
        confusion.getStyleClass().add("train-confusion");
        samples.setId("train-samples");
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
        samples.show(List.of(), List.of());
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
            samples.show(r.samples(), r.classNames());
        });
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
