package org.backpropviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window the main window opens: non-modal, titled with name and shape, reporting every commit. */
@ExtendWith(ApplicationExtension.class)
class MatrixEditorWindowTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        // a shown stage needs a scene: headless Monocle waits forever for an empty stage to render
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void opensNonModalAndReportsCommitsButNotLoads(FxRobot robot) {
        List<NDArray> commits = new ArrayList<>();
        MatrixEditorWindow[] w = new MatrixEditorWindow[1];
        robot.interact(() -> w[0] = MatrixEditorWindow.open(owner, "b1", NDArray.vector(0, 0, 0), commits::add,
                MatrixEditorModel.bundle(Locale.ENGLISH)));
        Stage s = w[0].getStage();
        assertTrue(s.isShowing());
        assertEquals(Modality.NONE, s.getModality());
        assertEquals("b1 (3,) \u2014 matrix editor", s.getTitle());
        robot.interact(() -> w[0].getModel().toggleVectorMatrix());
        assertEquals(1, commits.size());
        assertEquals("(1, 3)", commits.get(0).shapeString());
        assertEquals("b1 (1, 3) \u2014 matrix editor", s.getTitle());
        robot.interact(() -> w[0].getModel().load(NDArray.vector(1, 2)));
        assertEquals(1, commits.size(), "a value loaded from outside is not reported back");
        assertFalse(w[0].getModel().canUndoProperty().get());
        robot.interact(s::close);
        assertNull(robot.listTargetWindows().stream().filter(x -> x == s).findFirst().orElse(null));
    }
}
