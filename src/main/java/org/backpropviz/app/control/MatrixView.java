package org.backpropviz.app.control;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.fx.LazyTooltip;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backpropviz.engine.NDArray;
import org.backpropviz.text.Numbers;
import org.backpropviz.engine.Shapes;

/**
 * A small read-only picture of an array: its numbers when it is small enough to read (up to {@link #SMALL} ×
 * {@link #SMALL} by default), otherwise a {@link Heatmap} with a legend. Both colour the array on the scale
 * {@link ColourScale#of} chooses: two-sided for a signed array, one-sided from 0 for an array with no negative
 * element. An all-zero array is drawn the same way whatever its shape: the numbers 0 when small, the colour of 0 and
 * the legend "all 0" when large. An absent array ("not computed yet") shows a placeholder that looks unlike any value,
 * zero included. States reach CSS as pseudo-classes: {@code :computed}, {@code :heatmap}, {@code :sequential},
 * {@code :all-zero}, {@code :dense} and {@code :densest} (compact numbers set tighter
 * to fit the width). Colours come from CSS:
 * {@code -bp-negative-color}, {@code -bp-zero-color}, {@code -bp-positive-color}, {@code -bp-sequential-color},
 * {@code -bp-nan-color}.
 */
public class MatrixView extends StackPane {
    /** Arrays of at most this many rows and columns show their numbers unless a view asks for less. */
    public static final int SMALL = 6;
    private static final PseudoClass COMPUTED = PseudoClass.getPseudoClass("computed");
    private static final PseudoClass HEATMAP = PseudoClass.getPseudoClass("heatmap");
    private static final PseudoClass SEQUENTIAL_SCALE = PseudoClass.getPseudoClass("sequential");
    private static final PseudoClass ALL_ZERO = PseudoClass.getPseudoClass("all-zero");
    private static final PseudoClass DENSE = PseudoClass.getPseudoClass("dense");
    private static final PseudoClass DENSEST = PseudoClass.getPseudoClass("densest");

    private final ObjectProperty<NDArray> array = new SimpleObjectProperty<>(this, "array");
    private final IntegerProperty maxNumberRows = new SimpleIntegerProperty(this, "maxNumberRows", SMALL);
    private final IntegerProperty maxNumberCols = new SimpleIntegerProperty(this, "maxNumberCols", SMALL);
    private final StringProperty placeholder = new SimpleStringProperty(this, "placeholder", "");
    /** The caption over an array of rank 3 or more, drawn as its (N, rest) view: {0} its shape, {1} the drawn one. */
    private final StringProperty reshapedFormat = new SimpleStringProperty(this, "reshapedFormat", "{0} shown as {1}");
    private Label reshapedCaption;
    private final BooleanProperty legendVisible = new SimpleBooleanProperty(this, "legendVisible", true);
    private final StyleableObjectProperty<Color> negativeColor = colour(NEGATIVE, DivergingPalette.DEFAULT.negative());
    private final StyleableObjectProperty<Color> zeroColor = colour(ZERO, DivergingPalette.DEFAULT.zero());
    private final StyleableObjectProperty<Color> positiveColor = colour(POSITIVE, DivergingPalette.DEFAULT.positive());
    private final StyleableObjectProperty<Color> sequentialColor = colour(SEQUENTIAL, SequentialPalette.DEFAULT.high());
    private final StyleableObjectProperty<Color> nanColor = colour(NAN, DivergingPalette.DEFAULT.nonFinite());
    private boolean compact;
    /** How tightly compact cells are set ({@link #DENSITIES}): tighter for wider arrays, so that six columns fit a node. */
    private int density;
    private ColourScale colourScale = ColourScale.DIVERGING;
    private double heatmapWidth = 140;
    private double heatmapHeight = 56;
    private final List<Label> cells = new ArrayList<>();
    private boolean heatmap;
    private Label placeholderLabel;
    private GridPane numberGrid;
    private int[] numberShape;
    private Heatmap map;
    private HeatmapPictures pictures;
    private final Messages text;

    /** An array picture whose heatmap legend speaks English (views built without a window's language). */
    public MatrixView() {
        this(Messages.english());
    }

