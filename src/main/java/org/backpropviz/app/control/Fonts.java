package org.backpropviz.app.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.text.Font;

/**
 * The fonts the app ships ({@code assets/fonts}, Nanum fonts under the SIL Open Font License), loaded once, before
 * the first Korean scene or when the Language menu first opens: a system without a font for Korean would otherwise
 * draw Korean text as boxes. The Korean stylesheets name {@link #KOREAN} and {@link #KOREAN_MONO}; once loaded,
 * JavaFX also takes Hangul from them in any other font that lacks it (the Language menu's 한국어 in the English
 * window, for one). FX thread.
 */
public final class Fonts {
    /** The family of the Korean window's text (regular and bold are shipped). */
    public static final String KOREAN = "NanumGothic";
    /** The monospaced family of the Korean window's numbers and code. */
    public static final String KOREAN_MONO = "NanumGothicCoding";
    /** The files, in {@code /assets/fonts/} in the jar. */
    static final List<String> FILES = List.of("NanumGothic.ttf", "NanumGothicBold.ttf", "NanumGothicCoding.ttf");

    private static List<Font> loaded;

    private Fonts() {}

    /**
     * Loads the shipped fonts (once; later calls return the same fonts) and returns those that loaded. A font that
     * cannot be read costs one line on stderr, not the window: its text then falls back to the system's fonts.
     */
    public static synchronized List<Font> load() {
        if (loaded != null) return loaded;
        long t0 = System.nanoTime();
        List<Font> fonts = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream("/assets/fonts/" + file)) {
                Font f = in == null ? null : Font.loadFont(in, 13);
                if (f != null) fonts.add(f);
                else System.err.println("Could not load the font " + file + ": Korean text may show as boxes.");
            } catch (IOException e) {
                System.err.println("Could not load the font " + file + " (" + e.getMessage() + "): Korean text may show as boxes.");
            }
        }
        if (org.backpropviz.app.diagnostics.Probe.STARTUP.on()) {
            System.err.printf(Locale.ROOT, "startup: fonts loaded in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        loaded = List.copyOf(fonts);
        return loaded;
    }
}
