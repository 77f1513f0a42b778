package org.backpropviz.app.control;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;

/**
 * A read-only grid of an array's numbers that creates cells only for the rows in view, for arrays too large for
 * a {@link MatrixView}'s numbers but narrow enough for columns ({@link #MAX_COLUMNS}). Row and column headers
 * are NumPy's indices.
 */
public class ArrayGrid extends TableView<Integer> {
    /** Wider arrays are left to the heatmap. */
    public static final int MAX_COLUMNS = 60;

    private NDArray array;

    public ArrayGrid() {
        getStyleClass().add("array-grid");
        setFixedCellSize(22);
        setEditable(false);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPrefHeight(220);
    }

    /** True when this grid can show {@code a}. */
    public static boolean fits(NDArray a) {
        return a != null && a.cols() <= MAX_COLUMNS;
    }

    public NDArray getArray() {
        return array;
    }

    /** Shows {@code a}, not modified; null clears the grid. */
    public void setArray(NDArray a) {
        if (a == array) return;
        array = a;
        getColumns().clear();
        if (a == null) {
            setItems(FXCollections.observableArrayList());
            return;
        }
        TableColumn<Integer, String> index = new TableColumn<>("");
        index.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(Integer.toString(r.getValue())));
        index.getStyleClass().add("index-column");
        index.setPrefWidth(44);
        index.setSortable(false);
        getColumns().add(index);
        for (int c = 0; c < a.cols(); c++) {
            int col = c;
            TableColumn<Integer, String> column = new TableColumn<>(Integer.toString(c));
            column.setSortable(false);
            column.setPrefWidth(72);
            column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(MatrixView.format(a.get(r.getValue(), col))));
            column.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(String s, boolean empty) {
                    super.updateItem(s, empty);
                    setText(empty ? null : s);
                    setTooltip(null);
                    if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
                        setTooltip(new javafx.scene.control.Tooltip(Shapes.number(a.get(getTableRow().getItem(), col))));
                    }
                }
            });
            getColumns().add(column);
        }
        Integer[] rows = new Integer[a.rows()];
        for (int r = 0; r < rows.length; r++) rows[r] = r;
        setItems(FXCollections.observableArrayList(rows));
    }
}
