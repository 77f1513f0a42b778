package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixViewTest {
    private static final List<String> IRIS = List.of("setosa", "versicolor", "virginica");
    private static final int[][] COUNTS = {{10, 0, 0}, {0, 9, 2}, {0, 1, 8}};
    private ConfusionMatrixView view;
    private StackPane root;

    @Start
    void start(Stage stage) {
        view = new ConfusionMatrixView();
        root = new StackPane(view);
        StackPane.setAlignment(view, Pos.TOP_LEFT);
        org.backpropviz.app.control.Theme.apply(root, ConfusionMatrixView.class.getResource("learn.css"));
        Scene scene = new Scene(root, 700, 400);
        stage.setScene(scene);
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private void show(FxRobot robot) {
        robot.interact(() -> view.show(COUNTS, IRIS, "true \\ predicted", "{0} test row(s) of class {1} predicted as {2}"));
    }

    @Test
    void everyCellIsFoundWhereItIsDrawn(FxRobot robot) throws Exception {
        show(robot);
        assertEquals(3, view.size());
        assertEquals("true \\ predicted; setosa: 10 0 0; versicolor: 0 9 2; virginica: 0 1 8", view.getAccessibleText(), "what a screen reader says");
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                Point2D c = view.cellCentre(t, p);
                assertArrayEquals(new int[] {t, p}, view.cellAt(c.getX(), c.getY()), "cell " + t + ", " + p);
            }
        }
        Point2D first = view.cellCentre(0, 0);
        assertNull(view.cellAt(first.getX(), 2), "the header row is not a cell");
        assertNull(view.cellAt(2, first.getY()), "the header column is not a cell");
        Point2D last = view.cellCentre(2, 2);
        assertNull(view.cellAt(last.getX() + 200, last.getY()), "right of the matrix");
        double width = fx(() -> view.prefWidth(-1));
        assertTrue(width > 3 * 2.6 * 13, "three cells of at least 2.6 em and the names' column: " + width);
    }

    @Test
    void theDiagonalIsBlueTheMisclassifiedRedAndZeroWhite(FxRobot robot) throws Exception {
        show(robot);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage shot = fx(() -> view.snapshot(null, null));
        PixelReader px = shot.getPixelReader();
        Color right = corner(px, view.cellCentre(0, 0)), wrong = corner(px, view.cellCentre(1, 2)), zero = corner(px, view.cellCentre(0, 1));
        assertTrue(right.getBlue() > right.getRed() + 0.2, "diagonal cell: " + right);
        assertTrue(wrong.getRed() > wrong.getBlue() + 0.1, "misclassified cell: " + wrong);
        assertEquals(Color.WHITE, zero, "a zero off the diagonal");
        // more rows, a deeper shade: 2 misclassified rows against 1
        Color fewer = corner(px, view.cellCentre(2, 1));
        assertTrue(wrong.getGreen() < fewer.getGreen(), wrong + " should be deeper than " + fewer);
    }

    /** The colour just inside a cell's top-left corner, clear of its border and its number. */
    private Color corner(PixelReader px, Point2D centre) throws Exception {
        int[] cell = view.cellAt(centre.getX(), centre.getY());
        double x = centre.getX(), y = centre.getY();
        while (java.util.Arrays.equals(view.cellAt(x - 1, y), cell)) x--;
        while (java.util.Arrays.equals(view.cellAt(x, y - 1), cell)) y--;
        return px.getColor((int) Math.ceil(x) + 3, (int) Math.ceil(y) + 3);
    }

    @Test
    void thePointersCellIsToldInTheTooltip(FxRobot robot) {
        show(robot);
        robot.moveTo(view, Pos.TOP_LEFT, view.cellCentre(1, 2), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 test row(s) of class versicolor predicted as virginica", view.tooltip().getText());
        assertTrue(view.getProperties().get("javafx.scene.control.Tooltip") == view.tooltip(), "installed over a cell");
        robot.moveTo(view, Pos.TOP_LEFT, new Point2D(view.cellCentre(0, 0).getX(), 3), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.getProperties().get("javafx.scene.control.Tooltip"), "no tooltip over the header");
    }

    @Test
    void theFontIsInheritedFromCss(FxRobot robot) throws Exception {
        show(robot);
        double small = fx(() -> view.prefHeight(-1));
        robot.interact(() -> root.setStyle("-fx-font-size: 26px; -fx-font-family: \"DejaVu Serif\";"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(26, fx(() -> view.font().getSize()));
        assertEquals("DejaVu Serif", fx(() -> view.font().getFamily()));
        double large = fx(() -> view.prefHeight(-1));
        assertTrue(large > 1.5 * small, "a larger font, taller rows: " + small + " → " + large);
    }

    @Test
    void namesThatDoNotMatchTheMatrixAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> view.show(COUNTS, List.of("a", "b"), "", ""));
        assertEquals("confusion matrix 3 × 3 but 2 class names", e.getMessage());
    }
}
