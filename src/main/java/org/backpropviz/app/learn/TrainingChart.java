package org.backpropviz.app.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backpropviz.app.fx.AfterThisFrame;
import org.backpropviz.app.view.Disposer;
import org.backpropviz.text.Numbers;

/**
 * A live line chart of a training run, drawn on one canvas: a title, x and y axes with round ticks and labels, up to
 * two series ({@link ChartSeries}) and their legend. JavaFX's {@code LineChart} laid out its axes, path and legend
 * and re-built its path with every point: 31 % of the JavaFX thread in its layout and 18 % in adding points during a
 * digits run, 11-24 ms in the longest frames. Here a change only marks the chart to be drawn again, once, in the next
 * pulse. The x axis steps while the run goes and fits the data three frames after it stops ({@link SteppedAxis});
 * the y axis is fixed, or from 0 to a round number above the data. The chart fills the size it is given.
 * <p>
 * Colours and line widths come from CSS: the series' {@code -bp-series0-color}, {@code -bp-series1-color},
 * {@code -bp-series0-width}, {@code -bp-series1-width}, the plot's {@code -bp-plot-color}, the grid's
 * {@code -bp-cell-border-color}, the text's {@code -bp-text-color} and {@code -bp-muted-color}. FX thread only.
 */
final class TrainingChart extends CanvasPane {
    /**
     * This class's own CSS properties. Not built on {@code CanvasPane.getClassCssMetaData()}: a factory copies its
     * parent's list when it is made, and CanvasPane's is filled only as its first instance makes its properties, so
     * a chart made before any other canvas pane lost the inherited font (Korean showed as boxes).
     */
    private static final StyleablePropertyFactory<TrainingChart> CSS = new StyleablePropertyFactory<>(List.of());
    /** CanvasPane's properties and this class's, once both are made (see {@link #getCssMetaData()}). */
    private static List<CssMetaData<? extends Styleable, ?>> allCss;
    private static final double PAD = 6, TICK = 5, GAP = 4, SWATCH = 18, LEGEND_GAP = 16;

    private final StyleableObjectProperty<Color> color0 = colour("series0Color", "-bp-series0-color", c -> c.color0, "#1c6fd1");
    private final StyleableObjectProperty<Color> color1 = colour("series1Color", "-bp-series1-color", c -> c.color1, "#c2255c");
    private final StyleableObjectProperty<Color> plotColor = colour("plotColor", "-bp-plot-color", c -> c.plotColor, "#ffffff");
    private final StyleableObjectProperty<Number> width0 = number("series0Width", "-bp-series0-width", c -> c.width0, 2);
    private final StyleableObjectProperty<Number> width1 = number("series1Width", "-bp-series1-width", c -> c.width1, 2);

    private final String title, xLabel, yLabel;
    private final List<ChartSeries> series = new ArrayList<>(2);
    private final List<String> names = new ArrayList<>(2);
    /** The y axis without data, and whether it stays so (accuracy) or grows to the data (loss). */
    private final SteppedAxis.Range emptyY;
    private final boolean fixedY;
    /** The x axis steps (a run goes) or fits the data (it holds still). */
    private boolean stepping;
    private long draws;
    private double[] xs = new double[0], ys = new double[0];

    /**
     * @param y the y axis: always this one when {@code fixedY}, else only while there is no data
     */
    TrainingChart(String title, String xLabel, String yLabel, SteppedAxis.Range y, boolean fixedY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.emptyY = y;
        this.fixedY = fixedY;
        getStyleClass().add("train-chart");
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        for (var p : List.of(color0, color1, plotColor, width0, width1)) p.addListener(o -> redrawLater());
        updateAccessibleText();
    }

    private StyleableObjectProperty<Color> colour(String name, String property,
            java.util.function.Function<TrainingChart, StyleableProperty<Color>> get, String initial) {
        return (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, name, property, get, Color.web(initial));
    }

    private StyleableObjectProperty<Number> number(String name, String property,
            java.util.function.Function<TrainingChart, StyleableProperty<Number>> get, double initial) {
        return (StyleableObjectProperty<Number>) CSS.createStyleableNumberProperty(this, name, property, get, initial);
    }