    public MatrixView(Messages text) {
        this.text = text;
        getStyleClass().add("matrix-view");
        getStylesheets().add(MatrixView.class.getResource("matrix-view.css").toExternalForm());
        array.addListener((o, a, b) -> refresh());
        placeholder.addListener((o, a, b) -> refresh());
        reshapedFormat.addListener((o, a, b) -> refresh());
        maxNumberRows.addListener((o, a, b) -> refresh());
        maxNumberCols.addListener((o, a, b) -> refresh());
        refresh();
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<NDArray> arrayProperty() { return array; }
    public NDArray getArray() { return array.get(); }
    public void setArray(NDArray a) { array.set(a); }

    /** The caption over a rank-3 or higher array: {@code {0} shown as {1}} gives "(2, 2, 3) shown as (2, 6)". */
    public StringProperty reshapedFormatProperty() { return reshapedFormat; }

    /** Arrays with more rows than this are drawn as a heatmap ({@link #SMALL} by default). */
    public IntegerProperty maxNumberRowsProperty() { return maxNumberRows; }

    /** Arrays with more columns than this are drawn as a heatmap ({@link #SMALL} by default). */
    public IntegerProperty maxNumberColsProperty() { return maxNumberCols; }

    /** What an absent array says ("not computed yet"). */
    public StringProperty placeholderProperty() { return placeholder; }

    public BooleanProperty legendVisibleProperty() { return legendVisible; }

    /** The largest size of the heatmap picture; its width is also the width compact numbers are set to fit. */
    public void setHeatmapSize(double w, double h) {
        heatmapWidth = w;
        heatmapHeight = h;
        refresh();
    }

    /**
     * Compact cells (for the small views inside graph nodes) show the significant digits that fit the view's width
     * ({@link #setHeatmapSize}): the lesson's {@code 0.00030165} whole in a narrow array, fewer digits and a smaller
     * font ({@code :dense}, {@code :densest}) in a wide one: six columns fit a node.
     */
    public void setCompact(boolean on) {
        compact = on;
        refresh();
    }

    /** A number as this view's cells show it (for the array shown now). */
    public String formatCell(double v) {
        return compact ? formatCompact(v, DENSITIES[density].chars()) : format(v);
    }

    /** The colour scale of the array shown (diverging when there is none). */
    public ColourScale colourScale() { return colourScale; }

    /**
     * A number in at most {@code maxChars} characters, for the columns of a graph node: NumPy's form with the
     * significant digits that fit ({@link Numbers#fit}): {@code 0.00030165} where there is room, {@code -0.52} in a
     * tight node.
     */
    public static String formatCompact(double v, int maxChars) {
        return Numbers.fit(v, maxChars);
    }

    /**
     * The ways compact cells are set, loosest first: characters a number may take, and font size, side padding and least width as
     * matrix-view.css gives them (the plain cells, {@code :dense}, {@code :densest}), to estimate a grid's width.
     */
    private record Density(int chars, double font, double padding, double minWidth) {}

    private static final Density[] DENSITIES = {
        new Density(10, 11, 6, 30), new Density(8, 11, 6, 30), new Density(6, 11, 6, 30), new Density(5, 10, 4, 24),
        new Density(5, 9, 2, 19), new Density(4, 9, 2, 19), new Density(3, 9, 2, 19)};

    /** The grid's border, its padding and a cell's gap (matrix-view.css). */
    private static final double GRID_FRAME = 7, GAP = 1;

    /** The loosest density at which {@code a}'s compact numbers fit {@code width} (the tightest if none does). */
    static int densityFor(NDArray a, double width) {
        for (int d = 0; d < DENSITIES.length; d++) {
            Density k = DENSITIES[d];
            double widest = 0;
            for (int i = 0; i < a.size(); i++) widest = Math.max(widest, ems(formatCompact(a.flat(i), k.chars())));
            double cell = Math.max(k.minWidth(), widest * k.font() + k.padding()) + GAP;
            if (a.cols() * cell + GRID_FRAME <= width) return d;
        }
        return DENSITIES.length - 1;
    }

    /** The width of a number's text in em: digits and {@code e} about 0.64, a point or a minus sign about 0.35. */
    private static double ems(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) w += s.charAt(i) == '.' || s.charAt(i) == '-' ? 0.35 : 0.64;
        return w;
    }

    /** Where the heatmap looks for pictures made ahead off the JavaFX thread (null: it makes each itself). */
    public void setPictures(HeatmapPictures pictures) {
        this.pictures = pictures;
        if (map != null) map.setPictures(pictures);
    }

