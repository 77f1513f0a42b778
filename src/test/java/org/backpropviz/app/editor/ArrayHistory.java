package org.backpropviz.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.backpropviz.engine.NDArray;

/**
 * For editor tests without a window: a history of one array that behaves as the scenario's does for an editor
 * (each committed edit one entry; undo and redo load the array back into the model).
 */
final class ArrayHistory implements MatrixEditorModel.History {
    private final MatrixEditorModel model;
    private final Deque<NDArray> undo = new ArrayDeque<>();
    private final Deque<NDArray> redo = new ArrayDeque<>();
    private final SimpleBooleanProperty canUndo = new SimpleBooleanProperty();
    private final SimpleBooleanProperty canRedo = new SimpleBooleanProperty();
    private NDArray current;

    /** Records every edit of {@code model} (then passed on to {@code next}) and becomes its history. */
    ArrayHistory(MatrixEditorModel model, java.util.function.Consumer<MatrixEditorModel.Edit> next) {
        this.model = model;
        this.current = model.getValue();
        model.setOnCommit(e -> {
            undo.push(current);
            redo.clear();
            current = e.value();
            flags();
            next.accept(e);
        });
        model.setHistory(this);
    }

    @Override
    public boolean undo() {
        if (undo.isEmpty()) return false;
        redo.push(current);
        current = undo.pop();
        flags();
        model.load(current);
        return true;
    }

    @Override
    public boolean redo() {
        if (redo.isEmpty()) return false;
        undo.push(current);
        current = redo.pop();
        flags();
        model.load(current);
        return true;
    }

    @Override
    public ObservableBooleanValue canUndo() {
        return canUndo;
    }

    @Override
    public ObservableBooleanValue canRedo() {
        return canRedo;
    }

    private void flags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
