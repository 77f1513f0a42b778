package org.backpropviz.app.learn;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A confusion matrix, {@code [true class][predicted class] = test rows}, drawn on one canvas: the predicted classes
 * across, the true classes down, the diagonal in blue and the misclassified counts in red, shaded by their size.
 * The pointer's cell is told in a tooltip. One node instead of a label per cell: for the digits, 121 labels took
 * 35-65 ms of the JavaFX thread to make, style and lay out in the frame that showed them.
 *
 * <p>Fonts and colours come from CSS: the inherited {@code -fx-font}, and {@code -bp-text-color},
 * {@code -bp-muted-color}, {@code -bp-right-color}, {@code -bp-wrong-color}, {@code -bp-cell-border-color}.
 */
final class ConfusionMatrixView extends Region {
    private static final StyleablePropertyFactory<ConfusionMatrixView> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double GAP = 2, CELL_PAD_X = 4, CELL_PAD_Y = 3, HEAD_PAD_X = 6, HEAD_PAD_Y = 2;

    private final StyleableObjectProperty<Font> font = object(CSS.createStyleableFontProperty(this, "font", "-fx-font", v -> v.font, Font.getDefault(), true));
    private final StyleableObjectProperty<Color> textColor = colour("textColor", "-bp-text-color", v -> v.textColor, Color.web("#1f2430"));
    private final StyleableObjectProperty<Color> mutedColor = colour("mutedColor", "-bp-muted-color", v -> v.mutedColor, Color.web("#6b7280"));
    private final StyleableObjectProperty<Color> rightColor = colour("rightColor", "-bp-right-color", v -> v.rightColor, Color.web("#1e6fd9"));
    private final StyleableObjectProperty<Color> wrongColor = colour("wrongColor", "-bp-wrong-color", v -> v.wrongColor, Color.web("#d32f2f"));
    private final StyleableObjectProperty<Color> borderColor = colour("borderColor", "-bp-cell-border-color", v -> v.borderColor, Color.web("#c9ced8"));