    /** The size this view gives its heatmap's picture, for making pictures ahead ({@link HeatmapPictures#prepare}). */
    public HeatmapPictures.Box heatmapBox() {
        return new HeatmapPictures.Box(heatmapWidth, heatmapHeight, HeatmapPicture.DEFAULT_MAX_CELL);
    }

    /**
     * The array this view's heatmap would draw for {@code whole} (its (N, rest) view when of rank 3 or more), or null
     * when the view would show its numbers instead.
     */
    public NDArray heatmapArrayOf(NDArray whole) {
        NDArray a = whole.batchView();
        return a.rows() <= maxNumberRows.get() && a.cols() <= maxNumberCols.get() ? null : a;
    }

    /** True when the array is drawn as a heatmap rather than numbers. */
    public boolean isHeatmap() { return heatmap; }

    /** The texts of the number cells in C order (empty for a heatmap or no array). */
    public List<String> cellTexts() {
        return heatmap || array.get() == null ? List.of() : cells.stream().map(Label::getText).toList();
    }

    /** A number as a cell shows it: NumPy's form with the significant digits that fit ten characters. */
    public static String format(double v) {
        return Numbers.fit(v, CELL_CHARS);
    }

    /** The most characters a number takes in a cell that is not compact. */
    private static final int CELL_CHARS = 10;

    // ------------------------------------------------------------------ drawing

    private void refresh() {
        NDArray whole = array.get();
        NDArray a = whole == null ? null : whole.batchView(); // rank 3 and more: one row per sample
        heatmap = false;
        colourScale = a == null ? ColourScale.DIVERGING : ColourScale.of(a);
        density = 0;
        pseudoClassStateChanged(COMPUTED, a != null);
        pseudoClassStateChanged(SEQUENTIAL_SCALE, colourScale == ColourScale.SEQUENTIAL);
        pseudoClassStateChanged(ALL_ZERO, a != null && ColourScale.allZero(a));
        if (a == null) {
            if (placeholderLabel == null) {
                placeholderLabel = Labels.empty();
                placeholderLabel.getStyleClass().add("placeholder");
                placeholderLabel.setWrapText(true);
            }
            placeholderLabel.setText(placeholder.get());
            show(placeholderLabel);
        } else if (a.rows() <= maxNumberRows.get() && a.cols() <= maxNumberCols.get()) {
            density = compact ? densityFor(a, heatmapWidth) : 0; // before the cells are written
            show(captioned(whole, numbers(a)));
            pseudoClassStateChanged(DENSE, DENSITIES[density].font() < 11);
            pseudoClassStateChanged(DENSEST, DENSITIES[density].font() < 10);
        } else {
            heatmap = true;
            show(captioned(whole, heatmap(a)));
        }
        pseudoClassStateChanged(HEATMAP, heatmap);
        if (heatmap || a == null) {
            pseudoClassStateChanged(DENSE, false);
            pseudoClassStateChanged(DENSEST, false);
        }
    }

    /**
     * {@code drawn} as it is for an array of rank 2 or less; under a caption "(2, 2, 3) shown as (2, 6)" for a higher
     * rank, whose 2-D view it draws.
     */
    private Region captioned(NDArray whole, Region drawn) {
        if (whole.rank() <= 2) return drawn;
        if (reshapedCaption == null) {
            reshapedCaption = Labels.empty();
            reshapedCaption.getStyleClass().add("reshaped-caption");
        }
        reshapedCaption.setText(reshapedFormat.get().replace("{0}", whole.shapeString()).replace("{1}", whole.batchView().shapeString()));
        return new javafx.scene.layout.VBox(2, reshapedCaption, drawn);
    }

    /**
     * Makes {@code child} the only child shown. The placeholder, the grid of numbers and the heatmap, once made, stay
     * children, hidden while another one shows: a node added to the scene is styled anew, in the frame of the step
     * that shows it, and the graph rehearses each card's states ahead of the steps (see GraphView) for this reason.
     */
    private void show(Region child) {
        for (Node c : getChildren()) {
            if (c != child && (c == map || c == numberGrid || c == placeholderLabel)) {
                c.setVisible(false);
                c.setManaged(false);
            }
        }
        getChildren().removeIf(c -> c != child && c != map && c != numberGrid && c != placeholderLabel);
        if (child.getParent() != this) getChildren().add(child);
        unhide(child);
    }

