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
    public static final List<String> KNOWN = List.of("lesson-vector", "lesson-w-dot-x", "lesson-mismatch", "batch-of-4", "softmax-with-loss", "iris-5",
            "iris-3-layer-sigmoid", "lesson-repository-affine");

    /**
     * The preset that is not a scenario: the lesson's {@code W.dot(X)}, which the graph's {@code np.dot(x, W1)}
     * cannot compute, opens in the matrix-product playground with NumPy's own error.
     */
    public static final String LESSON_W_DOT_X = "lesson-w-dot-x";

    private Presets() {}

    /** The known presets present in the jar (and the playground's). */
    public static List<String> available() {
        return KNOWN.stream().filter(n -> opensPlayground(n) || Presets.class.getResource(path(n)) != null).toList();
    }

    /** Whether {@code name} is shown in the playground rather than loaded into the graph. */
    public static boolean opensPlayground(String name) {
        return LESSON_W_DOT_X.equals(name);
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
