package org.backpropviz.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The matrix picture: numbers up to 6 × 6, a heatmap with a legend (range and scale) when larger, one-sided colours
 * for arrays with no negative element, all-zero arrays alike whatever their shape, and "not computed" unlike zero.
 */
@ExtendWith(ApplicationExtension.class)
class MatrixViewTest {
    private MatrixView view;

    @Start
    void start(Stage stage) {
        view = new MatrixView();
        view.placeholderProperty().set("not computed yet");
        StackPane root = new StackPane(view);
        Theme.apply(root, null); // the theme's colours, as every window of the app has them
        stage.setScene(new Scene(root, 300, 200));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private boolean computed() throws Exception {
        return is("computed");
    }

    private boolean is(String pseudoClass) throws Exception {
        return fx(() -> view.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass)));
    }

    private void show(NDArray a) throws Exception {
        fx(() -> {
            view.setArray(a);
            return null;
        });
    }

    /** The heatmap's labels in order: the legend's (−max and max, 0 and max, or "all 0"), then the hover line. */
    private List<String> legend(FxRobot robot) throws Exception {
        return fx(() -> robot.from(view).lookup(".legend-label").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    /** The heatmap's picture. */
    private javafx.scene.image.Image picture(FxRobot robot, Heatmap map) throws Exception {
        return fx(() -> robot.from(map).lookup(".image-view").queryAs(javafx.scene.image.ImageView.class).getImage());
    }

    private static NDArray filled(int rows, int cols, double v) {
        return NDArray.full(new int[] {rows, cols}, v);
    }

    @Test
    void notComputedLooksUnlikeZero(FxRobot robot) throws Exception {
        assertFalse(computed());
        assertEquals("not computed yet", fx(() -> robot.from(view).lookup(".placeholder").queryAs(Label.class).getText()));
        fx(() -> {
            view.setArray(NDArray.full(new int[] {2, 2}, 0.0));
            return null;
        });
        assertTrue(computed());
        assertEquals(List.of("0.0", "0.0", "0.0", "0.0"), fx(view::cellTexts));
        assertTrue(fx(() -> robot.from(view).lookup(".placeholder").queryAll().stream().noneMatch(javafx.scene.Node::isVisible)),
                "no placeholder shows");
    }

    @Test
    void largeArraysBecomeAHeatmapWithADivergingLegend(FxRobot robot) throws Exception {
        double[] v = new double[20 * 30];
        for (int i = 0; i < v.length; i++) v[i] = (i % 7) - 3;
        fx(() -> {
            view.setArray(NDArray.of(new int[] {20, 30}, v));
            return null;
        });
        assertTrue(fx(view::isHeatmap));
        assertTrue(fx(view::cellTexts).isEmpty());
        List<String> legend = fx(() -> robot.from(view).lookup(".legend-label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertEquals("-3.0", legend.get(0));
        assertEquals("3.0", legend.get(1));
        assertEquals("signed scale (\u00b1)", legend.get(2), "the hover line names the scale while nothing is hovered");
        assertFalse(is("sequential"));
        assertEquals(ColourScale.DIVERGING, fx(view::colourScale));
    }

    @Test
    void everyArrayUpToSixBySixShowsItsNumbers() throws Exception {
        for (int[] shape : new int[][] {{}, {6}, {1, 6}, {6, 1}, {5, 4}, {6, 6}, {4, 4}}) {
            NDArray a = NDArray.full(shape, 0.25);
            show(a);
            assertFalse(fx(view::isHeatmap), java.util.Arrays.toString(shape));
            assertEquals(a.size(), fx(view::cellTexts).size());
        }
        for (int[] shape : new int[][] {{7}, {1, 7}, {7, 1}, {7, 7}, {100, 784}}) {
            show(NDArray.full(shape, 0.25));
            assertTrue(fx(view::isHeatmap), java.util.Arrays.toString(shape));
        }
    }

    @Test
    void compactNumbersOfUpToSixColumnsFitAGraphNode() throws Exception {
        // a data node leaves its arrays 146 px; the widest number a column count allows, in every cell
        double[][] widest = {{3, -0.135}, {4, -9.87}, {5, -9.87}, {6, -9.87}, {6, -12.3}, {4, -5e-3}}; // -0.005 needs 6 characters as NumPy prints it: 4 columns fit
        fx(() -> {
            view.setCompact(true);
            view.setHeatmapSize(146, 60);
            return null;
        });
        for (double[] w : widest) {
            int cols = (int) w[0];
            show(filled(6, cols, w[1]));
            double width = fx(() -> {
                view.applyCss();
                return view.prefWidth(-1);
            });
            assertTrue(width <= 146, cols + " columns of " + fx(view::cellTexts).get(0) + ": " + width + " px");
            assertTrue(fx(view::cellTexts).stream().noneMatch(t -> t.contains("\u2026")));
        }
        assertEquals(List.of("-9.9", "-12.3", "-0.03", "0.123", "0.0"), List.of(MatrixView.formatCompact(-9.87, 4),
                MatrixView.formatCompact(-12.3, 5), MatrixView.formatCompact(-0.03, 5), MatrixView.formatCompact(0.123, 5),
                MatrixView.formatCompact(0, 4)));
        assertEquals(List.of("-0.52", "12.34", "-0.0049", "123.4", "20000.0"), List.of(MatrixView.formatCompact(-0.5196, 5),
                MatrixView.formatCompact(12.34, 5), MatrixView.formatCompact(-0.0049, 7), MatrixView.formatCompact(123.4, 5),
                MatrixView.formatCompact(20000, 7)));
        assertTrue(is("densest"));
        show(filled(2, 3, 0.5));
        assertFalse(is("dense"), "three columns keep the usual cells");
        show(filled(5, 4, 7.2)); // Iris measurements: four short numbers fit as they are
        assertFalse(is("dense"));
        show(NDArray.vector(0, 1, 2, 0, 2)); // labels: a little tighter, not the smallest font
        assertTrue(is("dense"));
        assertFalse(is("densest"));
        show(filled(4, 4, -0.5196)); // four weights: two decimals
        assertEquals("-0.52", fx(view::cellTexts).get(0));
        show(filled(6, 6, -0.5196)); // six: one
        assertEquals("-0.5", fx(view::cellTexts).get(0));
    }

    @Test
    void nonNegativeArraysGetAOneSidedScaleFromZero(FxRobot robot) throws Exception {
        double[] softmaxLike = new double[20 * 30];
        for (int i = 0; i < softmaxLike.length; i++) softmaxLike[i] = (i % 10) / 20.0;
        show(NDArray.of(new int[] {20, 30}, softmaxLike));
        assertTrue(fx(view::isHeatmap));
        assertTrue(is("sequential"));
        assertEquals(ColourScale.SEQUENTIAL, fx(view::colourScale));
        assertEquals(List.of("0", "0.45", "one-sided scale (\u2265 0)"), legend(robot));
        Heatmap map = fx(() -> robot.from(view).lookup(".heatmap").queryAs(Heatmap.class));
        assertTrue(fx(() -> map.getPseudoClassStates().contains(PseudoClass.getPseudoClass("sequential"))));
        // its strongest pixel is the theme's one-sided colour (base.css), not the diverging scale's positive one
        javafx.scene.image.Image img = picture(robot, map);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        fx(() -> {
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) colours.add(img.getPixelReader().getArgb(x, y));
            }
            return null;
        });
        assertTrue(colours.contains(0xFF08519C), "the end of the scale");
        assertTrue(colours.contains(0xFFF7F7F7), "0");
        assertFalse(colours.contains(0xFF1B7837), "no diverging green");

        // the same numbers with one below zero: the two-sided scale again
        softmaxLike[7] = -0.01;
        show(NDArray.of(new int[] {20, 30}, softmaxLike));
        assertFalse(is("sequential"));
        assertEquals(List.of("-0.45", "0.45", "signed scale (\u00b1)"), legend(robot));

        // small arrays: the numbers' tints follow the same choice
        show(NDArray.vector(0, 1, 0));
        assertTrue(is("sequential"));
        Label one = fx(() -> (Label) robot.from(view).lookup(".matrix-cell").queryAll().toArray()[1]);
        Color tint = fx(() -> (Color) one.getBackground().getFills().get(0).getFill());
        assertEquals(Color.web("#f7f7f7").interpolate(Color.web("#08519c"), 0.55), tint);
    }

    @Test
    void anAllZeroArrayIsShownTheSameWayWhateverItsShape(FxRobot robot) throws Exception {
        // small: the numbers 0 in the colour of 0; large: the colour of 0 and the legend "all 0"; never a scale
        for (int[] shape : new int[][] {{2}, {1, 2}, {3, 3}, {6, 6}}) {
            show(NDArray.full(shape, 0.0));
            assertFalse(fx(view::isHeatmap), java.util.Arrays.toString(shape));
            assertTrue(is("all-zero"));
            assertTrue(fx(view::cellTexts).stream().allMatch("0.0"::equals));
            List<Color> tints = fx(() -> robot.from(view).lookup(".matrix-cell").queryAllAs(Label.class).stream()
                    .map(l -> (Color) l.getBackground().getFills().get(0).getFill()).toList());
            assertTrue(tints.stream().allMatch(Color.web("#f7f7f7")::equals), tints.toString());
        }
        for (int[] shape : new int[][] {{7}, {1, 10}, {50}, {100, 784}}) {
            show(NDArray.full(shape, 0.0));
            assertTrue(fx(view::isHeatmap), java.util.Arrays.toString(shape));
            assertTrue(is("all-zero"));
            assertEquals(List.of("all 0", " "), legend(robot), java.util.Arrays.toString(shape));
            Heatmap map = fx(() -> robot.from(view).lookup(".heatmap").queryAs(Heatmap.class));
            assertTrue(fx(map::isAllZero));
            javafx.scene.image.Image img = picture(robot, map);
            assertEquals(0xFFF7F7F7, (int) fx(() -> img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) img.getHeight() / 2)));
        }
        // a non-zero array of the same shape afterwards gets its range and scale back
        show(filled(100, 784, 0.5));
        assertFalse(is("all-zero"));
        assertEquals(List.of("0", "0.5", "one-sided scale (\u2265 0)"), legend(robot));
    }

    @Test
    void labelsMadeWhileTheWindowShowsComeWithTheirSkins(FxRobot robot) throws Exception {
        // a label that got its skin in the CSS pass would leave the whole tree marked for CSS, and the next frame
        // would repaint the whole window; checked in the same FX task, before any pulse could make the skins
        assertTrue(fx(() -> {
            view.setArray(NDArray.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));
            return robot.from(view).lookup(".matrix-cell").queryAllAs(Label.class).stream().allMatch(l -> l.getSkin() != null);
        }));
        assertTrue(fx(() -> {
            view.setArray(NDArray.of(new int[] {20, 30}, new double[600]));
            return robot.from(view).lookup(".legend-label").queryAllAs(Label.class).stream().allMatch(l -> l.getSkin() != null);
        }));
    }

    @Test
    void aHiddenLegendLeavesTheSceneGraphAndComesBack(FxRobot robot) throws Exception {
        // hidden labels would still be laid out at 0 x 0, which clips their text and asks for another CSS pass
        fx(() -> {
            view.legendVisibleProperty().set(false);
            view.setArray(NDArray.of(new int[] {20, 30}, new double[600]));
            return null;
        });
        assertTrue(fx(view::isHeatmap));
        assertTrue(fx(() -> robot.from(view).lookup(".legend").tryQuery().isEmpty()));
        assertTrue(fx(() -> robot.from(view).lookup(".legend-label").queryAll().isEmpty()));
        fx(() -> {
            view.legendVisibleProperty().set(true);
            view.setArray(NDArray.full(new int[] {20, 30}, 1.0)); // a different array: an equal one is no change
            return null;
        });
        assertEquals(3, fx(() -> robot.from(view).lookup(".legend-label").queryAll().size()), "-max, +max and the hover line");
    }

    @Test
    void cellsRoundForReadingAndCompactCellsForNodes() {
        assertEquals("0.057618", MatrixView.format(0.057618));
        assertEquals("-0.1349", MatrixView.format(-0.13490001));
        assertEquals("1e-05", MatrixView.format(0.00001));
        assertEquals("1e+300", MatrixView.format(1e300));
        assertEquals("0.00030165", MatrixView.format(0.00030165)); // the lesson's dW2 value, as it prints it
        assertEquals("0.058", MatrixView.formatCompact(0.057618, 5));
        assertEquals("8.0", MatrixView.formatCompact(8.0, 5));
        assertEquals("nan", MatrixView.format(Double.NaN));
    }

    @Test
    void aNewArrayOfTheSameShapeReusesThePictureAndShowsTheNewValues(FxRobot robot) throws Exception {
        // stepping through a pass gives every view a new array of the same shape: no new nodes for CSS and layout
        fx(() -> {
            view.setArray(NDArray.matrix(new double[][] {{1, 2}, {3, 4}}));
            return null;
        });
        javafx.scene.Node grid = fx(() -> view.getChildrenUnmodifiable().get(0));
        fx(() -> {
            view.setArray(NDArray.matrix(new double[][] {{-1, 0.5}, {7, 8}}));
            return null;
        });
        assertTrue(grid == fx(() -> view.getChildrenUnmodifiable().get(0)));
        assertEquals(List.of("-1.0", "0.5", "7.0", "8.0"), fx(view::cellTexts));
        Label second = fx(() -> (Label) robot.from(view).lookup(".matrix-cell").queryAll().toArray()[1]);
        fx(() -> { // the tooltip, made when the pointer first enters, shows the exact value of the array shown now
            second.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1,
                    javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
            return null;
        });
        assertEquals("0.5", fx(() -> ((javafx.scene.control.Tooltip) second.getProperties().get("javafx.scene.control.Tooltip")).getText()));

        double[] big = new double[30 * 40];
        fx(() -> {
            view.setArray(NDArray.of(new int[] {30, 40}, big));
            return null;
        });
        javafx.scene.Node map = fx(() -> view.getChildrenUnmodifiable().get(0));
        for (int i = 0; i < big.length; i++) big[i] = i - 600;
        fx(() -> {
            view.setArray(NDArray.of(new int[] {30, 40}, big));
            return null;
        });
        assertTrue(map == fx(() -> view.getChildrenUnmodifiable().get(0)), "one heatmap per view");
        List<String> legend = fx(() -> robot.from(view).lookup(".legend-label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertEquals("-600.0", legend.get(0), "the legend follows the new array");

        // back to a small array of another shape, and to nothing
        fx(() -> {
            view.setArray(NDArray.vector(new double[] {1, 2, 3}));
            return null;
        });
        assertEquals(List.of("1.0", "2.0", "3.0"), fx(view::cellTexts));
        fx(() -> {
            view.setArray(null);
            return null;
        });
        assertTrue(fx(view::cellTexts).isEmpty());
        assertFalse(computed());
    }

    private static NDArray signed(int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = (i % 7) - 3 + 0.1 * (i % 3);
        return NDArray.of(new int[] {rows, cols}, v);
    }

    private Heatmap heatmapChild() throws Exception {
        return fx(() -> view.getChildrenUnmodifiable().stream().filter(c -> c instanceof Heatmap).map(c -> (Heatmap) c)
                .findFirst().orElse(null));
    }

    @Test
    void theHeatmapIsKeptHiddenWhileThePlaceholderShowsAndShownAgainForTheNextLargeArray(FxRobot robot) throws Exception {
        show(signed(20, 30));
        Heatmap map = heatmapChild();
        assertTrue(map != null && fx(map::isVisible));
        assertEquals(List.of(map), fx(() -> view.getChildrenUnmodifiable().stream().filter(javafx.scene.Node::isVisible).toList()),
                "the heatmap, alone");
        assertEquals("-3.2", legend(robot).get(0));
        show(null);
        assertTrue(fx(() -> robot.from(view).lookup(".placeholder").queryAs(Label.class).isVisible()), "says not computed");
        assertTrue(heatmapChild() == map && !fx(map::isVisible) && !fx(map::isManaged), "kept, hidden, out of the layout");
        show(filled(2, 2, 0.5));
        assertTrue(heatmapChild() == map && !fx(map::isVisible), "hidden while numbers show");
        assertEquals(List.of("0.5", "0.5", "0.5", "0.5"), fx(view::cellTexts));
        NDArray next = signed(30, 40);
        show(next);
        assertTrue(fx(map::isVisible) && fx(map::isManaged), "the same heatmap, shown again");
        assertEquals(next, fx(map::array));
        assertEquals(1L, (long) fx(() -> view.getChildrenUnmodifiable().stream().filter(javafx.scene.Node::isVisible).count()));
        assertEquals(3, (int) fx(() -> view.getChildrenUnmodifiable().size()), "the placeholder and the grid kept, hidden");
    }

    @Test
    void theGridOfNumbersIsKeptHiddenAndReusedAfterAPlaceholder(FxRobot robot) throws Exception {
        show(filled(2, 3, 0.5));
        javafx.scene.Node grid = fx(() -> view.lookup(".matrix-grid"));
        show(null);
        assertFalse(fx(grid::isVisible), "hidden while the placeholder shows");
        assertTrue(fx(view::cellTexts).isEmpty());
        show(filled(2, 3, 0.25));
        assertSame(grid, fx(() -> view.lookup(".matrix-grid")), "the same grid: no new nodes to style in this frame");
        assertTrue(fx(grid::isVisible) && fx(grid::isManaged));
        assertEquals(List.of("0.25", "0.25", "0.25", "0.25", "0.25", "0.25"), fx(view::cellTexts));
        show(filled(3, 2, 0.25));
        assertEquals(1, (int) fx(() -> view.lookupAll(".matrix-grid").size()), "another shape: a new grid, the old one gone");
    }

    @Test
    void aPictureMadeAheadIsTheOneShownAndTheSameAsOneMadeHere(FxRobot robot) throws Exception {
        NDArray a = signed(300, 200);
        HeatmapPictures store = new HeatmapPictures();
        store.prepare(a, fx(view::heatmapBox));
        fx(() -> {
            view.setPictures(store);
            view.setArray(a);
            return null;
        });
        Heatmap map = heatmapChild();
        javafx.scene.image.Image shown = picture(robot, map);
        HeatmapPictures.Box box = fx(view::heatmapBox);
        HeatmapPicture.Spec spec = new HeatmapPicture.Spec(box.width(), box.height(), box.maxCell(), HeatmapPicture.Colours.DEFAULT);
        HeatmapPicture made = store.find(a, ColourScale.DIVERGING, spec);
        HeatmapPicture here = HeatmapPicture.of(a, ColourScale.DIVERGING, spec);
        assertEquals(here.width(), (int) shown.getWidth());
        assertEquals(here.height(), (int) shown.getHeight());
        int[] pixels = fx(() -> {
            int[] out = new int[here.width() * here.height()];
            shown.getPixelReader().getPixels(0, 0, here.width(), here.height(), javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, here.width());
            return out;
        });
        org.junit.jupiter.api.Assertions.assertArrayEquals(here.argb(), pixels);
        org.junit.jupiter.api.Assertions.assertArrayEquals(made.argb(), pixels);
    }
}
