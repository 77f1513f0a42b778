package org.backpropviz.app.shell;

import org.backpropviz.app.i18n.Messages;
import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.input.KeyCode;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.view.CodePaneView;
import org.backpropviz.engine.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** The code pane under the graph follows the steps: the layer's method, the executed line and its shapes, the failing line. */
@ExtendWith(AppWindow.class)
class CodePaneTest {
    private BackpropApp app;
    private GraphViewModel model;


    /** The lines the pane shows, top to bottom (it keeps hidden ones ready for longer methods). */
    private static List<HBox> shownLines(FxRobot robot) {
        return robot.lookup(".code-line").queryAllAs(HBox.class).stream().filter(b -> b.getParent().isVisible()).toList();
    }

    /** The shown line whose code is {@code code} (stripped), or null. */
    private static HBox line(FxRobot robot, String code) {
        return fx(() -> shownLines(robot).stream()
                .filter(b -> ((Label) b.lookup(".code-text")).getText().strip().equals(code)).findFirst().orElse(null));
    }

    private static List<String> lines(FxRobot robot) {
        return fx(() -> shownLines(robot).stream()
                .map(b -> ((Label) b.lookup(".code-text")).getText().strip()).toList());
    }

    private static boolean has(HBox b, PseudoClass p) {
        return fx(() -> b.getPseudoClassStates().contains(p));
    }

    private static String shapes(HBox b) {
        return fx(() -> b.lookup(".code-shapes") instanceof Label l ? l.getText() : "");
    }

    private static String comment(HBox b) {
        return fx(() -> b.lookup(".code-comment") instanceof Label l ? l.getText() : "");
    }

    @Test
    void atTheStartShowsTheFirstLayersForwardWithNothingRun(FxRobot robot) {
        waitReady(model, 10);
        assertEquals("Affine1 · forward", text(robot, "#code-title"));
        assertEquals("press → to run Affine1.forward", text(robot, "#code-hint"));
        List<String> shown = lines(robot);
        assertEquals("class Affine:", shown.get(0));
        assertTrue(shown.contains("def forward(self, x):"), shown.toString());
        assertFalse(shown.contains("def backward(self, dout):"), shown.toString());
        assertTrue(fx(() -> shownLines(robot).stream()
                .noneMatch(b -> b.getPseudoClassStates().contains(CodePaneView.EXECUTED))), "nothing highlighted before the first step");
    }

    @Test
    void aStepShowsTheNextMethodInTheSameLineNodes(FxRobot robot) {
        waitReady(model, 10);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        List<HBox> before = fx(() -> shownLines(robot));
        robot.type(KeyCode.RIGHT); // ReLU's forward: another class, another method
        waitIndex(model, 2);
        assertEquals("ReLU · forward", text(robot, "#code-title"));
        List<HBox> after = fx(() -> shownLines(robot));
        assertTrue(lines(robot).contains("class Relu:"), lines(robot).toString());
        assertFalse(lines(robot).contains("class Affine:"), lines(robot).toString());
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) assertTrue(before.get(i) == after.get(i), "line " + i + " is the same node, with new text");
        assertTrue(after.stream().anyMatch(b -> has(b, CodePaneView.CURRENT)), "the step's last line is current");
        assertEquals(1, after.stream().filter(b -> has(b, CodePaneView.CURRENT)).count(), "only one line is current");
    }

    @Test
    void oneStepHighlightsAffinesForwardLineWithItsShapes(FxRobot robot) {
        waitReady(model, 10);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        assertEquals("Affine1 · forward", text(robot, "#code-title"));
        assertEquals("", text(robot, "#code-hint"));
        HBox out = line(robot, "out = np.dot(x, self.W) + self.b");
        assertNotNull(out, lines(robot).toString());
        assertTrue(has(out, CodePaneView.EXECUTED));
        assertFalse(has(out, CodePaneView.CURRENT));
        assertTrue(has(line(robot, "return out"), CodePaneView.CURRENT), "the step ran the whole method: it ends at return");
        assertFalse(has(out, CodePaneView.MISMATCH));
        String s = shapes(out);
        assertTrue(s.contains("x (2,)"), s);
        assertTrue(s.contains("self.W (2, 3)"), s);
        assertTrue(s.contains("self.b (3,)"), s);
        assertFalse(has(line(robot, "def forward(self, x):"), CodePaneView.EXECUTED));
        assertTrue(lines(robot).contains("class Affine:"));
        assertFalse(has(out, CodePaneView.BACKWARD), "a forward line is in the forward colours");
    }

    @Test
    void theBackwardFailureOfTheLessonsVectorIsRedWithNumpysMessageAndKoreanComments(FxRobot robot) {
        waitReady(model, 10);
        robot.type(KeyCode.F5); // the forward pass
        robot.type(KeyCode.F5); // the backward pass, up to the error
        Trace end = fx(model::getFurthest);
        waitIndex(model, end.stepsDone());
        assertTrue(end.error().isPresent());
        assertEquals("Affine2 · backward", text(robot, "#code-title"));
        assertTrue(lines(robot).contains("def backward(self, dout):"));
        assertFalse(lines(robot).contains("def forward(self, x):"));
        HBox dw = line(robot, "self.dW = np.dot(self.x.T, dout)");
        assertTrue(has(dw, CodePaneView.MISMATCH));
        assertTrue(has(line(robot, "dx = np.dot(dout, self.W.T)"), CodePaneView.EXECUTED), "the line before ran");
        assertTrue(has(line(robot, "dx = np.dot(dout, self.W.T)"), CodePaneView.BACKWARD), "in the backward pass's colours");
        assertTrue(fx(() -> shownLines(robot).stream().allMatch(b -> b.getPseudoClassStates().contains(CodePaneView.BACKWARD))),
                "every line shown is the backward method's");
        assertFalse(has(line(robot, "dx = np.dot(dout, self.W.T)"), CodePaneView.MISMATCH));
        assertFalse(has(line(robot, "self.db = np.sum(dout, axis = 0)"), CodePaneView.EXECUTED), "nothing after the error ran");
        assertEquals("ValueError: " + end.error().get().message(), text(robot, "#code-error"));
        assertTrue(text(robot, "#code-error").startsWith("ValueError: shapes ("), text(robot, "#code-error"));
        assertTrue(comment(dw).contains("the transpose of x"), comment(dw));

        fxRun(() -> app.showIn(new Messages(Locale.KOREAN)));
        HBox ko = line(robot, "self.dW = np.dot(self.x.T, dout)");
        assertEquals("  # Shape을 고려하여, x의 전치행렬과 역전파의 이전 입력신호 dout을 내적한다.", comment(ko));
        assertTrue(has(ko, CodePaneView.MISMATCH));
        assertEquals("Affine2 · 역전파", text(robot, "#code-title"));
    }

    @Test
    void theViewMenuAndTheToolbarHideAndShowThePaneAcrossALanguageSwitch(FxRobot robot) {
        waitReady(model, 10);
        assertTrue(fx(() -> robot.lookup("#code-pane").tryQuery().isPresent()), "shown by default");
        robot.clickOn("#code-toggle");
        assertFalse(fx(() -> robot.lookup("#code-pane").tryQuery().isPresent()));
        fxRun(() -> app.showIn(new Messages(Locale.KOREAN)));
        assertFalse(fx(() -> robot.lookup("#code-pane").tryQuery().isPresent()), "still hidden after the switch");
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        assertTrue(fx(() -> robot.lookup("#code-pane").tryQuery().isPresent()));
    }
}
