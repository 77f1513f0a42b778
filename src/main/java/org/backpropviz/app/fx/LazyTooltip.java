package org.backpropviz.app.fx;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its node, with the text the supplier gives then. Every Tooltip is a
 * popup window with its own CSS; a view of a hundred cells that each made one up front spent tens of milliseconds
 * of a frame on tooltips nobody had asked for.
 */
public final class LazyTooltip {
    private LazyTooltip() {}

    /** Installs on {@code node} a tooltip whose text is {@code text.get()} each time the pointer enters. */
    public static void install(Node node, Supplier<String> text) {
        EventHandler<MouseEvent> onEnter = new EventHandler<>() {
            private Tooltip tip;

            @Override
            public void handle(MouseEvent e) {
                if (tip == null) {
                    tip = new Tooltip();
                    tip.setWrapText(true);
                    tip.setMaxWidth(420);
                    Tooltip.install(node, tip);
                }
                tip.setText(text.get());
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, onEnter);
    }
}
