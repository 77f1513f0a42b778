package org.backpropviz.app.control;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backpropviz.engine.Shapes;

/**
 * An operand's shape drawn as a box: as wide as its columns and as tall as its rows (on a log scale), with the
 * number of columns above it and of rows to its left, its name and NumPy shape below. A 1-D {@code (n,)} is a
 * flat strip with only its length. The dimension that disagrees is marked with the {@code :mismatch} pseudo-class.
 */
public class ShapeBox extends VBox {
    private static final PseudoClass MISMATCH = PseudoClass.getPseudoClass("mismatch");

    /**
     * @param name the operand's name ({@code x}, {@code W1.T})
     * @param shape its NumPy shape; not modified
     * @param badAxis the axis that disagrees, or -1
     */
    public ShapeBox(String name, int[] shape, int badAxis) {
        getStyleClass().add("shape-box");
        getStylesheets().add(ShapeBox.class.getResource("shape-box.css").toExternalForm());
        setAlignment(Pos.CENTER);
        int rows = shape.length == 2 ? shape[0] : 1;
        int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        Region box = new Region();
        box.getStyleClass().add("box");
        box.setPrefSize(side(cols), shape.length == 2 ? side(rows) : 14);
        box.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.pseudoClassStateChanged(MISMATCH, badAxis >= 0);

        Label colLabel = new Label(shape.length == 0 ? "" : Integer.toString(cols));
        colLabel.getStyleClass().addAll("dim", "dim-cols");
        colLabel.pseudoClassStateChanged(MISMATCH, badAxis == shape.length - 1 && shape.length > 0);
        Label rowLabel = new Label(shape.length == 2 ? Integer.toString(rows) : "");
        rowLabel.getStyleClass().addAll("dim", "dim-rows");
        rowLabel.pseudoClassStateChanged(MISMATCH, shape.length == 2 && badAxis == 0);

        GridPane grid = new GridPane();
        grid.setAlignment(Pos.CENTER);
        grid.add(colLabel, 1, 0);
        grid.add(rowLabel, 0, 1);
        grid.add(box, 1, 1);
        GridPane.setHalignment(colLabel, javafx.geometry.HPos.CENTER);
        Label caption = new Label(name + " " + Shapes.tuple(shape));
        caption.getStyleClass().add("caption");
        getChildren().addAll(grid, caption);
    }

    /** 14 px for 1, growing with the logarithm of the dimension up to about 80 px. */
    private static double side(int n) {
        return Math.min(84, 14 + 22 * Math.log(Math.max(1, n)) / Math.log(2) / 1.6);
    }
}
