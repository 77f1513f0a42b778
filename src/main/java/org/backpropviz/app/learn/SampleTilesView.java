package org.backpropviz.app.learn;

import org.backpropviz.app.i18n.Messages;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Test images with their predictions, in rows that wrap to the width: each tile the 8 × 8 image, a bar per class
 * (the predicted class in blue, the true class in red when missed), the prediction with its probability, and the
 * true class when it was missed (the tile then framed in red). The pointer's tile lists every class's probability.
 * Drawn on one canvas: a dozen tiles of two canvases and two labels each took 12-26 ms of the JavaFX thread to style
 * and lay out in the frame that showed them.
 */
final class SampleTilesView extends CanvasPane {
    private static final double PIXEL = 6, IMAGE = 8 * PIXEL, BARS_HEIGHT = 22, GAP = 8, PAD = 4, BORDER = 2, LINE_GAP = 2;

    private final Messages text;
    private List<TrainingModel.Sample> samples = List.of();
    private List<String> names = List.of();
    // the layout: a tile's size, and its lines' heights
    private double tileWidth, tileHeight, line;

    SampleTilesView(Messages text) {
        this.text = text;
        getStyleClass().add("sample-tiles");
        setMaxWidth(Double.MAX_VALUE); // the rows wrap to the width given
    }

    /** Shows {@code samples} (not copied: the caller does not change them afterwards), their classes named by {@code names}. */
    void show(List<TrainingModel.Sample> samples, List<String> names) {
        this.samples = List.copyOf(samples);
        this.names = List.copyOf(names);
        StringBuilder words = new StringBuilder();
        for (TrainingModel.Sample s : this.samples) words.append(prediction(s)).append(' ').append(truth(s)).append("; ");
        setAccessibleText(words.toString().strip());
        changed();
    }

    /** The tiles shown. */
    int count() {
        return samples.size();
    }

    /** The index of the tile at a point in this region's coordinates, or -1. */
    int tileAt(double x, double y) {
        int columns = columns(getWidth());
        int c = (int) Math.floor(x / (tileWidth + GAP)), r = (int) Math.floor(y / (tileHeight + GAP));
        if (x < 0 || y < 0 || c >= columns || x - c * (tileWidth + GAP) > tileWidth || y - r * (tileHeight + GAP) > tileHeight) return -1;
        int i = r * columns + c;
        return i < samples.size() ? i : -1;
    }

    /** The top-left corner of tile {@code i}, in this region's coordinates. */
    Point2D tileOrigin(int i) {
        int columns = columns(getWidth());
        return new Point2D((i % columns) * (tileWidth + GAP), (i / columns) * (tileHeight + GAP));
    }

    /** What the tooltip says of tile {@code i}: the probability of every class. */
    String describe(int i) {
        TrainingModel.Sample s = samples.get(i);
        StringBuilder probs = new StringBuilder();
        for (int k = 0; k < s.probabilities().length; k++) {
            probs.append(names.get(k)).append(": ").append(String.format(Locale.ROOT, "%.3f", s.probabilities()[k])).append('\n');
        }
        return text.get("train.sample.tip") + "\n" + probs.toString().strip();
    }

    @Override
    protected String describeAt(double x, double y) {
        int i = tileAt(x, y);
        return i < 0 ? null : describe(i);
    }

    private String prediction(TrainingModel.Sample s) {
        return text.get("train.sample.pred", names.get(s.predicted()),
                TrainingResultsPane.percent(s.probabilities()[s.predicted()]));
    }

    private String truth(TrainingModel.Sample s) {
        return s.misclassified() ? text.get("train.sample.true", names.get(s.label())) : "✓";
    }

    private double barWidth() {
        return Math.max(3, Math.floor(IMAGE / Math.max(1, names.size())));
    }

