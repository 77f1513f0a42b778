package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.engine.Param;
import org.backpropviz.scenario.ScenarioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #16 in the window: a rank-3 x is drawn as its (N, rest) view under a caption, and its grid refuses it. */
@ExtendWith(AppWindow.class)
class HighRankWindowTest {
    static final String RANK3 = "{\"affine\": \"repository\", \"x\": [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[-0.1, 0.0, 0.2], [0.3, -0.4, 0.5]]],"
            + " \"W1\": [[0.1, 0.2], [0.3, -0.1], [0.0, 0.5], [-0.2, 0.1], [0.4, 0.4], [0.2, -0.3]], \"b1\": [0.1, -0.1], \"t\": [1, 0]}";

    private BackpropApp app;
    private GraphViewModel model;


    @Test
    void aRankThreeXIsShownFlatWithACaptionAndItsGridRefusesIt(FxRobot robot) throws Exception {
        org.backpropviz.scenario.Scenario s = ScenarioFormat.parse(RANK3);
        fxRun(() -> app.document().replace(s, "rank3"));
        waitReady(model, 10);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> captions = fx(() -> robot.lookup(".reshaped-caption").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible()).map(Label::getText).toList());
        assertTrue(captions.contains("(2, 2, 3) shown as (2, 6)"), "captions: " + captions);
        assertNull(fx(() -> app.editors().open(Param.X)), "no grid for a rank-3 x");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("notice.rankNotEditable", fx(() -> model.noticeProperty().get().key()));
        assertTrue(fx(() -> robot.lookup("#notice").queryAs(Label.class).getText()).startsWith("x (2, 2, 3) has rank 3 or more"));
        assertNull(fx(() -> app.editors().get(Param.X)));
        assertNotNull(fx(() -> app.editors().open(Param.W1)), "a 2-D array still opens");
        fxRun(() -> app.editors().close(Param.W1));
    }
}