    /** Adds a line (at most two), named in the legend. */
    TrainingChart series(ChartSeries s, String name) {
        if (series.size() == 2) throw new IllegalStateException("a training chart shows at most two series");
        series.add(s);
        names.add(name);
        xs = new double[Math.max(xs.length, s.maxPoints())];
        ys = new double[xs.length];
        updateAccessibleText();
        return this;
    }

    /**
     * Draws the chart again in the next pulse whenever {@code changes} changes (the model counts its changes to the
     * series), and steps the x axis while {@code running} is true. The listeners go with {@code listeners}.
     */
    TrainingChart follow(ObservableValue<?> changes, ObservableBooleanValue running, Disposer listeners) {
        listeners.listen(changes, (o, was, now) -> redrawLater());
        listeners.listen(running, (o, was, now) -> {
            if (now) {
                stepping = true;
                redrawLater();
            } else {
                // after the frames that show the run's end, its results and their images (see TrainingResultsPane)
                AfterThisFrame.run(3, () -> {
                    if (!running.get() && stepping) {
                        stepping = false;
                        redrawLater();
                    }
                });
            }
        });
        stepping = running.get();
        redrawLater();
        return this;
    }

    // ------------------------------------------------------------------ what it shows (for views and tests)

    /** The x axis as drawn now. */
    SteppedAxis.Range xRange() {
        double last = Double.NaN;
        for (ChartSeries s : series) if (!s.isEmpty()) last = Double.isNaN(last) ? s.lastX() : Math.max(last, s.lastX());
        return stepping ? SteppedAxis.stepped(last) : SteppedAxis.fitted(last);
    }

