package org.backpropviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppLauncherTest {
    @Test
    void noGtkIsOneLineThatNamesThePackage() {
        // what JavaFX 21 throws from Application.launch when libglassgtk3 cannot load (libgtk-3.so.0 missing)
        var e = new UnsupportedOperationException("Unable to load glass GTK library.");
        String line = AppLauncher.whyNoWindow(e).orElseThrow();
        assertTrue(line.contains("GTK 3") && line.contains("libgtk-3-0"), line);
        assertEquals(-1, line.indexOf('\n'), "one line");
        // wrapped, as a launch from another thread may report it
        assertEquals(Optional.of(line), AppLauncher.whyNoWindow(new RuntimeException("launch failed", e)));
    }

    @Test
    void noDisplayIsOneLineToo() {
        String line = AppLauncher.whyNoWindow(new UnsupportedOperationException("Unable to open DISPLAY")).orElseThrow();
        assertTrue(line.contains("display"), line);
        assertEquals(-1, line.indexOf('\n'), "one line");
    }

    @Test
    void anyOtherFailureKeepsItsStackTrace() {
        assertEquals(Optional.empty(), AppLauncher.whyNoWindow(new RuntimeException("Exception in Application start method",
                new NullPointerException("a bug of ours"))));
        assertEquals(Optional.empty(), AppLauncher.whyNoWindow(new IllegalStateException("Unable to open DISPLAY")),
                "only the exception JavaFX throws for it");
    }
}
