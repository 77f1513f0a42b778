package org.backpropviz.app.shell;

import org.backpropviz.app.i18n.Messages;
import org.backpropviz.app.fx.WholeNumberSpinners;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetworkEdits;
import org.backpropviz.app.model.ScenarioHistory;
import org.backpropviz.engine.Activation;
import org.backpropviz.engine.Activations;
import org.backpropviz.engine.Affine;
import org.backpropviz.engine.Network;
import org.backpropviz.scenario.Scenario;

/**
 * The Edit menu (undo and redo of the scenario's changes, each named) and the Network menu: add a hidden layer of
 * a chosen width, remove the last one, switch each activation between the registered kinds, switch the Affine.
 * Each network change is one entry of the {@link ScenarioHistory}. The menus read the model when they open, so
 * they hold no listeners on it.
 */
final class NetworkMenu {
    private final GraphViewModel model;
    private final Messages t;
    private final java.util.function.Supplier<Window> owner;

    NetworkMenu(GraphViewModel model, Messages t, java.util.function.Supplier<Window> owner) {
        this.model = model;
        this.t = t;
        this.owner = owner;
    }

    // ------------------------------------------------------------------ Edit

    Menu editMenu() {
        return EditMenu.of(model, t);
    }

    /** "Undo Add hidden layer (4 units)", or just "Undo". */
    String named(String key, ScenarioHistory.Entry e) {
        return EditMenu.named(t, key, e);
    }

    // ------------------------------------------------------------------ Network

    Menu networkMenu() {
        Menu net = new Menu(t.get("menu.network"));
        net.setId("menu-network");
        fill(net);
        net.setOnShowing(e -> fill(net));
        return net;
    }

    private void fill(Menu net) {
        Scenario s = model.getScenario();
        Network n = s.inputs().network();
        net.getItems().clear();
        MenuItem shape = new MenuItem(t.get("menu.network.shape", n.depth(), NetworkEdits.shapeText(s)));
        shape.setId("network-shape");
        shape.setDisable(true);
        MenuItem add = new MenuItem(t.get("menu.network.add"));
        add.setId("network-add");
        add.setDisable(n.depth() >= NetworkEdits.MAX_DEPTH);
        add.setOnAction(e -> askWidth().ifPresent(this::addLayer));
        MenuItem remove = new MenuItem(t.get("menu.network.remove"));
        remove.setId("network-remove");
        remove.setDisable(n.depth() < 2);
        remove.setOnAction(e -> removeLayer());
        net.getItems().addAll(shape, new SeparatorMenuItem(), add, remove, new SeparatorMenuItem());
        for (int k = 1; k < n.depth(); k++) {
            Menu act = new Menu(t.get("menu.network.activation", k, n.activations().get(k - 1).title()));
            act.setId("network-activation-" + k);
            ToggleGroup g = new ToggleGroup();
            for (Activation a : Activations.ALL) {
                RadioMenuItem item = new RadioMenuItem(a.title());
                item.setId("network-activation-" + k + "-" + a.id());
                item.setToggleGroup(g);
                item.setSelected(a.equals(n.activations().get(k - 1)));
                int layer = k;
                item.setOnAction(e -> setActivation(layer, a));
                act.getItems().add(item);
            }
            net.getItems().add(act);
        }
        if (n.depth() > 1) net.getItems().add(new SeparatorMenuItem());
        ToggleGroup affine = new ToggleGroup();
        for (Affine.Variant v : Affine.Variant.values()) {
            String id = v.name().toLowerCase(java.util.Locale.ROOT);
            RadioMenuItem item = new RadioMenuItem(t.get("menu.network.affine." + id));
            item.setId("network-affine-" + id);
            item.setToggleGroup(affine);
            item.setSelected(n.affine() == v);
            item.setOnAction(e -> setAffine(v));
            net.getItems().add(item);
        }
    }

    // ------------------------------------------------------------------ commands

    /** Adds a hidden layer of {@code width} units before the output layer. */
    void addLayer(int width) {
        Scenario s = model.getScenario();
        try {
            model.change(NetworkEdits.addHiddenLayer(s, width), "change.addLayer", List.of(width));
        } catch (RuntimeException e) {
            model.say("notice.networkFailed", List.of(String.valueOf(e.getMessage())), true);
        }
    }

    void removeLayer() {
        Scenario s = model.getScenario();
        try {
            model.change(NetworkEdits.removeHiddenLayer(s), "change.removeLayer", List.of());
        } catch (RuntimeException e) {
            model.say("notice.networkFailed", List.of(String.valueOf(e.getMessage())), true);
        }
    }

    void setActivation(int k, Activation a) {
        model.change(NetworkEdits.withActivation(model.getScenario(), k, a), "change.activation", List.of(k, a.title()));
    }

    void setAffine(Affine.Variant v) {
        String id = v.name().toLowerCase(java.util.Locale.ROOT);
        model.change(NetworkEdits.withAffine(model.getScenario(), v), "change.affine." + id, List.of());
    }

    /** Asks for the new layer's width (the last hidden layer's by default). */
    private Optional<Integer> askWidth() {
        Dialog<Integer> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(t.get("dialog.addLayer.title"));
        d.setHeaderText(t.get("dialog.addLayer.header"));
        Spinner<Integer> width = new Spinner<>(1, 1000, NetworkEdits.lastHiddenWidth(model.getScenario()));
        width.setId("add-layer-width");
        width.setEditable(true);
        // text that is not a width is named under the field, and OK (or Enter, which commits the text first) then
        // keeps the dialog open once: the layer is never added with a width the user did not see
        Label refusal = new Label();
        refusal.setId("add-layer-refusal");
        refusal.getStyleClass().add("dialog-refusal");
        refusal.setWrapText(true);
        refusal.setMaxWidth(380);
        refusal.setManaged(false);
        boolean[] refusedNow = {false};
        org.backpropviz.app.fx.WholeNumberSpinners.refuseBadText(width, r -> {
            refusal.setText(t.get("dialog.addLayer.refused", r.typed(), String.valueOf(r.min()), String.valueOf(r.max()),
                    String.valueOf(r.kept())));
            refusal.setManaged(true);
            refusedNow[0] = true;
            if (d.getDialogPane().getScene() != null && d.getDialogPane().getScene().getWindow() != null) {
                d.getDialogPane().getScene().getWindow().sizeToScene(); // room for the new line, the note kept whole
            }
        });
        width.getEditor().addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> { // typing again starts afresh
            if (!e.getCharacter().equals("\r") && !e.getCharacter().equals("\n")) refusedNow[0] = false;
        });
        Label what = new Label(t.get("dialog.addLayer.width"));
        Label note = new Label(t.get("dialog.addLayer.note"));
        note.setWrapText(true);
        note.setMaxWidth(380);
        d.getDialogPane().setContent(new VBox(10, new HBox(8, what, width), refusal, note));
        // the buttons in the window's language (JavaFX's own OK and Cancel follow the system's)
        ButtonType ok = new ButtonType(t.get("dialog.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(t.get("dialog.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().addAll(ok, cancel);
        DialogLook.apply(d.getDialogPane(), t);
        d.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            width.increment(0); // commits typed text; a refusal sets refusedNow
            if (refusedNow[0]) {
                refusedNow[0] = false;
                e.consume();
                width.getEditor().selectAll();
                width.getEditor().requestFocus();
            }
        });
        d.setResultConverter(b -> {
            if (b != ok) return null;
            width.increment(0); // commits typed text
            return width.getValue();
        });
        return d.showAndWait();
    }
}