    /** The y axis as drawn now. */
    SteppedAxis.Range yRange() {
        if (fixedY) return emptyY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) max = Math.max(max, s.maxY());
        return SteppedAxis.above(max, emptyY);
    }

    /** The series' names, as the legend shows them. */
    List<String> legend() {
        return List.copyOf(names);
    }

    String title() {
        return title;
    }

    /** The points series {@code i} has received since its run started. */
    long received(int i) {
        return series.get(i).added();
    }

    /** The columns series {@code i} keeps to draw. */
    int columns(int i) {
        return series.get(i).columns();
    }

    /** How many times the chart has been drawn. */
    long draws() {
        return draws;
    }

    private void updateAccessibleText() {
        setAccessibleText(title + ": " + xLabel + ", " + yLabel + "; " + String.join(", ", names));
    }

    // ------------------------------------------------------------------ CanvasPane

    @Override
    protected void remeasure() {
        // everything is measured as it is drawn: the axes' labels change with the data
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 280;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 260;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 220;
    }

    @Override
    protected double canvasWidth() {
        return Math.max(0, Math.floor(getWidth()));
    }

    @Override
    protected double canvasHeight() {
        return Math.max(0, Math.floor(getHeight()));
    }

    @Override
    protected String describeAt(double x, double y) {
        return null;
    }

    private Font titleFont() {
        return Font.font(font().getFamily(), FontWeight.BOLD, Math.round(font().getSize() * 1.15));
    }

    @Override
    protected void draw(GraphicsContext g) {
        double w = canvasWidth(), h = canvasHeight();
        if (w <= 0 || h <= 0) return;
        draws++;
        Font f = font(), tickFont = small(), titleFont = titleFont();
        double line = lineHeight(f), tickLine = lineHeight(tickFont), titleLine = lineHeight(titleFont);
        SteppedAxis.Range xr = xRange(), yr = yRange();

        // the plot's rectangle: room for the title above, the y labels on the left, the x labels and legend below
        double yLabelsWidth = 0;
        for (int i = 0; i < yr.ticks(); i++) yLabelsWidth = Math.max(yLabelsWidth, width(tickText(yr.tickValue(i), yr.tick()), tickFont));
        double lastXLabel = width(tickText(xr.upper(), xr.tick()), tickFont);
        double left = Math.round(PAD + line + GAP + yLabelsWidth + GAP + TICK);
        double top = Math.round(PAD + titleLine + GAP * 2);
        double right = Math.round(w - PAD - lastXLabel / 2);
        double bottom = Math.round(h - PAD - line - GAP - line - GAP - tickLine - GAP - TICK);
        if (right - left < 20 || bottom - top < 20) return;
        double sx = (right - left) / (xr.upper() - xr.lower()), sy = (bottom - top) / (yr.upper() - yr.lower());

        g.setFill(plotColor());
        g.fillRect(left, top, right - left, bottom - top);

        // grid, ticks and their labels
        g.setLineWidth(1);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setFont(tickFont);
        g.setFill(textColor());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < yr.ticks(); i++) {
            double v = yr.tickValue(i), py = Math.round(bottom - (v - yr.lower()) * sy) + 0.5;
            g.setStroke(borderColor());
            if (i > 0) g.strokeLine(left, py, right, py);
            g.setStroke(mutedColor());
            g.strokeLine(left - TICK, py, left, py);
            g.fillText(tickText(v, yr.tick()), left - TICK - GAP, py);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < xr.ticks(); i++) {
            double v = xr.tickValue(i), px = Math.round(left + (v - xr.lower()) * sx) + 0.5;
            g.setStroke(borderColor());
            if (i > 0) g.strokeLine(px, top, px, bottom);
            g.setStroke(mutedColor());
            g.strokeLine(px, bottom, px, bottom + TICK);
            g.fillText(tickText(v, xr.tick()), px, bottom + TICK + GAP / 2);
        }
        g.setStroke(mutedColor());
        g.strokeLine(left - 0.5, top, left - 0.5, bottom + 0.5);
        g.strokeLine(left - 0.5, bottom + 0.5, right, bottom + 0.5);

        // the axes' names and the title
        g.setFont(f);
        g.setFill(textColor());
        g.fillText(xLabel, (left + right) / 2, bottom + TICK + GAP / 2 + tickLine + GAP);
        g.save();
        g.translate(PAD, (top + bottom) / 2);
        g.rotate(-90);
        g.fillText(yLabel, 0, 0);
        g.restore();
        g.setFont(titleFont);
        g.fillText(title, w / 2, PAD);

        // the lines, clipped to the plot
        g.save();
        g.beginPath();
        g.rect(left, top - 2, right - left + 2, bottom - top + 4);
        g.clip();
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        for (int s = 0; s < series.size(); s++) {
            int n = series.get(s).points(xs, ys);
            for (int i = 0; i < n; i++) {
                xs[i] = left + (xs[i] - xr.lower()) * sx;
                ys[i] = bottom - (ys[i] - yr.lower()) * sy;
            }
            g.setStroke(seriesColor(s));
            g.setLineWidth(seriesWidth(s));
            if (n == 1) g.strokeLine(xs[0], ys[0], xs[0], ys[0]);
            else g.strokePolyline(xs, ys, n);
        }
        g.restore();

        // the legend: a stroke of each line and its name, centred under the axis's name
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double legendWidth = 0;
        for (String name : names) legendWidth += SWATCH + GAP + width(name, f) + LEGEND_GAP;
        double lx = Math.max(PAD, (w - (legendWidth - LEGEND_GAP)) / 2), ly = h - PAD - line / 2;
        for (int s = 0; s < names.size(); s++) {
            g.setStroke(seriesColor(s));
            g.setLineWidth(Math.max(2, seriesWidth(s)));
            g.setLineCap(StrokeLineCap.BUTT);
            g.strokeLine(lx, ly, lx + SWATCH, ly);
            g.setFill(textColor());
            g.fillText(names.get(s), lx + SWATCH + GAP, ly);
            lx += SWATCH + GAP + width(names.get(s), f) + LEGEND_GAP;
        }
    }

    private Color seriesColor(int i) {
        return i == 0 ? color0.get() : color1.get();
    }

    private double seriesWidth(int i) {
        return (i == 0 ? width0.get() : width1.get()).doubleValue();
    }

    private Color plotColor() {
        return plotColor.get();
    }

    /** A tick's label: whole numbers grouped ({@code 1,000}), fractions with the tick unit's decimals ({@code 0.5}). */
    static String tickText(double v, double tick) {
        if (tick >= 1) return Numbers.count(Math.round(v));
        int decimals = (int) Math.ceil(-Math.log10(tick) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        if (allCss == null) { // called once an instance exists, so both lists are filled
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(super.getCssMetaData());
            all.addAll(CSS.getCssMetaData());
            allCss = List.copyOf(all);
        }
        return allCss;
    }
}