    @Override
    protected void remeasure() {
        Font b = bold();
        double inner = Math.max(IMAGE, names.size() * barWidth());
        for (TrainingModel.Sample s : samples) inner = Math.max(inner, Math.max(width(prediction(s), b), width(truth(s), b)));
        line = lineHeight(b);
        tileWidth = inner + 2 * (PAD + BORDER);
        tileHeight = IMAGE + BARS_HEIGHT + 2 * line + 3 * LINE_GAP + 2 * (PAD + BORDER);
    }

    private int columns(double width) {
        if (samples.isEmpty()) return 1;
        int fit = width <= 0 ? samples.size() : (int) Math.floor((width + GAP) / (tileWidth + GAP));
        return Math.max(1, Math.min(samples.size(), fit));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return samples.isEmpty() ? 0 : columns(-1) * (tileWidth + GAP) - GAP;
    }

    @Override
    protected double computeMinWidth(double height) {
        return samples.isEmpty() ? 0 : tileWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (samples.isEmpty()) return 0;
        int rows = (samples.size() + columns(width) - 1) / columns(width);
        return rows * (tileHeight + GAP) - GAP;
    }

    @Override
    protected double canvasWidth() {
        return Math.ceil(getWidth());
    }

    @Override
    protected double canvasHeight() {
        return Math.ceil(computePrefHeight(getWidth()));
    }

    @Override
    protected void draw(GraphicsContext g) {
        double bar = barWidth();
        Font f = font(), b = bold();
        for (int i = 0; i < samples.size(); i++) {
            TrainingModel.Sample s = samples.get(i);
            Point2D o = tileOrigin(i);
            double x = o.getX(), y = o.getY();
            // the frame: red with a pale red ground for a miss
            g.setFill(s.misclassified() ? Color.WHITE.interpolate(wrongColor(), 0.12) : Color.TRANSPARENT);
            g.fillRoundRect(x, y, tileWidth, tileHeight, 6, 6);
            g.setStroke(s.misclassified() ? wrongColor() : borderColor());
            g.setLineWidth(BORDER);
            g.strokeRoundRect(x + BORDER / 2, y + BORDER / 2, tileWidth - BORDER, tileHeight - BORDER, 6, 6);
            double centre = x + tileWidth / 2, top = y + BORDER + PAD;
            // the image, darkest at its largest value
            double max = 0;
            for (double v : s.pixels()) max = Math.max(max, v);
            for (int p = 0; p < 64 && p < s.pixels().length; p++) {
                g.setFill(Color.gray(1 - (max > 0 ? Math.max(0, s.pixels()[p]) / max : 0)));
                g.fillRect(centre - IMAGE / 2 + (p % 8) * PIXEL, top + (p / 8) * PIXEL, PIXEL, PIXEL);
            }
            top += IMAGE + LINE_GAP;
            // the bars
            int n = s.probabilities().length;
            double left = centre - n * bar / 2;
            g.setFill(Color.gray(0.93));
            g.fillRect(left, top, n * bar, BARS_HEIGHT);
            for (int k = 0; k < n; k++) {
                double h = Math.max(1, s.probabilities()[k] * BARS_HEIGHT);
                g.setFill(k == s.predicted() ? rightColor() : k == s.label() ? wrongColor() : Color.gray(0.55));
                g.fillRect(left + k * bar + 0.5, top + BARS_HEIGHT - h, bar - 1, h);
                if (k == s.label() && s.misclassified()) {
                    g.setStroke(wrongColor());
                    g.setLineWidth(1);
                    g.strokeRect(left + k * bar + 0.5, top + 0.5, bar - 1, BARS_HEIGHT - 1);
                }
            }
            top += BARS_HEIGHT + LINE_GAP;
            // the prediction, and the truth when missed
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFont(b);
            g.setFill(textColor());
            g.fillText(prediction(s), centre, top);
            g.setFont(s.misclassified() ? b : f);
            g.setFill(s.misclassified() ? wrongColor() : textColor());
            g.fillText(truth(s), centre, top + line + LINE_GAP);
        }
    }
}
