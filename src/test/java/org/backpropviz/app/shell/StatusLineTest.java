package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status line at the smallest supported width: NumPy's message is shown whole, wrapping rather than cut. */
@ExtendWith(ApplicationExtension.class)
class StatusLineTest {
    private BackpropApp app;
    private GraphViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppFixture.startApp(stage, AppFixture.freshHome());
        model = app.model();
    }

    @AfterEach
    void stop() {
        fxRun(app::stop);
    }

    @Test
    void numpysWholeMessageShowsInTheStatusLineAt1024Pixels(FxRobot robot) {
        fxRun(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        Scenario s = org.backpropviz.app.shell.Presets.load("lesson-mismatch");
        load(model, s);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        WaitForAsyncUtils.waitForFxEvents();
        String numpy = Trace.start(s.inputs()).step().error().orElseThrow().message();
        Label status = robot.lookup("#status").queryAs(Label.class);
        String full = fx(status::getText);
        assertTrue(full.contains(numpy), "the status names NumPy's message: " + full);
        // what is drawn is the whole text (a cut label draws an ellipsis instead)
        String drawn = fx(() -> ((Text) status.lookup(".text")).getText()).replace("\n", " ");
        assertEquals(full.replaceAll("\\s+", " "), drawn.replaceAll("\\s+", " "), "the status is drawn whole");
        double barWidth = fx(() -> status.getParent().getLayoutBounds().getWidth());
        assertTrue(fx(status::getWidth) <= barWidth, "the status fits the 1024-px window");
        assertTrue(fx(() -> stage.getWidth()) <= 1024);
    }
}
