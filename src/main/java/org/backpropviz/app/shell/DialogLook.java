package org.backpropviz.app.shell;

import javafx.scene.control.DialogPane;
import org.backpropviz.app.control.Theme;
import org.backpropviz.app.i18n.Messages;

/**
 * The app's look on a dialog, which JavaFX shows in a scene of its own: base.css's colours, dialogs.css, and the
 * language's stylesheet, whose font has the letters the language needs (a Korean dialog showed boxes on a system
 * without a font for Hangul, where the main window, with the shipped font, did not).
 */
final class DialogLook {
    private DialogLook() {}

    /** Styles {@code pane} for the language of {@code text}; pane's stylesheets and style classes are modified. */
    static void apply(DialogPane pane, Messages text) {
        Theme.apply(pane, DialogLook.class.getResource("dialogs.css"));
        var language = DialogLook.class.getResource("/org/backpropviz/app/lang-" + text.locale().getLanguage() + ".css");
        if (language != null) pane.getStylesheets().add(language.toExternalForm());
    }
}
