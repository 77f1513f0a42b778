package org.backpropviz.app.view;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.Trace;
import org.backpropviz.text.Numbers;

/**
 * The graph as a picture to export: cropped to what is drawn (not the empty part of the window) and captioned with the
 * scenario's name, the step shown and the loss, so that the picture says what it shows on its own. FX thread only.
 */
public final class GraphPicture {
    /** Room kept around the caption and the drawn nodes. */
    private static final double MARGIN = 12;

    private GraphPicture() {}

    /**
     * The caption: {@code Lesson: X (2,) · W (2, 3) · step 9 of 9 · loss 0.8264812}, where {@code name} is the
     * scenario's name as the window's title shows it.
     */
    public static String caption(String name, GraphViewModel model, Messages text) {
        Trace t = model.getTrace();
        String loss = t.loss().map(Numbers::repr).orElse("\u2014");
        return text.get("png.caption", name, text.get("status.count", t.stepsDone(), t.network().steps().size()), loss);
    }

    /** The whole drawn graph (cropped to its nodes, not cut by the window) with {@code caption} above it, on white. */
    public static WritableImage of(GraphView graph, String caption) {
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.WHITE);
        WritableImage cropped = graph.drawing().snapshot(sp, null);

        Label title = new Label(caption);
        title.setId("png-caption");
        title.setWrapText(true);
        title.setMaxWidth(Math.max(300, cropped.getWidth()));
        title.setStyle("-fx-font-size: 14px; -fx-text-fill: #1f2430;");
        VBox page = new VBox(8, title, new ImageView(cropped));
        page.setPadding(new Insets(MARGIN));
        page.setStyle("-fx-background-color: white;");
        new Scene(page);
        page.applyCss();
        page.layout();
        SnapshotParameters white = new SnapshotParameters();
        white.setFill(Color.WHITE);
        return page.snapshot(white, null);
    }
}
