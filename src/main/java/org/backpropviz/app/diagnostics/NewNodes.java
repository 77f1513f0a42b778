package org.backpropviz.app.diagnostics;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The {@code nodes} probe: after each layout pass, prints the nodes new to the window's scene since the last one,
 * counted by class and style classes. A node new to the scene costs its CSS (and a control its skin) in the frame that
 * adds it, so this names what a slow frame had to style: the code pane's line nodes and the cards' number grids were
 * found this way and are now kept, hidden, rather than made again.
 */
final class NewNodes {
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Stage stage;

    private NewNodes(Stage stage) {
        this.stage = stage;
    }

    /** Starts printing to stderr for {@code stage}'s scene, and for any scene it is given later. */
    static void install(Stage stage) {
        NewNodes probe = new NewNodes(stage);
        Runnable after = probe::afterLayout;
        stage.sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removePostLayoutPulseListener(after);
            if (now != null) now.addPostLayoutPulseListener(after);
        });
        if (stage.getScene() != null) stage.getScene().addPostLayoutPulseListener(after);
    }

    private void afterLayout() {
        Scene scene = stage.getScene();
        if (scene == null) return;
        Set<Node> now = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(scene.getRoot(), now);
        Map<String, Integer> fresh = new TreeMap<>();
        for (Node n : now) {
            if (!seen.contains(n)) fresh.merge(n.getClass().getSimpleName() + n.getStyleClass(), 1, Integer::sum);
        }
        seen.clear();
        seen.addAll(now);
        if (!fresh.isEmpty()) {
            System.err.printf(Locale.ROOT, "nodes: %tT.%<tL %d in the scene, new: %s%n", System.currentTimeMillis(), now.size(), fresh);
        }
    }

    private static void collect(Node n, Set<Node> into) {
        into.add(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, into);
    }
}
