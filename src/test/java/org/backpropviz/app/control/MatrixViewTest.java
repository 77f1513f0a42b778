package org.backpropviz.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The matrix picture: numbers when small, a heatmap with a legend when large, and "not computed" unlike zero. */
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
        stage.show();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private boolean computed() throws Exception {
        return fx(() -> view.getPseudoClassStates().contains(PseudoClass.getPseudoClass("computed")));
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
        assertEquals(List.of("0", "0", "0", "0"), fx(view::cellTexts));
        assertTrue(fx(() -> robot.from(view).lookup(".placeholder").tryQuery().isEmpty()));
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
        assertEquals("-3", legend.get(0));
        assertEquals("3", legend.get(1));
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
        assertEquals("0.0576", MatrixView.format(0.057618));
        assertEquals("-0.1349", MatrixView.format(-0.13490001));
        assertEquals("1.00e-05", MatrixView.format(0.00001));
        assertEquals("0.058", MatrixView.formatCompact(0.057618));
        assertEquals("8", MatrixView.formatCompact(8.0));
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
        assertEquals(List.of("-1", "0.5", "7", "8"), fx(view::cellTexts));
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
        assertEquals("-600", legend.get(0), "the legend follows the new array");

        // back to a small array of another shape, and to nothing
        fx(() -> {
            view.setArray(NDArray.vector(new double[] {1, 2, 3}));
            return null;
        });
        assertEquals(List.of("1", "2", "3"), fx(view::cellTexts));
        fx(() -> {
            view.setArray(null);
            return null;
        });
        assertTrue(fx(view::cellTexts).isEmpty());
        assertFalse(computed());
    }
}
