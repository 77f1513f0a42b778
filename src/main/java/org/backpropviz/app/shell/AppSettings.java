package org.backpropviz.app.shell;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.scenario.SafeFiles;
import org.backpropviz.scenario.ScenarioException;

/**
 * What the window remembers between starts, in {@code settings.properties} in the app home: the language, the
 * animation speed and the window size. A missing or unreadable file, or a bad value in it, means the defaults.
 *
 * @param language the language chosen in the Language menu, or null for the system's
 * @param speed the speed slider's position (0 slowest .. {@code SPEED_MILLIS.length - 1} instant), or -1 for the default
 * @param width the window's width, or 0 for the default
 * @param height the window's height, or 0 for the default
 */
record AppSettings(Locale language, int speed, double width, double height) {
    static final String FILE = "settings.properties";
    private static final long MAX_BYTES = 16 * 1024;

    static final AppSettings DEFAULTS = new AppSettings(null, -1, 0, 0);

    /** The settings in {@code home}, or the defaults. */
    static AppSettings read(Path home) {
        Path f = home.resolve(FILE);
        if (!Files.isRegularFile(f)) return DEFAULTS;
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(SafeFiles.readAll(f, MAX_BYTES), StandardCharsets.UTF_8)));
        } catch (ScenarioException | IOException | RuntimeException e) {
            return DEFAULTS;
        }
        String lang = p.getProperty("language", "");
        Locale language = lang.equals("en") || lang.equals("ko") ? Locale.forLanguageTag(lang) : null;
        int speed = number(p, "speed", -1);
        if (speed >= GraphViewModel.SPEED_MILLIS.length) speed = -1;
        int width = number(p, "width", 0), height = number(p, "height", 0);
        if (width < 400 || width > 20_000 || height < 300 || height > 20_000) width = height = 0;
        return new AppSettings(language, speed, width, height);
    }

    private static int number(Properties p, String key, int otherwise) {
        try {
            int v = Integer.parseInt(p.getProperty(key, "").trim());
            return v < 0 ? otherwise : v;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Writes these settings to {@code home} (through a temporary file, so a crash never leaves half a file). */
    void write(Path home) throws IOException {
        StringBuilder b = new StringBuilder("# Backprop Visualizer: remembered between starts\n");
        if (language != null) b.append("language=").append(language.getLanguage()).append('\n');
        if (speed >= 0) b.append("speed=").append(speed).append('\n');
        if (width > 0 && height > 0) {
            b.append("width=").append(Math.round(width)).append('\n');
            b.append("height=").append(Math.round(height)).append('\n');
        }
        Files.createDirectories(home);
        Path tmp = home.resolve(FILE + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
