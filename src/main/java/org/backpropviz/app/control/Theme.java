package org.backpropviz.app.control;

import java.net.URL;
import javafx.scene.Parent;

/** The shared look: base.css's colour variables on a view that may stand alone, then the view's own stylesheet. */
public final class Theme {
    private static final String BASE = Theme.class.getResource("/org/backpropviz/app/base.css").toExternalForm();

    private Theme() {}

    /** Marks {@code view} as a themed view and adds base.css and then {@code ownStylesheet} to its stylesheets. */
    public static void apply(Parent view, URL ownStylesheet) {
        view.getStyleClass().add("bp-view");
        view.getStylesheets().add(BASE);
        if (ownStylesheet != null) view.getStylesheets().add(ownStylesheet.toExternalForm());
    }
}