    private final Canvas canvas = new Canvas();
    private final Text measure = new Text();
    private final Tooltip tip = new Tooltip();
    private int[][] confusion = new int[0][];
    private List<String> names = List.of();
    private String corner = "";
    private String tipPattern = "{0} {1} {2}";
    private boolean tipInstalled;
    // the layout, in this region's coordinates: the first column's width, a cell's size, the header row's height
    private double headWidth, cellWidth, cellHeight, headHeight;

    ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        getChildren().add(canvas);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        tip.setShowDelay(Duration.millis(300));
        font.addListener(o -> remeasure());
        for (var p : List.of(textColor, mutedColor, rightColor, wrongColor, borderColor)) p.addListener(o -> draw());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
    }

    private StyleableObjectProperty<Color> colour(String name, String property,
            java.util.function.Function<ConfusionMatrixView, javafx.css.StyleableProperty<Color>> get, Color initial) {
        return object(CSS.createStyleableColorProperty(this, name, property, get, initial));
    }

    /** The factory's properties are {@code SimpleStyleableObjectProperty}s, typed as their interface only. */
    private static <T> StyleableObjectProperty<T> object(javafx.css.StyleableProperty<T> p) {
        return (StyleableObjectProperty<T>) p;
    }

    /**
     * Shows {@code confusion} ({@code n × n}, not copied: the caller does not change it afterwards) with the classes'
     * names; {@code corner} labels the axes, {@code tipPattern} is a MessageFormat of the count, the true class and
     * the predicted class.
     */
    void show(int[][] confusion, List<String> names, String corner, String tipPattern) {
        if (names.size() != confusion.length) {
            throw new IllegalArgumentException("confusion matrix " + confusion.length + " × " + confusion.length + " but " + names.size() + " class names");
        }
        this.confusion = confusion;
        this.names = List.copyOf(names);
        this.corner = corner;
        this.tipPattern = tipPattern;
        remeasure();
    }

    /** The classes shown. */
    int size() {
        return confusion.length;
    }

    /** {@code {true class, predicted class}} of the cell at a point in this region's coordinates, or null. */
    int[] cellAt(double x, double y) {
        int p = (int) Math.floor((x - headWidth - GAP) / (cellWidth + GAP));
        int t = (int) Math.floor((y - headHeight - GAP) / (cellHeight + GAP));
        if (x < headWidth + GAP || y < headHeight + GAP || t >= confusion.length || p >= confusion.length) return null;
        return new int[] {t, p};
    }

    /** The centre of a cell, in this region's coordinates. */
    javafx.geometry.Point2D cellCentre(int t, int p) {
        return new javafx.geometry.Point2D(headWidth + GAP + p * (cellWidth + GAP) + cellWidth / 2,
                headHeight + GAP + t * (cellHeight + GAP) + cellHeight / 2);
    }

    /** What the tooltip says of a cell. */
    String describe(int t, int p) {
        return java.text.MessageFormat.format(tipPattern, confusion[t][p], names.get(t), names.get(p));
    }

    /** The font the cells are drawn in (from CSS, inherited). */
    Font font() {
        return font.get();
    }

    /** The tooltip (its text follows the pointer's cell). */
    Tooltip tooltip() {
        return tip;
    }

    private void pointAt(double x, double y) {
        int[] c = cellAt(x, y);
        if (c == null) {
            if (tipInstalled) {
                Tooltip.uninstall(this, tip);
                tipInstalled = false;
            }
            return;
        }
        tip.setText(describe(c[0], c[1]));
        if (!tipInstalled) {
            Tooltip.install(this, tip);
            tipInstalled = true;
        }
    }

    private Font bold() {
        Font f = font.get();
        return Font.font(f.getFamily(), FontWeight.BOLD, f.getSize());
    }

    private double width(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    private double lineHeight(Font f) {
        measure.setFont(f);
        measure.setText("0Ag");
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    private void remeasure() {
        Font f = font.get(), b = bold(), small = Font.font(f.getFamily(), f.getSize() * 0.85);
        int widest = 0;
        for (int[] row : confusion) for (int v : row) widest = Math.max(widest, v);
        double headNames = 0;
        for (String s : names) headNames = Math.max(headNames, width(s, b));
        cellWidth = Math.max(Math.max(2.6 * f.getSize(), width(Integer.toString(widest), b) + 2 * CELL_PAD_X + 2), headNames + 2 * HEAD_PAD_X);
        cellHeight = lineHeight(f) + 2 * CELL_PAD_Y + 2;
        headWidth = Math.max(width(corner, small), headNames + 2 * HEAD_PAD_X);
        headHeight = Math.max(lineHeight(b), lineHeight(small)) + 2 * HEAD_PAD_Y;
        requestLayout();
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        int n = confusion.length;
        return n == 0 ? 0 : snappedLeftInset() + headWidth + n * (GAP + cellWidth) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        int n = confusion.length;
        return n == 0 ? 0 : snappedTopInset() + headHeight + n * (GAP + cellHeight) + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.ceil(computePrefWidth(-1)), h = Math.ceil(computePrefHeight(-1));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int n = confusion.length;
        if (n == 0) return;
        Font f = font.get(), b = bold();
        int max = 1;
        for (int[] row : confusion) for (int v : row) max = Math.max(max, v);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(f.getFamily(), f.getSize() * 0.85));
        g.setFill(mutedColor.get());
        g.fillText(corner, 0, headHeight / 2);
        g.setFont(b);
        g.setFill(textColor.get());
        for (int c = 0; c < n; c++) {
            g.fillText(names.get(c), headWidth + GAP + c * (cellWidth + GAP) + HEAD_PAD_X, headHeight / 2);
            g.fillText(names.get(c), HEAD_PAD_X, headHeight + GAP + c * (cellHeight + GAP) + cellHeight / 2);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                int v = confusion[t][p];
                double x = headWidth + GAP + p * (cellWidth + GAP), y = headHeight + GAP + t * (cellHeight + GAP);
                Color base = t == p ? rightColor.get() : wrongColor.get();
                g.setFill(v > 0 ? Color.WHITE.interpolate(base, 0.15 + 0.6 * v / max) : Color.WHITE);
                g.fillRect(x, y, cellWidth, cellHeight);
                g.setStroke(borderColor.get());
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, cellWidth - 1, cellHeight - 1);
                g.setFont(t == p ? b : f);
                g.setFill(t != p && v > 0 ? wrongColor.get() : textColor.get());
                g.fillText(Integer.toString(v), x + cellWidth / 2, y + cellHeight / 2);
            }
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
