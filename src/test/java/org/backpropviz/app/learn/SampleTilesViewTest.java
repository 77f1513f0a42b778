package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SampleTilesViewTest {
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private SampleTilesView view;
    private VBox root, holder;

    @Start
    void start(Stage stage) {
        view = new SampleTilesView(org.backpropviz.app.i18n.Messages.english());
        holder = new VBox(view);
        root = new VBox(holder);
        org.backpropviz.app.control.Theme.apply(root, SampleTilesView.class.getResource("learn.css"));
        stage.setScene(new Scene(root, 900, 500));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    /** Twelve images, every third one missed: label i % 10, predicted as itself or (when missed) the next class. */
    private static List<TrainingModel.Sample> twelve() {
        List<TrainingModel.Sample> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double[] pixels = new double[64];
            pixels[i] = 16;
            int label = i % 10, predicted = i % 3 == 0 ? (label + 1) % 10 : label;
            double[] p = new double[10];
            java.util.Arrays.fill(p, 0.02);
            p[predicted] = 0.82;
            out.add(new TrainingModel.Sample(pixels, label, predicted, p));
        }
        return out;
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void tilesWrapToTheWidthAndAreFoundWhereTheyAreDrawn(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(twelve(), DIGITS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, view.count());
        assertTrue(view.getAccessibleText().startsWith("→ 1 (82.0\u00a0%) true: 0; → 1 (82.0\u00a0%) ✓; → 2 (82.0\u00a0%) ✓; → 4 (82.0\u00a0%) true: 3;"),
                "what a screen reader says: " + view.getAccessibleText());
        double wide = fx(view::getHeight);
        for (int i = 0; i < 12; i++) {
            Point2D o = view.tileOrigin(i);
            assertEquals(i, view.tileAt(o.getX() + 5, o.getY() + 5), "tile " + i);
        }
        assertTrue(view.tileOrigin(11).getY() > 0, "twelve tiles do not fit in one row of 900 px");
        robot.interact(() -> holder.setMaxWidth(450)); // not the window: the next test class gets the same stage
        WaitForAsyncUtils.waitForFxEvents();
        double narrow = fx(view::getHeight);
        assertTrue(narrow > wide, "a narrower window, more rows: " + wide + " → " + narrow);
        for (int i = 0; i < 12; i++) {
            Point2D o = view.tileOrigin(i);
            assertTrue(o.getX() + 10 < fx(view::getWidth), "tile " + i + " inside the width");
            assertEquals(i, view.tileAt(o.getX() + 5, o.getY() + 5), "tile " + i + " after wrapping");
        }
        Point2D last = view.tileOrigin(11);
        assertEquals(-1, view.tileAt(last.getX() + fx(view::getWidth), last.getY() + 5), "right of the tiles");
    }

    @Test
    void aMissIsFramedInRedAndItsTrueClassNamed(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(twelve(), DIGITS));
        WaitForAsyncUtils.waitForFxEvents();
        PixelReader px = fx(() -> view.snapshot(null, null)).getPixelReader();
        // the frame's left edge, halfway down: tile 0 was missed, tile 1 was not
        Color missed = edge(px, 0), right = edge(px, 1);
        assertTrue(missed.getRed() > 0.7 && missed.getGreen() < 0.4, "a missed tile's frame: " + missed);
        assertTrue(Math.abs(right.getRed() - right.getBlue()) < 0.1 && right.getRed() < 0.9, "a right tile's frame is grey: " + right);
    }

    private Color edge(PixelReader px, int tile) throws Exception {
        Point2D o = view.tileOrigin(tile);
        double half = fx(view::getHeight) > 0 ? 60 : 0;
        return px.getColor((int) o.getX() + 1, (int) (o.getY() + half));
    }

    @Test
    void thePointersTileListsTheProbabilities(FxRobot robot) {
        robot.interact(() -> view.show(twelve(), DIGITS));
        robot.moveTo(view, Pos.TOP_LEFT, view.tileOrigin(4).add(20, 20), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        String tip = view.tooltip().getText();
        assertTrue(tip.contains("\n4: 0.820\n5: 0.020"), tip);
        assertEquals(view.describe(4), tip);
        robot.moveTo(view, Pos.TOP_LEFT, view.tileOrigin(4).add(-4, 20), Motion.DIRECT); // in the gap between tiles
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.getProperties().get("javafx.scene.control.Tooltip"), "no tooltip between tiles");
    }
}
