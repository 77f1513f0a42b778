package org.backpropviz.app.shell;

import org.backpropviz.app.i18n.Messages;
import static org.backpropviz.app.shell.AppFixture.assertShows;
import static org.backpropviz.app.shell.AppFixture.cell;
import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.has;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitIndex;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backpropviz.app.editor.MatrixEditorView;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 4 in the main window: editing arrays in their grid, the File menu, autosave. */
@ExtendWith(ApplicationExtension.class)
class ScenarioWindowTest {
    private BackpropApp app;
    private GraphViewModel model;
    private Path home;
    private final Answers answers = new Answers();

    /** The file dialogs' answers, queued by the test. */
    static final class Answers implements FileDialogs {
        final Deque<Path> files = new ArrayDeque<>();
        final Deque<Choice> choices = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public Path chooseOpen(Window owner, Messages text, Path folder) {
            return files.poll();
        }

        @Override
        public Path chooseSave(Window owner, Messages text, Kind kind, Path folder, String suggestedName) {
            asked.add("save " + kind + " " + suggestedName);
            return files.poll();
        }

        @Override
        public Choice askSave(Window owner, Messages text, String name) {
            asked.add("ask " + name);
            return choices.isEmpty() ? Choice.CANCEL : choices.poll();
        }
    }

    private Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        home = AppFixture.freshHome();
        app = AppFixture.startApp(stage, home); // animation instant, unless a test wants it
        model = app.model();
        app.files().setDialogs(answers);
    }

    @AfterEach
    void stop() {
        fxRun(app::stop);
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            T v = f.get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private MatrixEditorView editor(Param p) {
        return fx(() -> app.editors().get(p));
    }


    private String title() {
        return fx(() -> app.stage().getTitle());
    }

    @Test
    void doubleClickOpensOneEditorPerNodeAndATypedCellChangesTheGraphAtTheSameStep(FxRobot robot) {
        fxRun(() -> app.document().replace(Presets.load("batch-of-4"), "batch-of-4"));
        waitReady(model, 10);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        robot.doubleClickOn("#node-x");
        WaitForAsyncUtils.waitForFxEvents();
        MatrixEditorView w = editor(Param.X);
        assertNotNull(w, "double-clicking x opens its editor");
        assertSame(w, fx(() -> app.view().docked()), "the editor opens docked under the graph");

        robot.doubleClickOn(cell(robot, w, 0, 0));
        robot.write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        waitReady(model, 10);
        waitIndex(model, 1);
        Scenario edited = fx(model::getScenario);
        assertEquals(5.0, edited.get(Param.X).get(0, 0));
        Trace want = Trace.start(edited.inputs()).step();
        assertShows(robot, "#value-affine1", want.forward("affine1").orElseThrow());
        assertTrue(title().endsWith(" *"), "an edit marks the title: " + title());

        // the same node again focuses the open editor instead of opening a second one
        fxRun(() -> model.selectedProperty().set("x"));
        robot.interact(() -> app.view().graph().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(w, editor(Param.X));
        assertSame(w, fx(() -> app.view().docked()));
        assertEquals(1, fx(() -> robot.listTargetWindows().size()).intValue(), "no editor window was opened");

        // a change from outside (an SGD update's preset reload) reaches the open editor
        fxRun(() -> app.document().replace(Presets.load("batch-of-4"), "batch-of-4"));
        waitReady(model, 10);
        assertEquals(Presets.load("batch-of-4").get(Param.X), fx(() -> w.getModel().getValue()));
    }

    @Test
    void changingW1sShapeShowsNumpysMismatchAndUndoClearsIt(FxRobot robot) {
        fxRun(() -> app.document().replace(Presets.load("batch-of-4"), "batch-of-4"));
        waitReady(model, 10);
        robot.type(KeyCode.RIGHT);
        waitIndex(model, 1);
        MatrixEditorView w = fx(() -> app.openEditor(NetGraph.Node.W1));
        fxRun(() -> w.getModel().setShape("(3, 3)"));
        waitReady(model, 10);
        waitIndex(model, 1);
        Scenario bad = fx(model::getScenario);
        assertEquals("(3, 3)", bad.get(Param.W1).shapeString());
        Trace failed = Trace.start(bad.inputs()).step();
        assertTrue(has(robot, "#node-affine1", "mismatch"));
        assertTrue(has(robot, "#edge-W1-affine1", "mismatch"));
        assertEquals(failed.error().orElseThrow().message(), text(robot, "#callout-message"));
        assertEquals("shapes (4,2) and (3,3) not aligned: 2 (dim 1) != 3 (dim 0)", text(robot, "#callout-message"));

        robot.clickOn(cell(robot, w, 0, 0));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        waitReady(model, 10);
        waitIndex(model, 1);
        assertEquals("(2, 3)", fx(model::getScenario).get(Param.W1).shapeString());
        assertFalse(has(robot, "#node-affine1", "mismatch"));
        assertFalse(fx(() -> robot.lookup("#callout").query().isVisible()));
        assertFalse(fx(() -> app.document().isDirty()), "undo back to the preset leaves nothing unsaved");
    }

    @Test
    void pastedNumpyBlockReplacesTheArrayAndABadCellIsRefusedKeepingTheOldValue(FxRobot robot) {
        waitReady(model, 10);
        MatrixEditorView w = fx(() -> app.openEditor(NetGraph.Node.X));
        assertTrue(fx(() -> w.getModel().replaceWith("np.array([[0.5, -1.5]])")));
        waitReady(model, 10);
        assertEquals(NDArray.matrix(new double[][] {{0.5, -1.5}}), fx(model::getScenario).get(Param.X));
        assertEquals("(1, 2)", text(robot, "#value-shape-x"));

        NDArray before = fx(model::getScenario).get(Param.X);
        robot.doubleClickOn(cell(robot, w, 0, 1));
        robot.write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String message = fx(() -> robot.from(w).lookup(".editor-message").queryAs(Label.class).getText());
        assertFalse(message.isEmpty(), "the refused cell says why");
        assertEquals(before, fx(() -> w.getModel().getValue()));
        assertEquals(before, fx(model::getScenario).get(Param.X), "the graph keeps the old value");
        assertFalse(fx(() -> w.getModel().setCell(0, 0, "NaN")), "NaN is refused");
        assertEquals(before, fx(model::getScenario).get(Param.X));
    }

    @Test
    void anEditorWindowClosesWithCtrlWAndCtrlQInItQuitsTheApp(FxRobot robot) {
        waitReady(model, 10);
        robot.doubleClickOn("#node-x");
        WaitForAsyncUtils.waitForFxEvents();
        MatrixEditorView w = editor(Param.X);
        assertNotNull(w);
        robot.clickOn(cell(robot, w, 0, 0)); // the grid has the focus, as after a click in it
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(editor(Param.X), "Ctrl+W closes the editor");
        assertNull(fx(() -> app.view().docked()));
        assertTrue(fx(() -> window.isShowing()), "and only the editor");

        robot.doubleClickOn("#node-W1");
        WaitForAsyncUtils.waitForFxEvents();
        MatrixEditorView w1 = editor(Param.W1);
        assertNotNull(w1);
        robot.clickOn(cell(robot, w1, 0, 0));
        answers.choices.add(FileDialogs.Choice.DISCARD); // in case the window asks
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> window.isShowing()), "Ctrl+Q in an editor quits, as in the main window");
        assertNull(fx(() -> w1.getScene()), "the docked editor went with the window");
    }

    @Test
    void saveReopenAndCompareThenABrokenFileKeepsTheCurrentScenario(FxRobot robot) throws Exception {
        waitReady(model, 10);
        assertEquals("Backprop Visualizer — Lesson: X (2,) · W (2, 3)", title());
        fxRun(() -> model.edit(Param.B1, NDArray.vector(1, 2, 3)));
        waitReady(model, 10);
        assertEquals("Backprop Visualizer — Lesson: X (2,) · W (2, 3) *", title());

        Path file = Files.createTempDirectory(home, "files").resolve("mine.json");
        answers.files.add(file);
        assertTrue(await(fx(() -> app.files().save())), "Save asks for a file when there is none");
        assertEquals("Backprop Visualizer — mine.json", title());
        Scenario saved = fx(model::getScenario);
        assertEquals(saved, ScenarioFormat.read(file));

        fxRun(() -> model.edit(Param.B2, NDArray.vector(7, 7)));
        waitReady(model, 10);
        assertEquals("Backprop Visualizer — mine.json *", title());
        answers.choices.add(FileDialogs.Choice.DISCARD);
        answers.files.add(file);
        fxRun(() -> app.files().open());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> saved.equals(model.getScenario())));
        waitReady(model, 10);
        assertEquals("Backprop Visualizer — mine.json", title());
        assertTrue(answers.asked.contains("ask mine.json"), "opening over unsaved changes asked first");
        assertEquals(file.toAbsolutePath().normalize(), fx(() -> app.document().recent().get(0)));

        Path broken = file.resolveSibling("broken.json");
        Files.writeString(broken, ScenarioFormat.toJson(saved).replace("\"W1\"", "\"w1\""));
        assertFalse(await(fx(() -> app.files().open(broken))));
        assertEquals(saved, fx(model::getScenario), "a bad file leaves the scenario untouched");
        assertTrue(text(robot, "#notice").contains("broken.json"), text(robot, "#notice"));
        assertTrue(text(robot, "#notice").contains("did you mean W1?"), text(robot, "#notice"));
        assertEquals("Backprop Visualizer — mine.json", title());
    }

    @Test
    void cancellingTheQuestionKeepsTheChangesAndSaveThenReplaces(FxRobot robot) throws Exception {
        waitReady(model, 10);
        fxRun(() -> model.edit(Param.B1, NDArray.vector(1, 1, 1)));
        waitReady(model, 10);
        Scenario mine = fx(model::getScenario);
        answers.choices.add(FileDialogs.Choice.CANCEL);
        fxRun(() -> app.files().preset("iris-5"));
        assertEquals(mine, fx(model::getScenario), "Cancel keeps everything");

        Path file = home.resolve("kept.json");
        answers.choices.add(FileDialogs.Choice.SAVE);
        answers.files.add(file);
        fxRun(() -> app.files().newScenario());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> FileActions.blank().equals(model.getScenario())));
        assertEquals(mine, ScenarioFormat.read(file), "Save wrote the changes before New replaced them");
        assertFalse(fx(() -> app.document().isDirty()));
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindowOpen(FxRobot robot) {
        waitReady(model, 10);
        fxRun(() -> model.edit(Param.B2, NDArray.vector(3, 3)));
        waitReady(model, 10);
        answers.choices.add(FileDialogs.Choice.CANCEL);
        fxRun(app::requestClose);
        assertTrue(answers.asked.stream().anyMatch(a -> a.startsWith("ask ")), "closing asked first");
        assertTrue(fx(() -> app.stage().isShowing()), "Cancel keeps the window open");
        assertTrue(fx(() -> app.document().isDirty()));
        MatrixEditorView w = fx(() -> app.openEditor(NetGraph.Node.B2));
        assertEquals(NDArray.vector(3, 3), fx(() -> w.getModel().getValue()), "an editor opens on the current value");
        fxRun(() -> app.files().resetToLesson()); // asks again: nothing queued, so Cancel
        assertEquals(NDArray.vector(3, 3), fx(model::getScenario).get(Param.B2));
        answers.choices.add(FileDialogs.Choice.DISCARD);
        fxRun(() -> app.files().resetToLesson());
        waitReady(model, 10);
        assertEquals(Presets.load(BackpropApp.FIRST_PRESET), fx(model::getScenario));
        assertEquals(Presets.load(BackpropApp.FIRST_PRESET).get(Param.B2), fx(() -> w.getModel().getValue()),
                "the open editor loads the value that replaced its own");
        assertFalse(fx(() -> app.document().isDirty()));
    }

    /** Starts a second window on {@code otherHome}, runs {@code check} on it, closes it. */
    private void withSecondWindow(Path otherHome, java.util.function.BiConsumer<BackpropApp, Stage> check) {
        BackpropApp second = new BackpropApp(otherHome);
        Stage[] stage = new Stage[1];
        fxRun(() -> {
            stage[0] = new Stage();
            second.start(stage[0]);
        });
        try {
            waitReady(second.model(), 10);
            check.accept(second, stage[0]);
        } finally {
            fxRun(() -> {
                second.stop();
                stage[0].close();
            });
        }
    }

    @Test
    void theNextStartRestoresTheAutosaveOrSaysWhyItCannot(FxRobot robot) throws Exception {
        waitReady(model, 10);
        fxRun(() -> model.edit(Param.B1, NDArray.vector(9, 9, 9)));
        waitReady(model, 10);
        Scenario edited = fx(model::getScenario);
        fxRun(() -> app.document().autosave());
        Path auto = home.resolve("autosave.json");
        // the autosave writes autosave.json and then session.properties: wait for both
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(auto) && edited.equals(ScenarioFormat.read(auto))
                && Files.exists(home.resolve("session.properties")));
        Path copy = AppFixture.freshHome();
        Files.copy(auto, copy.resolve("autosave.json"));
        Files.copy(home.resolve("session.properties"), copy.resolve("session.properties"));
        withSecondWindow(copy, (second, stage) -> {
            assertEquals(edited, fx(second.model()::getScenario));
            assertEquals("Backprop Visualizer — Lesson: X (2,) · W (2, 3) *", fx(stage::getTitle), "still unsaved");
        });

        Path broken = AppFixture.freshHome();
        Files.writeString(broken.resolve("autosave.json"), "{ not json");
        withSecondWindow(broken, (second, stage) -> {
            assertEquals(Presets.load(BackpropApp.FIRST_PRESET), fx(second.model()::getScenario));
            String notice = fx(() -> ((Label) stage.getScene().lookup("#notice")).getText());
            assertTrue(notice.startsWith("The autosaved scenario could not be read"), notice);
        });
    }

    private static String notice(Stage stage) {
        return fx(() -> ((Label) stage.getScene().lookup("#notice")).getText());
    }

    @Test
    void aDivergedScenarioIsAutosavedAsStrictJsonAndComesBackAtTheNextStart(FxRobot robot) throws Exception {
        fxRun(() -> app.document().replace(Presets.load("batch-of-4"), "batch-of-4")); // a net whose backward pass completes
        waitReady(model, 10);
        fxRun(() -> model.learningRateProperty().set(1e200));
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(model::canUpdate));
            fxRun(model::sgdUpdate);
            waitReady(model, 10);
        }
        Scenario diverged = fx(model::getScenario);
        NDArray w1 = diverged.get(Param.W1);
        boolean nonFinite = false;
        for (int i = 0; i < w1.size(); i++) nonFinite |= !Double.isFinite(w1.flat(i));
        assertTrue(nonFinite, "lr 1e200 and four updates give W1 = " + w1);

        fxRun(() -> app.document().autosave());
        Path auto = home.resolve("autosave.json");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(auto) && Files.exists(home.resolve("session.properties"))
                && diverged.equals(ScenarioFormat.read(auto)));
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(auto)); // strict JSON: no bare NaN
        withSecondWindow(home, (second, stage) -> {
            assertEquals(diverged, fx(second.model()::getScenario), "the same values, not the lesson example");
            assertFalse(notice(stage).startsWith("The autosaved scenario could not be read"), notice(stage));
        });
    }

    @Test
    void aBrokenAutosaveIsKeptAsideAndTheStatusLineSaysWhere(FxRobot robot) throws Exception {
        Path other = AppFixture.freshHome();
        Files.writeString(other.resolve("autosave.json"), "{ not json");
        Path[] kept = new Path[1];
        withSecondWindow(other, (second, stage) -> {
            assertEquals(Presets.load(BackpropApp.FIRST_PRESET), fx(second.model()::getScenario));
            try (var files = Files.list(other)) {
                List<Path> broken = files.filter(f -> f.getFileName().toString().matches("autosave\\.broken-[0-9-]+\\.json")).toList();
                assertEquals(1, broken.size(), "one copy kept aside");
                kept[0] = broken.get(0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String notice = notice(stage);
            assertTrue(notice.startsWith("The autosaved scenario could not be read"), notice);
            assertTrue(notice.contains(kept[0].toString()), notice);
            fxRun(() -> second.model().edit(Param.B2, NDArray.vector(4, 4)));
            waitReady(second.model(), 10);
            fxRun(() -> second.document().autosave());
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(other.resolve("autosave.json"))
                        && NDArray.vector(4, 4).equals(ScenarioFormat.read(other.resolve("autosave.json")).get(Param.B2)));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals("{ not json", Files.readString(kept[0]), "the broken autosave is intact");
    }

    @Test
    void aPipeAsTheAutosaveDoesNotHangTheStart(FxRobot robot) throws Exception {
        Path other = AppFixture.freshHome();
        org.backpropviz.scenario.HostileFilesTestAccess.fifo(other, "autosave.json");
        withSecondWindow(other, (second, stage) -> {
            assertEquals(Presets.load(BackpropApp.FIRST_PRESET), fx(second.model()::getScenario));
            assertTrue(notice(stage).contains("not a regular file"), notice(stage));
        });
    }

    @Test
    void openingAPipeOrADeviceIsRefusedAndTheIoThreadGoesOn(FxRobot robot) throws Exception {
        waitReady(model, 10);
        Path pipe = org.backpropviz.scenario.HostileFilesTestAccess.fifo(home, "pipe.json");
        Scenario before = fx(model::getScenario);
        assertFalse(await(fx(() -> app.files().open(pipe))), "a pipe is not opened");
        assertTrue(text(robot, "#notice").contains("not a regular file"), text(robot, "#notice"));
        assertEquals(before, fx(model::getScenario));
        assertFalse(await(fx(() -> app.files().open(Path.of("/dev/zero")))));
        assertTrue(text(robot, "#notice").contains("not a regular file"), text(robot, "#notice"));

        // later work on the I/O thread completes: a save, an open, the autosave
        fxRun(() -> model.edit(Param.B1, NDArray.vector(5, 5, 5)));
        waitReady(model, 10);
        Scenario edited = fx(model::getScenario);
        Path file = home.resolve("after.json");
        answers.files.add(file);
        assertTrue(await(fx(() -> app.files().saveAs())));
        assertTrue(await(fx(() -> app.files().open(file))));
        fxRun(() -> app.document().autosave());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(home.resolve("autosave.json"))
                && edited.equals(ScenarioFormat.read(home.resolve("autosave.json"))));
    }

    @Test
    void anErrorInTheIoTaskEndsInTheStatusLineAndTheIoThreadGoesOn(FxRobot robot) throws Exception {
        waitReady(model, 10);
        Path out = home.resolve("out.txt");
        assertFalse(await(fx(() -> app.document().export(out, f -> {
            throw new OutOfMemoryError("Java heap space");
        }))), "an Error fails the export");
        assertTrue(text(robot, "#notice").startsWith("Cannot write out.txt: not enough memory"), text(robot, "#notice"));
        assertFalse(await(fx(() -> app.document().export(out, f -> {
            throw new StackOverflowError();
        }))));
        assertTrue(text(robot, "#notice").startsWith("Cannot write out.txt: "), text(robot, "#notice"));
        assertTrue(await(fx(() -> app.document().export(out, f -> Files.writeString(f, "ok")))), "the I/O thread still works");
        assertEquals("ok", Files.readString(out));
    }

    @Test
    void theNextStartRemovesTheTemporaryFilesOfAnInterruptedSave(FxRobot robot) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assumptions.assumeFalse(ProcessHandle.of(gone.pid()).isPresent());
        Path other = AppFixture.freshHome();
        Path folder = Files.createDirectories(other.resolve("work"));
        Path mine = folder.resolve("mine.json");
        ScenarioFormat.write(Presets.load("batch-of-4"), mine);
        Files.writeString(other.resolve("recent.txt"), mine.toAbsolutePath() + "\n");
        Path inHome = Files.writeString(other.resolve(".scenario-" + gone.pid() + "-1.tmp"), "{");
        Path inFolder = Files.writeString(folder.resolve(".scenario-" + gone.pid() + "-2.tmp"), "{");
        Path users = Files.writeString(folder.resolve(".scenario-notes.tmp"), "mine");
        withSecondWindow(other, (second, stage) -> {
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(inHome) && !Files.exists(inFolder));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the temporary files are still there", e);
            }
        });
        assertTrue(Files.exists(users), "a file of the user's is kept");
        assertTrue(Files.exists(mine));
    }

    @Test
    void exportsThePictureAndNumpyCode(FxRobot robot) throws Exception {
        waitReady(model, 10);
        Path png = home.resolve("graph.png");
        Path py = home.resolve("lesson.py");
        answers.files.add(png);
        assertTrue(await(fx(() -> app.files().exportPng())));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 300 && image.getHeight() > 150, image.getWidth() + "x" + image.getHeight());
        // cropped to the drawn graph (plus margins), not the whole view; a caption names scenario, step and loss
        var drawn = fx(() -> app.view().graph().drawing().getBoundsInParent());
        assertTrue(Math.abs(image.getWidth() - (drawn.getWidth() + 2 * 12)) <= 2, image.getWidth() + " for " + drawn);
        assertTrue(image.getHeight() > drawn.getHeight() + 2 * 12, "the caption above the whole graph: " + image.getHeight());
        String caption = fx(() -> org.backpropviz.app.view.GraphPicture.caption(app.document().displayName(
                new org.backpropviz.app.i18n.Messages(java.util.Locale.ENGLISH)), model, new org.backpropviz.app.i18n.Messages(java.util.Locale.ENGLISH)));
        assertTrue(fx(() -> app.stage().getTitle()).contains(caption.substring(0, caption.indexOf(" \u00b7 step"))), "the title's name: " + caption);
        assertTrue(caption.contains(" \u00b7 step 0 of "), caption);
        assertTrue(caption.endsWith("\u00b7 loss \u2014"), "no loss before the forward pass: " + caption);
        boolean inked = false; // the caption's text at the top, above the picture
        for (int x = 10; x < Math.min(300, image.getWidth()) && !inked; x++) {
            for (int y = 10; y < 28 && !inked; y++) inked = (image.getRGB(x, y) & 0xff) < 128;
        }
        assertTrue(inked, "the caption is drawn");
        answers.files.add(py);
        assertTrue(await(fx(() -> app.files().exportNumpy())));
        String code = Files.readString(py);
        assertTrue(code.contains("import numpy as np") && code.contains("W1 = np.array("), code);
        // the command line writes the same script for the same scenario
        Path scenario = home.resolve("lesson.json");
        ScenarioFormat.write(fx(model::getScenario), scenario);
        Path cli = home.resolve("cli.py");
        int status = org.backpropviz.cli.Cli.run(new String[] {"export", "--numpy", cli.toString(), scenario.toString()},
                System.out, System.err);
        assertEquals(0, status);
        assertEquals(code, Files.readString(cli));
    }

    @Test
    void theScenarioIsAutosavedAndRestoredAtTheNextStart(FxRobot robot) throws Exception {
        waitReady(model, 10);
        fxRun(() -> model.edit(Param.B2, NDArray.vector(0.25, -0.25)));
        waitReady(model, 10);
        Scenario edited = fx(model::getScenario);
        Path auto = home.resolve("autosave.json");
        // the autosave writes autosave.json and then session.properties: wait for both
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(auto) && edited.equals(ScenarioFormat.read(auto))
                && Files.exists(home.resolve("session.properties")));
        var restored = org.backpropviz.app.model.ScenarioDocument.restore(home);
        assertEquals(edited, restored.scenario());

        Files.writeString(auto, "{ not json");
        var bad = org.backpropviz.app.model.ScenarioDocument.restore(home);
        assertTrue(bad.scenario() == null && bad.problem() != null, "an unreadable autosave is reported");
    }
}
