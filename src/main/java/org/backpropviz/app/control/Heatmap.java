package org.backpropviz.app.control;

import org.backpropviz.app.i18n.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;

/**
 * An array as a heatmap: one picture drawn at display size, each pixel taking the element under it, on the scale
 * {@link ColourScale#of} chooses (a signed array on the diverging scale −max … 0 … +max, any other on the one-sided
 * scale 0 … max), with an optional legend that gives the range and names the scale, an index-and-value probe on
 * hover, outlined cells ({@link #setMarks}), a rectangle over a block ({@link #setBlock}) and a click callback
 * ({@link #setOnPick}). An all-zero array is drawn in the colour of 0 with the legend "all 0", whatever its shape.
 * States reach CSS as the pseudo-classes {@code :sequential} and {@code :all-zero}. Colours come from CSS:
 * {@code -bp-negative-color}, {@code -bp-zero-color}, {@code -bp-positive-color}, {@code -bp-sequential-color},
 * {@code -bp-nan-color}, {@code -bp-mark-color} (heatmap.css maps them to the theme).
 */
public final class Heatmap extends VBox {
    static final PseudoClass SEQUENTIAL_SCALE = PseudoClass.getPseudoClass("sequential");
    static final PseudoClass ALL_ZERO = PseudoClass.getPseudoClass("all-zero");

    private final Pane picture = new Pane();
    private final ImageView image = new ImageView();
    private final Canvas overlay = new Canvas();
    private final HBox legend = new HBox(4);
    private final Label low = Labels.empty(), high = Labels.empty(), probe = Labels.of(" ");
    private final Canvas legendBar = new Canvas(90, 8);
    private final HBox bar = new HBox(legendBar);
    /**
     * The tooltips over the picture and the legend, made when the pointer first enters (a Tooltip is a popup window
     * with its own CSS: two made up front took most of a new heatmap's time in the frame that first showed it).
     */
    private Tooltip tip, legendTip;
    private String legendTipText = "";
    private final Messages text;
    private NDArray array;
    private double scale;
    private ColourScale colourScale = ColourScale.DIVERGING;
    private boolean allZero;
    private boolean dirty;
    private boolean[] marks = new boolean[0];
    private int[] block;
    private double boxWidth = 240, boxHeight = 240, maxCell = HeatmapPicture.DEFAULT_MAX_CELL;
    private double cellW = 1, cellH = 1;
    private BiConsumer<Integer, Integer> onPick;
    /** Pictures made ahead off the JavaFX thread, or null: each picture is then made here. */
    private HeatmapPictures pictures;

    /** A heatmap whose legend speaks English (the matrix editor's, until the editor passes its language). */
    public Heatmap() {
        this(Messages.english());
    }