    /**
     * The grid of numbers; the one already shown is reused when the shape is the same (stepping through a pass
     * changes the numbers, not the shape), so only texts and colours change.
     */
    private Region numbers(NDArray a) {
        double max = DivergingPalette.scaleOf(a);
        Palette palette = palette();
        boolean reuse = numberGrid != null && numberShape != null && java.util.Arrays.equals(numberShape, a.shape())
                && cells.size() == a.size();
        if (!reuse) {
            cells.clear();
            numberGrid = new GridPane();
            numberGrid.getStyleClass().addAll("matrix-grid", "rank-" + a.rank());
            numberGrid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            numberShape = a.shape();
        }
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                double v = a.get(r, c);
                Label cell;
                if (reuse) {
                    cell = cells.get(r * a.cols() + c);
                    cell.setText(formatCell(v));
                } else {
                    cell = Labels.of(formatCell(v));
                    cell.getStyleClass().add("matrix-cell");
                    cell.setMaxWidth(Double.MAX_VALUE);
                    cell.setMinWidth(USE_PREF_SIZE);
                    int flat = r * a.cols() + c; // the exact value of whatever array the view shows when hovered
                    LazyTooltip.install(cell, () -> {
                        NDArray now = array.get();
                        return now != null && flat < now.size() ? Shapes.number(now.flat(flat)) : "";
                    });
                    cells.add(cell);
                    numberGrid.add(cell, c, r);
                }
                cell.setBackground(new Background(new BackgroundFill(palette.color(v, max, 0.55), CornerRadii.EMPTY, Insets.EMPTY)));
            }
        }
        unhide(numberGrid); // it may have been hidden while another child showed, and go under a caption now
        return numberGrid;
    }

    private static void unhide(Region r) {
        r.setVisible(true);
        r.setManaged(true);
    }

    /** The heatmap, one per view, given each new array. */
    private Region heatmap(NDArray a) {
        if (map == null) {
            map = new Heatmap(text);
            map.setPictures(pictures);
            map.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        }
        map.setBox(heatmapWidth, heatmapHeight);
        map.setLegendVisible(legendVisible.get());
        map.setArray(a, colourScale);
        unhide(map);
        return map;
    }

    /** The palette of the array's scale in the colours CSS gave. */
    private Palette palette() {
        return colourScale.palette(negativeColor.get(), zeroColor.get(), positiveColor.get(), sequentialColor.get(), nanColor.get());
    }

    // ------------------------------------------------------------------ CSS

    private StyleableObjectProperty<Color> colour(CssMetaData<MatrixView, Color> meta, Color initial) {
        return new StyleableObjectProperty<>(initial) {
            @Override protected void invalidated() { refresh(); }
            @Override public Object getBean() { return MatrixView.this; }
            @Override public String getName() { return meta.getProperty(); }
            @Override public CssMetaData<MatrixView, Color> getCssMetaData() { return meta; }
        };
    }

    private static final class ColourMeta extends CssMetaData<MatrixView, Color> {
        private final java.util.function.Function<MatrixView, StyleableObjectProperty<Color>> get;

        ColourMeta(String property, Color initial, java.util.function.Function<MatrixView, StyleableObjectProperty<Color>> get) {
            super(property, ColorConverter.getInstance(), initial);
            this.get = get;
        }

        @Override public boolean isSettable(MatrixView v) { return !get.apply(v).isBound(); }
        @Override public StyleableProperty<Color> getStyleableProperty(MatrixView v) { return get.apply(v); }
    }

    private static final ColourMeta NEGATIVE = new ColourMeta("-bp-negative-color", Color.BLUE, v -> v.negativeColor);
    private static final ColourMeta ZERO = new ColourMeta("-bp-zero-color", Color.WHITE, v -> v.zeroColor);
    private static final ColourMeta POSITIVE = new ColourMeta("-bp-positive-color", Color.RED, v -> v.positiveColor);
    private static final ColourMeta SEQUENTIAL = new ColourMeta("-bp-sequential-color", Color.BLUE, v -> v.sequentialColor);
    private static final ColourMeta NAN = new ColourMeta("-bp-nan-color", Color.BLACK, v -> v.nanColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(StackPane.getClassCssMetaData());
        all.addAll(List.of(NEGATIVE, ZERO, POSITIVE, SEQUENTIAL, NAN));
        CSS = java.util.Collections.unmodifiableList(all);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
