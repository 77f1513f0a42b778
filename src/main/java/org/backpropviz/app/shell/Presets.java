package org.backpropviz.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioException;
import org.backpropviz.scenario.ScenarioFormat;

/** The scenarios shipped in {@code /assets/presets/}, in menu order; the window opens on the first. */
public final class Presets {
    /** Every preset the app knows of; one missing from the jar is left out of the menu. */
    public static final List<String> KNOWN = List.of("lesson-vector", "lesson-mismatch", "batch-of-4", "softmax-with-loss", "iris-5",
            "iris-3-layer-sigmoid", "lesson-repository-affine");

    private Presets() {}

    /** The known presets present in the jar. */
    public static List<String> available() {
        return KNOWN.stream().filter(n -> Presets.class.getResource(path(n)) != null).toList();
    }

    /** Reads preset {@code name} (without {@code .json}). */
    public static Scenario load(String name) {
        try (InputStream in = Presets.class.getResourceAsStream(path(name))) {
            if (in == null) throw new IllegalArgumentException("no preset " + name);
            return ScenarioFormat.read(in);
        } catch (IOException | ScenarioException e) {
            throw new IllegalStateException("preset " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String path(String name) {
        return "/assets/presets/" + name + ".json";
    }
}
