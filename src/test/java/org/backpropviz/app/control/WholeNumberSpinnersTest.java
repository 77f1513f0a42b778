package org.backpropviz.app.control;

import org.backpropviz.app.fx.WholeNumberSpinners;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WholeNumberSpinnersTest {
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Spinner<Integer> spinner;

    @Start
    void start(Stage stage) {
        spinner = new Spinner<>(2, 64, 4);
        spinner.setId("n");
        spinner.setEditable(true);
        WholeNumberSpinners.refuseBadText(spinner, r -> refused.add(r.typed()));
        TextField other = new TextField();
        other.setId("other");
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        stage.setScene(new Scene(new VBox(8, spinner, other), 300, 120));
        stage.sizeToScene(); // the stage is TestFX's, shared: a class before may have sized it
        stage.show();
    }

    @AfterEach
    void handlerOff() {
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(null));
    }

    /** As a user types: click into the spinner, select all, type, then Enter or Tab. */
    private void type(FxRobot robot, String typed, KeyCode then) {
        robot.clickOn("#n .text-field").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(typed).type(then);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String shown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> spinner.getEditor().getText()).get();
    }

    @Test
    void textThatIsNotAWholeNumberInRangeIsRefusedWithoutAnExceptionAndTheValueStays(FxRobot robot) throws Exception {
        type(robot, "abc", KeyCode.TAB); // JavaFX's own converter throws NumberFormatException here
        type(robot, "5000", KeyCode.ENTER); // and its value factory would clamp this to 64
        type(robot, "1", KeyCode.TAB);
        type(robot, "2.5", KeyCode.ENTER);
        assertEquals(List.of("abc", "5000", "1", "2.5"), refused);
        assertEquals(4, spinner.getValue());
        assertEquals("4", shown());
        assertTrue(uncaught.isEmpty(), "no exception on the FX thread: " + uncaught);

        type(robot, " 64 ", KeyCode.ENTER);
        assertEquals(64, spinner.getValue());
        assertEquals(4, refused.size(), "a good value is taken without a word");
        robot.clickOn("#n .increment-arrow-button"); // the arrows still stop at the bounds
        assertEquals(64, spinner.getValue());
    }

    @Test
    void theBoundsAreTheFactorysAtTheTimeOfTyping(FxRobot robot) {
        robot.interact(() -> ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory()).setMax(100));
        type(robot, "100", KeyCode.ENTER);
        assertEquals(100, spinner.getValue());
        assertTrue(refused.isEmpty(), refused.toString());
    }
}
