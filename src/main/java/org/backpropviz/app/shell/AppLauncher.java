package org.backpropviz.app.shell;

import java.util.Optional;
import javafx.application.Application;

/**
 * Starts the desktop window. A plain class with a {@code main}, because {@code java -jar} cannot start a class
 * that extends {@link Application} from the classpath ("JavaFX runtime components are missing").
 *
 * <p>A window that cannot open because the system lacks what JavaFX needs (GTK 3, a display) ends with one line
 * that says what is missing and exit status {@value #CANNOT_OPEN}, not with JavaFX's stack trace.
 */
public final class AppLauncher {
    /** The exit status when the window cannot open on this system. */
    public static final int CANNOT_OPEN = 3;

    private AppLauncher() {}

    public static void main(String[] args) {
        try {
            Application.launch(BackpropApp.class, args);
        } catch (RuntimeException e) {
            Optional<String> why = whyNoWindow(e);
            if (why.isEmpty()) throw e;
            System.err.println(why.get());
            System.exit(CANNOT_OPEN);
        }
    }

    /**
     * The one line to print when {@code failure}, thrown by {@link Application#launch}, means that this system
     * cannot show JavaFX's window (no GTK 3, no display); empty for any other failure, whose stack trace is then
     * the useful report.
     */
    static Optional<String> whyNoWindow(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (!(t instanceof UnsupportedOperationException || t instanceof UnsatisfiedLinkError)) continue;
            if (m.contains("Unable to load glass GTK library") || m.contains("libgtk-3")) {
                return Optional.of("The window needs GTK 3 (libgtk-3-0 on Debian and Ubuntu, gtk3 on Fedora and Arch),"
                        + " which JavaFX could not load here: install it, or use the commands that need no window (--help).");
            }
            if (m.contains("Unable to open DISPLAY")) {
                return Optional.of("The window needs a graphical display, and none was found (DISPLAY is "
                        + (System.getenv("DISPLAY") == null ? "not set" : "\"" + System.getenv("DISPLAY") + "\"")
                        + "): start it in a desktop session, or use the commands that need no window (--help).");
            }
        }
        return Optional.empty();
    }
}
