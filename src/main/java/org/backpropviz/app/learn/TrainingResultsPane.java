package org.backpropviz.app.learn;

import org.backpropviz.app.i18n.Messages;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.backpropviz.app.fx.AfterThisFrame;

/** The end of a run: the test set's confusion matrix and, for the digits, a few test images with their predictions. */
final class TrainingResultsPane extends VBox {
    /** On the titles while the results shown are from before the current run went on. */
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    /**
     * The most classes whose confusion matrix is drawn: a CSV may have up to 1000, and a canvas of a million cells
     * (30000 pixels across) held the JavaFX thread for minutes; 30 still fit the page.
     */
    static final int MAX_DRAWN = 30;
    private final Messages text;
    private final ConfusionMatrixView confusion = new ConfusionMatrixView();
    private final SampleTilesView samples;
    private final Label title = new Label();
    private final Label samplesTitle = new Label();
    /** The newest results asked for (null while a run goes), and the ones on screen (maybe the previous run's). */
    private TrainingModel.Results wanted, shown;

    TrainingResultsPane(TrainingModel model, Messages text, org.backpropviz.app.view.Disposer listeners) {
        super(14);
        this.text = text;
        samples = new SampleTilesView(text);
        getStyleClass().add("train-results");
        confusion.setId("train-confusion");
        confusion.getStyleClass().add("train-confusion");
        samples.setId("train-samples");
        title.setId("train-results-title");
        title.setWrapText(true);
        title.setMinHeight(USE_PREF_SIZE);
        title.getStyleClass().add("train-section");
        samplesTitle.getStyleClass().add("train-section");
        VBox left = new VBox(6, title, confusion);
        VBox right = new VBox(6, samplesTitle, samples);
        right.managedProperty().bind(right.visibleProperty());
        right.visibleProperty().bind(samplesTitle.textProperty().isNotEmpty());
        getChildren().addAll(left, right);
        setVisible(false);
        setManaged(false);
        listeners.listen(model.resultsProperty(), (o, was, now) -> show(now));
        show(model.resultsProperty().get());
    }

    /**
     * A run going on (r == null) leaves the last results where they are, titled as earlier ones: emptying the pane
     * would change the page's height, and the software renderer repaints the whole visible page for that (20-45 ms).
     * New results replace them one part per frame, each after the frame before it is drawn: the run's end (buttons,
     * status, settings), then the matrix, then the images.
     */
    private void show(TrainingModel.Results r) {
        wanted = r;
        if (r == null) {
            if (shown != null) title.setText(text.get("train.confusion.previous", percent(shown.testAccuracy())));
            title.pseudoClassStateChanged(STALE, shown != null);
            samplesTitle.pseudoClassStateChanged(STALE, shown != null);
            return;
        }
        AfterThisFrame.run(() -> {
            if (wanted == r) showMatrix(r);
        });
    }

    private void showMatrix(TrainingModel.Results r) {
        shown = r;
        setVisible(true);
        setManaged(true);
        title.pseudoClassStateChanged(STALE, false);
        samplesTitle.pseudoClassStateChanged(STALE, false);
        boolean drawn = r.confusion().length <= MAX_DRAWN;
        confusion.setVisible(drawn);
        confusion.setManaged(drawn);
        if (drawn) {
            title.setText(text.get("train.confusion", percent(r.testAccuracy())));
            confusion.show(r.confusion(), r.classNames(), text.get("train.confusion.axes"), text.pattern("train.confusion.tip"));
        } else {
            title.setText(text.get("train.confusion.tooMany", percent(r.testAccuracy()), r.confusion().length, MAX_DRAWN));
        }
        samplesTitle.setText(r.samples().isEmpty() ? "" : text.get("train.samples"));
        AfterThisFrame.run(() -> {
            if (wanted == r) samples.show(r.samples(), r.classNames());
        });
    }

    static String percent(double v) {
        return org.backpropviz.text.Numbers.percent(v);
    }
}
