package org.backpropviz.launch;

import java.nio.file.Path;

/** The folder where the app keeps its autosave, recent files and start-up archive. */
public final class Home {
    private Home() {}

    /** {@code -Dbackpropviz.home=DIR} if given (tests give each window its own), else {@code ~/.backpropviz}. */
    public static Path get() {
        String h = System.getProperty("backpropviz.home");
        return h != null && !h.isBlank() ? Path.of(h) : Path.of(System.getProperty("user.home"), ".backpropviz");
    }
}
