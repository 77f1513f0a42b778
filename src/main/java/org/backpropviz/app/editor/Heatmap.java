package org.backpropviz.app.editor;

import java.util.function.BiConsumer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.backpropviz.engine.NDArray;

/**
 * Every value of an array as one pixel, scaled to fit: blue negative, white zero, red positive (a diverging map
 * around 0, scaled by the largest magnitude). A rectangle marks the block being edited; a click reports the cell.
 */
final class Heatmap extends Pane {
    private final ImageView image = new ImageView();
    private final Rectangle block = new Rectangle();
    private final double box;
    private double scaleX = 1, scaleY = 1;
    private double maxAbs;
    private BiConsumer<Integer, Integer> onPick = (r, c) -> {};

    Heatmap(double box) {
        this.box = box;
        getStyleClass().add("heatmap");
        image.setSmooth(false);
        image.setPreserveRatio(false);
        block.getStyleClass().add("heatmap-block");
        block.setMouseTransparent(true);
        getChildren().addAll(image, block);
        setOnMouseClicked(e -> {
            int c = (int) (e.getX() / scaleX), r = (int) (e.getY() / scaleY);
            onPick.accept(r, c);
        });
    }

    void setOnPick(BiConsumer<Integer, Integer> onPick) {
        this.onPick = onPick;
    }

    /** The largest |value| of the last array drawn. */
    double maxAbs() {
        return maxAbs;
    }

    /** Draws the 2-D view of {@code a}; the array is not modified. */
    void draw(NDArray a) {
        int rows = a.rows(), cols = a.cols();
        maxAbs = 0;
        for (int i = 0; i < a.size(); i++) maxAbs = Math.max(maxAbs, Math.abs(a.flat(i)));
        int[] argb = new int[rows * cols];
        double s = maxAbs == 0 ? 0 : 1 / maxAbs;
        for (int i = 0; i < argb.length; i++) argb[i] = colour(a.flat(i) * s);
        WritableImage img = new WritableImage(cols, rows);
        img.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        image.setImage(img);
        double scale = Math.min(box / cols, box / rows);
        double w = Math.max(24, cols * scale), h = Math.max(24, rows * scale);
        scaleX = w / cols;
        scaleY = h / rows;
        image.setFitWidth(w);
        image.setFitHeight(h);
        setPrefSize(w, h);
        setMinSize(w, h);
        setMaxSize(w, h);
    }

    /** Marks rows r0 … r0+nr-1, columns c0 … c0+nc-1. */
    void mark(int r0, int c0, int nr, int nc) {
        block.setX(c0 * scaleX);
        block.setY(r0 * scaleY);
        block.setWidth(Math.max(2, nc * scaleX));
        block.setHeight(Math.max(2, nr * scaleY));
    }

    /** t in [-1, 1] → blue … white … red. */
    static int colour(double t) {
        t = Math.max(-1, Math.min(1, t));
        int r, g, b;
        if (t >= 0) {
            r = 255;
            g = (int) Math.round(255 * (1 - t * 0.85));
            b = (int) Math.round(255 * (1 - t));
            g = Math.min(g, 255);
            b = Math.min(b, g);
        } else {
            double u = -t;
            r = (int) Math.round(255 * (1 - u));
            g = (int) Math.round(255 * (1 - u * 0.6));
            b = 255;
        }
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
