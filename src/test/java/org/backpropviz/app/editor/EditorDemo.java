package org.backpropviz.app.editor;

import java.util.Locale;
import java.util.Random;
import javafx.application.Application;
import javafx.stage.Stage;
import org.backpropviz.engine.NDArray;

/**
 * Opens the editor by hand: {@code EditorDemo [rows cols] [name] [ko]}, default a (4, 3) W1 of random normals.
 * A 1-D array: {@code EditorDemo 0 5 b1}.
 */
public final class EditorDemo {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application; a nested class because a main class extending Application cannot start from the classpath. */
    public static final class App extends Application {
    @Override
    public void start(Stage ignored) {
        var args = getParameters().getRaw();
        int r = args.size() > 1 ? Integer.parseInt(args.get(0)) : 4;
        int c = args.size() > 1 ? Integer.parseInt(args.get(1)) : 3;
        String name = args.size() > 2 ? args.get(2) : "W1";
        Locale locale = args.size() > 3 ? Locale.forLanguageTag(args.get(3)) : Locale.ENGLISH;
        Random rnd = new Random(1);
        double[] flat = new double[Math.max(1, r) * c];
        for (int i = 0; i < flat.length; i++) flat[i] = Math.round(rnd.nextGaussian() * 1000) / 1000.0;
        NDArray a = r == 0 ? NDArray.vector(flat) : NDArray.of(new int[] {r, c}, flat);
        MatrixEditorWindow w = MatrixEditorWindow.open(null, name, a,
                e -> System.out.println("commit " + e.value().shapeString()), new org.backpropviz.app.i18n.Messages(locale));
        w.getStage().setX(0);
        w.getStage().setY(0);
    }
    }
}
