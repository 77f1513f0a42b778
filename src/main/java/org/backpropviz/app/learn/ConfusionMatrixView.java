package org.backpropviz.app.learn;

import java.text.MessageFormat;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A confusion matrix, {@code [true class][predicted class] = test rows}: the predicted classes across, the true
 * classes down, the diagonal in blue and the misclassified counts in red, shaded by their size; the pointer's cell
 * told in the tooltip. Drawn on one canvas: for the digits, 121 labels took 35-65 ms of the JavaFX thread to make,
 * style and lay out in the frame that showed them.
 */
final class ConfusionMatrixView extends CanvasPane {
    private static final double GAP = 2, CELL_PAD_X = 4, CELL_PAD_Y = 3, HEAD_PAD_X = 6, HEAD_PAD_Y = 2;

    private int[][] confusion = new int[0][];
    private List<String> names = List.of();
    private String corner = "";
    private String tipPattern = "{0} {1} {2}";
    // the layout, in this region's coordinates: the first column's width, a cell's size, the header row's height
    private double headWidth, cellWidth, cellHeight, headHeight;

    ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
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
        StringBuilder words = new StringBuilder(corner);
        for (int t = 0; t < confusion.length; t++) {
            words.append("; ").append(names.get(t)).append(':');
            for (int v : confusion[t]) words.append(' ').append(v);
        }
        setAccessibleText(words.toString());
        changed();
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
    Point2D cellCentre(int t, int p) {
        return new Point2D(headWidth + GAP + p * (cellWidth + GAP) + cellWidth / 2, headHeight + GAP + t * (cellHeight + GAP) + cellHeight / 2);
    }

    /** What the tooltip says of a cell. */
    String describe(int t, int p) {
        return MessageFormat.format(tipPattern, confusion[t][p], names.get(t), names.get(p));
    }

    @Override
    protected String describeAt(double x, double y) {
        int[] c = cellAt(x, y);
        return c == null ? null : describe(c[0], c[1]);
    }

    @Override
    protected void remeasure() {
        Font f = font(), b = bold();
        int widest = 0;
        for (int[] row : confusion) for (int v : row) widest = Math.max(widest, v);
        double headNames = 0;
        for (String s : names) headNames = Math.max(headNames, width(s, b));
        cellWidth = Math.max(Math.max(2.6 * f.getSize(), width(Integer.toString(widest), b) + 2 * CELL_PAD_X + 2), headNames + 2 * HEAD_PAD_X);
        cellHeight = lineHeight(f) + 2 * CELL_PAD_Y + 2;
        headWidth = Math.max(width(corner, small()), headNames + 2 * HEAD_PAD_X);
        headHeight = Math.max(lineHeight(b), lineHeight(small())) + 2 * HEAD_PAD_Y;
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
    protected void draw(GraphicsContext g) {
        int n = confusion.length;
        if (n == 0) return;
        Font f = font(), b = bold();
        int max = 1;
        for (int[] row : confusion) for (int v : row) max = Math.max(max, v);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(small());
        g.setFill(mutedColor());
        g.fillText(corner, 0, headHeight / 2);
        g.setFont(b);
        g.setFill(textColor());
        for (int c = 0; c < n; c++) {
            g.fillText(names.get(c), headWidth + GAP + c * (cellWidth + GAP) + HEAD_PAD_X, headHeight / 2);
            g.fillText(names.get(c), HEAD_PAD_X, headHeight + GAP + c * (cellHeight + GAP) + cellHeight / 2);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setLineWidth(1);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                int v = confusion[t][p];
                double x = headWidth + GAP + p * (cellWidth + GAP), y = headHeight + GAP + t * (cellHeight + GAP);
                Color base = t == p ? rightColor() : wrongColor();
                g.setFill(v > 0 ? Color.WHITE.interpolate(base, 0.15 + 0.6 * v / max) : Color.WHITE);
                g.fillRect(x, y, cellWidth, cellHeight);
                g.setStroke(borderColor());
                g.strokeRect(x + 0.5, y + 0.5, cellWidth - 1, cellHeight - 1);
                g.setFont(t == p ? b : f);
                g.setFill(t != p && v > 0 ? wrongColor() : textColor());
                g.fillText(Integer.toString(v), x + cellWidth / 2, y + cellHeight / 2);
            }
        }
    }
}
