package org.backpropviz.app;

import javafx.application.Application;

/**
 * Starts the desktop window. A plain class with a {@code main}, because {@code java -jar} cannot start a class
 * that extends {@link Application} from the classpath ("JavaFX runtime components are missing").
 */
public final class AppLauncher {
    private AppLauncher() {}

    public static void main(String[] args) {
        Application.launch(BackpropApp.class, args);
    }
}
