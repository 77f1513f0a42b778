package org.backpropviz.app.shell;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.ScenarioHistory;

/**
 * The Edit menu of the scenario's one {@link ScenarioHistory}: "Undo Transpose W1", "Redo Edit W1[0, 0]". The main
 * window and every detached editor window have one, bound to the same history; the items read it when the menu
 * opens, so the menu holds no listener on it.
 */
final class EditMenu {
    /** Redo's second shortcut, which a menu item (one accelerator each) cannot carry. */
    static final KeyCombination REDO_SHIFT =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private EditMenu() {}

    /** A new Edit menu: Undo (Ctrl+Z) and Redo (Ctrl+Y), each named after the change it would undo or redo. */
    static Menu of(GraphViewModel model, Messages t) {
        Menu edit = new Menu(t.get("menu.edit"));
        edit.setId("menu-edit");
        MenuItem undo = new MenuItem();
        undo.setId("menu-undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> model.undo());
        MenuItem redo = new MenuItem();
        redo.setId("menu-redo");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redo.setOnAction(e -> model.redo());
        edit.getItems().addAll(undo, redo);
        Runnable update = () -> {
            ScenarioHistory h = model.history();
            undo.setText(named(t, "menu.edit.undo", h.nextUndoProperty().get()));
            redo.setText(named(t, "menu.edit.redo", h.nextRedoProperty().get()));
            undo.setDisable(!h.canUndo());
            redo.setDisable(!h.canRedo());
        };
        update.run();
        edit.setOnShowing(e -> update.run());
        // while the menu is closed the items stay enabled, so that the shortcuts reach the model (which ignores
        // them when there is nothing to undo)
        edit.setOnHidden(e -> {
            undo.setDisable(false);
            redo.setDisable(false);
        });
        undo.setDisable(false);
        redo.setDisable(false);
        return edit;
    }

    /** Makes Ctrl+Shift+Z redo in {@code scene}, as Ctrl+Y does. */
    static void addRedoShortcut(Scene scene, GraphViewModel model) {
        scene.getAccelerators().put(REDO_SHIFT, model::redo);
    }

    /** "Undo Add hidden layer (4 units)", or just "Undo". */
    static String named(Messages t, String key, ScenarioHistory.Entry e) {
        return e == null ? t.get(key) : t.get(key + ".named", t.get(e.key(), e.args().toArray()));
    }
}
