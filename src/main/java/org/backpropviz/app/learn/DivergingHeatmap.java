package org.backpropviz.app.learn;

import java.util.List;
import java.util.Locale;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;

/**
 * A diverging heatmap of a 0-, 1- or 2-D array on a canvas: negative values blue, zero white, positive red, on a
 * scale symmetric about zero; marked cells get an amber outline. A legend below gives the numbers at both ends and
 * at zero; hovering a cell shows its index and exact value. Colours come from CSS ({@code -bv-heatmap-negative},
 * {@code -bv-heatmap-zero}, {@code -bv-heatmap-positive}, {@code -bv-heatmap-mark}), so they follow the looked-up
 * theme colours.
 */
public final class DivergingHeatmap extends Region {
    private static final double LEGEND = 34;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private NDArray values;
    private boolean[] marked = new boolean[0];
    private double maxCell = 28;

    private final StyleableObjectProperty<Paint> negative = paint(StyleableProperties.NEGATIVE, Color.web("#2166ac"));
    private final StyleableObjectProperty<Paint> zero = paint(StyleableProperties.ZERO, Color.web("#f7f7f7"));
    private final StyleableObjectProperty<Paint> positive = paint(StyleableProperties.POSITIVE, Color.web("#b2182b"));
    private final StyleableObjectProperty<Paint> mark = paint(StyleableProperties.MARK, Color.web("#f59e0b"));

    public DivergingHeatmap() {
        getStyleClass().add("bv-heatmap");
        getChildren().add(canvas);
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> tip.setText(describe(e.getX(), e.getY())));
    }

    /** Shows {@code v}; {@code marks} (one per element, or null) outlines cells. Neither is modified. */
    public void setData(NDArray v, boolean[] marks) {
        values = v;
        marked = marks == null || v == null || marks.length != v.size() ? new boolean[0] : marks.clone();
        requestLayout();
        draw();
    }

    /** The largest cell side in pixels (cells shrink to fit the width). */
    public void setMaxCellSize(double px) {
        maxCell = px;
        requestLayout();
    }

    /** The array shown, or null. */
    public NDArray values() {
        return values;
    }

    private int rows() {
        return values == null || values.rank() < 2 ? 1 : values.rows();
    }

    private int cols() {
        return values == null ? 1 : values.size() / rows();
    }

    private double cell(double width) {
        return Math.max(3, Math.min(maxCell, Math.floor(width / cols())));
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.max(200, cols() * maxCell) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width - snappedLeftInset() - snappedRightInset() : computePrefWidth(-1);
        return rows() * cell(w) + LEGEND + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        canvas.setWidth(Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset()));
        canvas.setHeight(Math.max(1, getHeight() - snappedTopInset() - snappedBottomInset()));
        draw();
    }

    private double scale() {
        double m = 0;
        if (values != null) for (int i = 0; i < values.size(); i++) if (Double.isFinite(values.flat(i))) m = Math.max(m, Math.abs(values.flat(i)));
        return m;
    }

    /** The colour of {@code v} on a scale of ±{@code max}. */
    Color colour(double v, double max) {
        if (!Double.isFinite(v)) return Color.GRAY;
        Color z = asColor(zero.get(), Color.WHITE);
        if (max == 0) return z;
        double f = Math.min(1, Math.abs(v) / max);
        return z.interpolate(asColor(v < 0 ? negative.get() : positive.get(), Color.GRAY), f);
    }

    private static Color asColor(Paint p, Color fallback) {
        return p instanceof Color c ? c : fallback;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (values == null) return;
        double c = cell(canvas.getWidth()), max = scale();
        int rows = rows(), cols = cols();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                int i = r * cols + k;
                g.setFill(colour(values.flat(i), max));
                g.fillRect(k * c, r * c, c, c);
                if (c >= 8) {
                    g.setStroke(Color.gray(0.85));
                    g.setLineWidth(0.5);
                    g.strokeRect(k * c + 0.25, r * c + 0.25, c - 0.5, c - 0.5);
                }
            }
        }
        for (int i = 0; i < marked.length; i++) {
            if (!marked[i]) continue;
            g.setStroke(mark.get());
            g.setLineWidth(Math.max(1.5, c / 8));
            g.strokeRect((i % cols) * c + 1, (i / cols) * c + 1, c - 2, c - 2);
        }
        drawLegend(g, rows * c + 6, Math.min(canvas.getWidth(), Math.max(160, cols * c)), max);
    }

    private void drawLegend(GraphicsContext g, double y, double width, double max) {
        int steps = 60;
        for (int s = 0; s < steps; s++) {
            g.setFill(colour(-max + 2 * max * (s + 0.5) / steps, max));
            g.fillRect(width * s / steps, y, Math.ceil(width / steps), 8);
        }
        g.setFill(Color.gray(0.25));
        g.setFont(javafx.scene.text.Font.font(10));
        g.setTextBaseline(VPos.TOP);
        if (max == 0) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("0", width / 2, y + 10);
            return;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(number(-max), 0, y + 10);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("0", width / 2, y + 10);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(max), width, y + 10);
    }

    static String number(double v) {
        if (v == 0) return "0";
        return String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? "%.4f" : "%.2e", v);
    }

    private String describe(double x, double y) {
        if (values == null) return "";
        double c = cell(canvas.getWidth());
        int k = (int) (x / c), r = (int) (y / c);
        if (k < 0 || k >= cols() || r < 0 || r >= rows()) return "";
        int i = r * cols() + k;
        String index = values.rank() == 2 ? "[" + r + ", " + k + "]" : values.rank() == 1 ? "[" + k + "]" : "";
        return index + " = " + Shapes.number(values.flat(i)) + (i < marked.length && marked[i] ? "  ⚠" : "");
    }

    // ------------------------------------------------------------------ CSS

    private StyleableObjectProperty<Paint> paint(CssMetaData<DivergingHeatmap, Paint> meta, Color initial) {
        return new SimpleStyleableObjectProperty<>(meta, this, meta.getProperty(), initial) {
            @Override
            protected void invalidated() {
                draw();
            }
        };
    }

    private static final class StyleableProperties {
        static final CssMetaData<DivergingHeatmap, Paint> NEGATIVE = meta("-bv-heatmap-negative", h -> h.negative, Color.web("#2166ac"));
        static final CssMetaData<DivergingHeatmap, Paint> ZERO = meta("-bv-heatmap-zero", h -> h.zero, Color.web("#f7f7f7"));
        static final CssMetaData<DivergingHeatmap, Paint> POSITIVE = meta("-bv-heatmap-positive", h -> h.positive, Color.web("#b2182b"));
        static final CssMetaData<DivergingHeatmap, Paint> MARK = meta("-bv-heatmap-mark", h -> h.mark, Color.web("#f59e0b"));
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            List<CssMetaData<? extends Styleable, ?>> l = new java.util.ArrayList<>(Region.getClassCssMetaData());
            l.addAll(List.of(NEGATIVE, ZERO, POSITIVE, MARK));
            ALL = List.copyOf(l);
        }

        private static CssMetaData<DivergingHeatmap, Paint> meta(String name, java.util.function.Function<DivergingHeatmap,
                StyleableObjectProperty<Paint>> prop, Color initial) {
            return new CssMetaData<>(name, StyleConverter.getPaintConverter(), initial) {
                @Override
                public boolean isSettable(DivergingHeatmap h) {
                    return !prop.apply(h).isBound();
                }

                @Override
                @SuppressWarnings("unchecked")
                public StyleableProperty<Paint> getStyleableProperty(DivergingHeatmap h) {
                    return prop.apply(h);
                }
            };
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return StyleableProperties.ALL;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
