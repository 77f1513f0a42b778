package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Text the window generates (titles, the gradient check's place of failure) follows the Language menu both ways. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    private BackpropApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppFixture.startApp(stage, AppFixture.freshHome());
    }

    @AfterEach
    void stop() {
        fxRun(app::stop);
    }

    private void chooseLanguage(FxRobot robot, String id) {
        fxRun(() -> ((MenuBar) robot.lookup(".menu-bar").query()).getMenus().stream()
                .filter(m -> "menu-language".equals(m.getId())).findFirst().orElseThrow().getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectTab(String id) {
        fxRun(() -> app.view().tabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> app.view().tabs().getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the gradient check tab (its view is built then) and waits until it names where the pass stopped. */
    private String gradientCheckWhere(FxRobot robot) throws Exception {
        fxRun(() -> app.view().tabs().getTabs().stream().filter(t -> "tab-gradcheck".equals(t.getId())).findFirst()
                .ifPresent(t -> app.view().tabs().getSelectionModel().select(t)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> robot.lookup("#gradcheck-error-where").tryQuery().isPresent()
                        && !text(robot, "#gradcheck-error-where").isEmpty()));
        return text(robot, "#gradcheck-error-where");
    }

    @Test
    void titlesAndTheGradientChecksNodeNamesFollowALanguageSwitchAndBack(FxRobot robot) throws Exception {
        waitReady(app.model(), 10);
        fxRun(() -> app.preset("lesson-mismatch"));
        waitReady(app.model(), 10);
        assertEquals("Backprop Visualizer — Lesson: x·W1 with W1 stored transposed", fx(stage::getTitle));
        assertEquals("Affine (the lesson, §5.6.2)", text(robot, "#code-source"));
        assertEquals("Affine1 · forward", text(robot, "#code-title"));
        assertEquals("affine1 (forward): np.dot(x, W1)", gradientCheckWhere(robot));

        chooseLanguage(robot, "language-ko");
        assertEquals("Backprop Visualizer — 강의: W1이 전치된 x·W1", fx(stage::getTitle));
        assertEquals("Affine (강의, §5.6.2)", text(robot, "#code-source"));
        assertEquals("Affine1 · 순전파", text(robot, "#code-title"));
        assertEquals("affine1 (순전파): np.dot(x, W1)", gradientCheckWhere(robot));

        chooseLanguage(robot, "language-en");
        assertEquals("Backprop Visualizer — Lesson: x·W1 with W1 stored transposed", fx(stage::getTitle));
        assertEquals("Affine (the lesson, §5.6.2)", text(robot, "#code-source"));
        assertEquals("affine1 (forward): np.dot(x, W1)", gradientCheckWhere(robot));
    }

    /**
     * A dialog is a scene of its own: in Korean it takes the language's stylesheet (the shipped font with Hangul; it
     * showed boxes on a system without one) and its buttons are Korean, not JavaFX's English OK and Cancel.
     */
    @Test
    void theAddLayerDialogSpeaksKoreanInKorean(FxRobot robot) {
        waitReady(app.model(), 10);
        chooseLanguage(robot, "language-ko");
        robot.clickOn("#menu-network");
        robot.clickOn("은닉층 추가…");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane pane = fx(() -> (javafx.scene.control.DialogPane) robot.lookup("#add-layer-width").query()
                .getScene().getRoot().lookup(".dialog-pane"));
        assertTrue(fx(() -> pane.getStylesheets().stream().anyMatch(s -> s.endsWith("lang-ko.css"))), "the Korean stylesheet");
        assertEquals("NanumGothic", fx(() -> ((javafx.scene.control.Label) pane.lookup(".header-panel .label")).getFont().getFamily()));
        assertTrue(robot.lookup("확인").tryQuery().isPresent() && robot.lookup("취소").tryQuery().isPresent(), "Korean buttons");
        robot.clickOn("취소");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#add-layer-width").tryQuery().isPresent(), "cancelled");
        chooseLanguage(robot, "language-en");
    }

    /** A language switch rebuilds the window with the tab that was in sight still in sight. */
    @Test
    void theTabInSightStaysInSightAcrossALanguageSwitch(FxRobot robot) {
        waitReady(app.model(), 10);
        for (String tab : java.util.List.of("tab-training", "tab-playground", "tab-graph")) {
            selectTab(tab);
            chooseLanguage(robot, "language-ko");
            assertEquals(tab, fx(() -> app.view().tabs().getSelectionModel().getSelectedItem().getId()), "in Korean");
            chooseLanguage(robot, "language-en");
            assertEquals(tab, fx(() -> app.view().tabs().getSelectionModel().getSelectedItem().getId()), "back in English");
        }
    }

    /**
     * The training and gradient check views are rebuilt on a language switch while their models live on: the views
     * of the old language let go of the models (they would otherwise keep following them, unseen, for the window's life).
     */
    @Test
    void theToolViewsOfTheOldLanguageNoLongerFollowTheirModels(FxRobot robot) throws Exception {
        waitReady(app.model(), 10);
        selectTab("tab-training");
        TextField oldRate = robot.lookup("#train-lr").queryAs(TextField.class);
        fxRun(() -> app.tools().training().setLearningRate(0.25));
        assertEquals("0.25", fx(oldRate::getText), "the live view follows the model");

        fxRun(() -> app.preset("lesson-mismatch"));
        selectTab("tab-gradcheck");
        Label oldStatus = robot.lookup("#gradcheck-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(oldStatus::getText).startsWith("The pass stops at an error"));
        fxRun(() -> app.preset("batch-of-4"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(oldStatus::getText).startsWith("Checked with h"));

        chooseLanguage(robot, "language-ko");
        selectTab("tab-graph"); // neither tool tab: the check is not re-run, it only goes out of date
        fxRun(() -> app.tools().training().setLearningRate(0.125));
        fxRun(() -> app.preset("lesson-mismatch"));
        waitReady(app.model(), 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.25", fx(oldRate::getText), "the disposed training view kept its text: its listener is gone");
        assertTrue(fx(oldStatus::getText).startsWith("Checked with h"), "the disposed gradient check view kept its status, not: "
                + fx(oldStatus::getText));

        selectTab("tab-training");
        TextField newRate = robot.lookup("#train-lr").queryAs(TextField.class);
        assertNotSame(oldRate, newRate);
        assertEquals("0.125", fx(newRate::getText), "the new view follows the model");
    }

    /** An example edited before a switch is still described as edited, in the new language, and edits on as one. */
    @Test
    void anEditedExamplesDescriptionFollowsALanguageSwitch(FxRobot robot) {
        waitReady(app.model(), 10);
        fxRun(() -> app.preset("batch-of-4"));
        waitReady(app.model(), 10);
        String name = fx(() -> app.model().getScenario().name());
        fxRun(() -> app.model().edit(org.backpropviz.engine.Param.B1,
                org.backpropviz.engine.NDArray.full(new int[] {3}, 0.5)));
        waitReady(app.model(), 10);
        String english = "Edited from \u201c" + name + "\u201d: its arrays or layers have changed since, so the example's first"
                + " description no longer holds.";
        assertEquals(english, text(robot, "#about"));

        chooseLanguage(robot, "language-ko");
        assertEquals("\u201c강의 신경망, 배치 4개\u201d에서 편집했습니다: 그 뒤로 배열이나 층이 바뀌어 예제의 처음 설명은 더 이상 맞지 않습니다.",
                text(robot, "#about"), "the example's name as the title and the Presets menu give it in Korean");
        assertTrue(fx(() -> app.model().isEdited()), "still an edited example");

        chooseLanguage(robot, "language-en");
        assertEquals(english, text(robot, "#about"));
    }

    /** A docked editor is rebuilt in the new language where it was, and the code pane comes back when it closes. */
    @Test
    void aDockedEditorFollowsALanguageSwitchAndTheCodePaneReturnsAfterIt(FxRobot robot) {
        waitReady(app.model(), 10);
        fx(() -> app.openEditor(org.backpropviz.app.model.NetGraph.Node.W1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Detach", fx(() -> robot.lookup("#editor-detach").queryButton().getText()));
        assertTrue(!fx(() -> app.view().codePane().model().shownProperty().get()), "the code pane steps aside for the editor");

        fx(() -> app.openEditor(org.backpropviz.app.model.NetGraph.Node.X)); // a second tab
        fx(() -> app.openEditor(org.backpropviz.app.model.NetGraph.Node.W1)); // W1's tab in sight again
        WaitForAsyncUtils.waitForFxEvents();

        chooseLanguage(robot, "language-ko");
        assertEquals("\ubd84\ub9ac", fx(() -> robot.from(app.view().docked()).lookup("#editor-detach").queryButton().getText()),
                "분리: the editor speaks Korean");
        assertTrue(fx(() -> app.view().docked() != null), "still docked, in the new window content");
        assertEquals(java.util.List.of("editor-tab-W1", "editor-tab-x"),
                fx(() -> app.view().dockPane().getTabs().stream().map(javafx.scene.control.Tab::getId).toList()), "both tabs, in their order");
        assertEquals(fx(() -> app.editors().get(org.backpropviz.engine.Param.W1)), fx(() -> app.view().docked()), "W1's tab still in sight");
        fxRun(() -> app.editors().close(org.backpropviz.engine.Param.X));

        chooseLanguage(robot, "language-en");
        assertEquals("Detach", fx(() -> robot.from(app.view().docked()).lookup("#editor-detach").queryButton().getText()));
        fxRun(() -> app.editors().close(org.backpropviz.engine.Param.W1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> app.view().codePane().model().shownProperty().get()), "the code pane is back once the editor closes");
    }

    /**
     * A trained network taken into the graph is named and described in the language of the moment; after a switch
     * its description, the window's title and an edit's "Edited from …" are in the new language.
     */
    @Test
    void aTrainedNetworksNameAndDescriptionFollowALanguageSwitch(FxRobot robot) throws Exception {
        waitReady(app.model(), 10);
        var training = fx(() -> app.tools().training());
        fxRun(() -> {
            training.sourceProperty().set(org.backpropviz.app.learn.TrainingModel.Source.IRIS);
            training.limitProperty().set(org.backpropviz.app.learn.TrainingModel.Limit.EPOCHS);
            training.epochsProperty().set(1);
        });
        robot.clickOn("#tab-training");
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> training.stateProperty().get()
                == org.backpropviz.app.learn.TrainingModel.State.FINISHED && training.resultsProperty().get() != null));
        robot.clickOn("#train-graph");
        waitReady(app.model(), 10);
        String data = fx(() -> training.dataInfoProperty().get().split("\\|")[0]);
        String about = text(robot, "#about");
        assertTrue(about.startsWith("Trained on " + data + ": hidden size "), about);
        assertTrue(fx(stage::getTitle).startsWith("Backprop Visualizer \u2014 Trained on " + data), fx(stage::getTitle));

        chooseLanguage(robot, "language-ko");
        about = text(robot, "#about");
        assertTrue(about.startsWith(data + "(\uc73c)\ub85c \ud559\uc2b5: \uc740\ub2c9\uce35 \ud06c\uae30 "), "in Korean: " + about);
        assertTrue(fx(stage::getTitle).startsWith("Backprop Visualizer \u2014 " + data + "(\uc73c)\ub85c \ud559\uc2b5"), fx(stage::getTitle));

        // edited after the switch: described as edited from the trained net, named in the window's language
        org.backpropviz.engine.NDArray b1 = fx(() -> app.model().getScenario().get(org.backpropviz.engine.Param.B1));
        fxRun(() -> app.model().edit(org.backpropviz.engine.Param.B1, org.backpropviz.engine.NDArray.full(b1.shape(), 0.5)));
        waitReady(app.model(), 10);
        assertEquals("\u201c" + data + "(\uc73c)\ub85c \ud559\uc2b5\u201d\uc5d0\uc11c \ud3b8\uc9d1\ud588\uc2b5\ub2c8\ub2e4: \uadf8 \ub4a4\ub85c \ubc30\uc5f4\uc774\ub098 \uce35\uc774 \ubc14\ub00c\uc5b4 \uc608\uc81c\uc758 \ucc98\uc74c \uc124\uba85\uc740 \ub354 \uc774\uc0c1 \ub9de\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4.",
                text(robot, "#about"));
        ScenarioWindowTest.Answers answers = new ScenarioWindowTest.Answers();
        fxRun(() -> app.files().setDialogs(answers));
        fxRun(() -> app.preset("lesson-vector")); // asks about the unsaved edit first: cancelled
        assertEquals(java.util.List.of("ask " + data + "(\uc73c)\ub85c \ud559\uc2b5"), answers.asked, "the dialog names it in Korean");
        chooseLanguage(robot, "language-en");
        assertEquals("Edited from \u201cTrained on " + data + "\u201d: its arrays or layers have changed since, so the example's first"
                + " description no longer holds.", text(robot, "#about"));
    }
}