    public Heatmap(Messages text) {
        this.text = text;
        getStyleClass().add("heatmap");
        getStylesheets().add(Heatmap.class.getResource("heatmap.css").toExternalForm());
        image.setSmooth(false);
        overlay.setMouseTransparent(true);
        picture.getChildren().addAll(image, overlay);
        picture.getStyleClass().add("heatmap-frame");
        picture.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        low.getStyleClass().add("legend-label");
        high.getStyleClass().add("legend-label");
        low.setMinWidth(Region.USE_PREF_SIZE); // the numbers are never cut; the bar between them gives way
        high.setMinWidth(Region.USE_PREF_SIZE);
        probe.getStyleClass().add("legend-label");
        bar.setAlignment(Pos.CENTER);
        legend.getChildren().addAll(low, bar, high);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("legend");
        HBox.setHgrow(bar, Priority.NEVER);
        getChildren().addAll(picture, legend, probe);
        setSpacing(2);
        picture.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (tip == null) Tooltip.install(picture, tip = new Tooltip());
        });
        legend.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (legendTip == null) Tooltip.install(legend, legendTip = new Tooltip(legendTipText));
        });
        picture.setOnMouseMoved(e -> {
            String at = describe(e.getX(), e.getY());
            probe.setText(at.isEmpty() ? idleProbe() : at);
            if (tip != null) tip.setText(at);
        });
        picture.setOnMouseExited(e -> probe.setText(idleProbe()));
        picture.setOnMouseClicked(e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            if (rc != null && onPick != null) onPick.accept(rc[0], rc[1]);
        });
    }

    // ------------------------------------------------------------------ settings

    /** The largest picture: the array is scaled to fit, keeping its proportions where it can. */
    public void setBox(double width, double height) {
        if (width == boxWidth && height == boxHeight) return;
        boxWidth = width;
        boxHeight = height;
        redraw();
    }

    /** The largest side of one element in pixels (small arrays stop growing there). */
    public void setMaxCellSize(double px) {
        maxCell = px;
        redraw();
    }

    /** Whether the legend (range and scale) and the hover line show (on by default). */
    public void setLegendVisible(boolean visible) {
        // Hidden, they leave the scene graph rather than turn invisible: an invisible label is still laid out, at 0 x 0,
        // which makes its skin clip the text, and that clip asks for a CSS pass, which in turn makes JavaFX repaint
        // the whole window in the next frame (27-39 ms with the software renderer).
        if (!visible) getChildren().removeAll(legend, probe);
        else if (!getChildren().contains(legend)) getChildren().addAll(legend, probe);
    }

    /** Cells to outline (one flag per element in C order, or null for none); the array is copied. */
    public void setMarks(boolean[] marks) {
        this.marks = marks == null ? new boolean[0] : marks.clone();
        drawOverlay();
    }

    /** A rectangle over rows r0 … r0+nr-1 and columns c0 … c0+nc-1 (e.g. the block being edited). */
    public void setBlock(int r0, int c0, int nr, int nc) {
        block = new int[] {r0, c0, nr, nc};
        drawOverlay();
    }

    /**
     * Where to look for pictures made ahead on a worker ({@link HeatmapPictures#prepare}) before making one here;
     * null to make every picture here. Either way the picture is the same.
     */
    public void setPictures(HeatmapPictures pictures) {
        this.pictures = pictures;
    }

    /** Called with (row, column) when the user clicks an element. */
    public void setOnPick(BiConsumer<Integer, Integer> onPick) {
        this.onPick = onPick;
    }

    /** Shows {@code a} (not modified; null shows nothing). */
    public void setArray(NDArray a) {
        if (a == array && a != null) return; // arrays never change: the same one looks the same
        setArray(a, a == null ? ColourScale.DIVERGING : ColourScale.of(a));
    }

    /** Shows {@code a} on a scale already chosen by {@link ColourScale#of} (a view that knows it saves a pass over a large array). */
    void setArray(NDArray a, ColourScale chosen) {
        if (a == array && a != null) return;
        array = a;
        scale = a == null ? 0 : DivergingPalette.scaleOf(a);
        colourScale = chosen;
        allZero = a != null && ColourScale.allZero(a);
        pseudoClassStateChanged(SEQUENTIAL_SCALE, colourScale == ColourScale.SEQUENTIAL);
        pseudoClassStateChanged(ALL_ZERO, allZero);
        redraw();
    }

    /** The array shown, or null. */
    public NDArray array() {
        return array;
    }

    /** The scale of the colours: the largest finite |element|. */
    public double scale() {
        return scale;
    }

    /** The colour scale of the array shown: one-sided when it has no negative element. */
    public ColourScale colourScale() {
        return colourScale;
    }

    /** True when every element of the array shown is 0. */
    public boolean isAllZero() {
        return allZero;
    }

    // ------------------------------------------------------------------ drawing

    /** CSS sets several colours in one pass: draw once, at the next layout. */
    private void redrawLater() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (dirty) redraw();
        super.layoutChildren();
    }

    private void redraw() {
        dirty = false;
        if (array == null) {
            image.setImage(null);
            return;
        }
        HeatmapPicture.Colours colours = new HeatmapPicture.Colours(negative.get(), zero.get(), positive.get(), sequential.get(), nonFinite.get());
        HeatmapPicture.Spec spec = new HeatmapPicture.Spec(boxWidth, boxHeight, maxCell, colours);
        HeatmapPicture made = pictures == null ? null : pictures.find(array, colourScale, spec);
        if (pictures != null) pictures.drewWith(colours);
        HeatmapPicture pic = made != null ? made : HeatmapPicture.of(array, colourScale, spec);
        int pw = pic.width(), ph = pic.height();
        cellW = pic.cellWidth();
        cellH = pic.cellHeight();
        Palette p = colours.palette(colourScale);
        double max = scale();
        // the image shows the picture's own pixels (opaque, so the same in premultiplied ARGB): no copy, no conversion here
        image.setImage(new WritableImage(new PixelBuffer<>(pw, ph, IntBuffer.wrap(pic.argb()), PixelFormat.getIntArgbPreInstance())));
        overlay.setWidth(pw);
        overlay.setHeight(ph);
        picture.setPrefSize(pw, ph);
        drawOverlay();
        drawLegend(p, max, pic.legendMax());
    }

    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (array == null) return;
        int cols = array.cols();
        if (cellW >= 8 && cellH >= 8) { // thin lines between readable cells
            g.setStroke(Color.gray(0.85));
            g.setLineWidth(0.5);
            for (int c = 1; c < cols; c++) g.strokeLine(c * cellW, 0, c * cellW, overlay.getHeight());
            for (int r = 1; r < array.rows(); r++) g.strokeLine(0, r * cellH, overlay.getWidth(), r * cellH);
        }
        g.setStroke(mark.get());
        g.setLineWidth(Math.max(1.5, Math.min(cellW, cellH) / 8));
        for (int i = 0; i < Math.min(marks.length, array.size()); i++) {
            if (marks[i]) g.strokeRect((i % cols) * cellW + 1, (i / cols) * cellH + 1, Math.max(1, cellW - 2), Math.max(1, cellH - 2));
        }
        if (block != null) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(1.5);
            g.strokeRect(block[1] * cellW, block[0] * cellH, Math.max(2, block[3] * cellW), Math.max(2, block[2] * cellH));
        }
    }

    /**
     * The legend: {@code −max [bar] max} on the diverging scale (0 marked in the middle), {@code 0 [bar] max} on the
     * sequential one, {@code all 0} for an all-zero array; the hover line names the scale while nothing is hovered,
     * and the legend's tooltip says it in full.
     */
    private void drawLegend(Palette p, double max, String maxText) {
        if (allZero) {
            low.setText(text.get("legend.allZero"));
            setLegendTip(text.get("legend.allZero.tip"));
            if (legend.getChildren().size() != 1) legend.getChildren().setAll(low);
        } else {
            boolean sequential = colourScale == ColourScale.SEQUENTIAL;
            low.setText(sequential ? "0" : Double.isNaN(max) ? maxText : "-" + maxText); // the same digits on both ends
            high.setText(maxText);
            setLegendTip(text.get(sequential ? "legend.sequential.tip" : "legend.diverging.tip", maxText));
            if (legend.getChildren().size() != 3) legend.getChildren().setAll(low, bar, high);
        }
        probe.setText(idleProbe());
        // the bar takes what the two numbers leave of the picture's width (at least 16 px, at most 90)
        double labels = 7.0 * (low.getText().length() + high.getText().length()) + 12;
        legendBar.setWidth(Math.max(16, Math.min(90, Math.max(picture.getPrefWidth(), boxWidth) - labels)));
        GraphicsContext g = legendBar.getGraphicsContext2D();
        g.clearRect(0, 0, legendBar.getWidth(), legendBar.getHeight());
        int steps = (int) legendBar.getWidth();
        boolean signed = colourScale == ColourScale.DIVERGING;
        for (int s = 0; s < steps; s++) {
            double f = (s + 0.5) / steps;
            g.setFill(max == 0 ? p.zero() : p.color(signed ? -max + 2 * max * f : max * f, max));
            g.fillRect(s, 0, 1, legendBar.getHeight());
        }
        if (signed) {
            g.setStroke(Color.gray(0.4));
            g.setLineWidth(1);
            g.strokeLine(steps / 2.0, 0, steps / 2.0, legendBar.getHeight()); // zero
        }
    }

    private void setLegendTip(String s) {
        legendTipText = s;
        if (legendTip != null) legendTip.setText(s);
    }

    /** The hover line while nothing is hovered: the name of the scale ("" for an all-zero array, whose legend says it). */
    private String idleProbe() {
        if (array == null || allZero) return " ";
        return text.get(colourScale == ColourScale.SEQUENTIAL ? "legend.sequential" : "legend.diverging");
    }

    private int[] cellAt(double x, double y) {
        if (array == null) return null;
        int c = (int) (x / cellW), r = (int) (y / cellH);
        if (r < 0 || c < 0 || r >= array.rows() || c >= array.cols()) return null;
        return new int[] {r, c};
    }

    /** {@code [r, c] = value} for the element under a point, or "". */
    private String describe(double x, double y) {
        int[] rc = cellAt(x, y);
        if (rc == null) return "";
        String at = array.rank() == 2 ? "[" + rc[0] + ", " + rc[1] + "]" : array.rank() == 1 ? "[" + rc[1] + "]" : "";
        int i = rc[0] * array.cols() + rc[1];
        return at + " = " + Shapes.number(array.get(rc[0], rc[1])) + (i < marks.length && marks[i] ? "  ⚠" : "");
    }

    // ------------------------------------------------------------------ CSS

    private final StyleableObjectProperty<Color> negative = colour(Css.NEGATIVE);
    private final StyleableObjectProperty<Color> zero = colour(Css.ZERO);
    private final StyleableObjectProperty<Color> positive = colour(Css.POSITIVE);
    private final StyleableObjectProperty<Color> sequential = colour(Css.SEQUENTIAL);
    private final StyleableObjectProperty<Color> nonFinite = colour(Css.NAN);
    private final StyleableObjectProperty<Color> mark = colour(Css.MARK);

    private StyleableObjectProperty<Color> colour(Css meta) {
        return new StyleableObjectProperty<>(meta.getInitialValue(this)) {
            @Override protected void invalidated() { redrawLater(); }
            @Override public Object getBean() { return Heatmap.this; }
            @Override public String getName() { return meta.getProperty(); }
            @Override public CssMetaData<Heatmap, Color> getCssMetaData() { return meta; }
        };
    }

    private static final class Css extends CssMetaData<Heatmap, Color> {
        static final Css NEGATIVE = new Css("-bp-negative-color", DivergingPalette.DEFAULT.negative(), h -> h.negative);
        static final Css ZERO = new Css("-bp-zero-color", DivergingPalette.DEFAULT.zero(), h -> h.zero);
        static final Css POSITIVE = new Css("-bp-positive-color", DivergingPalette.DEFAULT.positive(), h -> h.positive);
        static final Css SEQUENTIAL = new Css("-bp-sequential-color", SequentialPalette.DEFAULT.high(), h -> h.sequential);
        static final Css NAN = new Css("-bp-nan-color", DivergingPalette.DEFAULT.nonFinite(), h -> h.nonFinite);
        static final Css MARK = new Css("-bp-mark-color", Color.web("#c77700"), h -> h.mark);
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(VBox.getClassCssMetaData());
            all.addAll(List.of(NEGATIVE, ZERO, POSITIVE, SEQUENTIAL, NAN, MARK));
            ALL = Collections.unmodifiableList(all);
        }

        private final java.util.function.Function<Heatmap, StyleableObjectProperty<Color>> get;

        Css(String property, Color initial, java.util.function.Function<Heatmap, StyleableObjectProperty<Color>> get) {
            super(property, ColorConverter.getInstance(), initial);
            this.get = get;
        }

        @Override public boolean isSettable(Heatmap h) { return !get.apply(h).isBound(); }
        @Override public StyleableProperty<Color> getStyleableProperty(Heatmap h) { return get.apply(h); }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return Css.ALL;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return Css.ALL;
    }
}
