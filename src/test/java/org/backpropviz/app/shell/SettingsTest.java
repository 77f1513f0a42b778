package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.fxRun;
import static org.backpropviz.app.shell.AppFixture.text;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The language, speed and window size chosen in one session are there again at the next start. */
@ExtendWith(ApplicationExtension.class)
class SettingsTest {
    private final Locale systemLocale = Locale.getDefault();
    private final Path home = AppFixture.freshHome();
    private BackpropApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppFixture.startApp(stage, home);
    }

    @AfterEach
    void stop() {
        fxRun(app::stop);
        Locale.setDefault(systemLocale);
    }

    @Test
    void languageSpeedAndSizeAreReadBackAtTheNextStart(FxRobot robot) throws Exception {
        waitReady(app.model(), 10);
        fxRun(() -> ((MenuBar) robot.lookup(".menu-bar").query()).getMenus().stream()
                .filter(m -> "menu-language".equals(m.getId())).findFirst().orElseThrow().getItems().stream()
                .filter(i -> "language-ko".equals(i.getId())).findFirst().orElseThrow().fire());
        assertTrue(text(robot, "#status").startsWith("다음:"), "switched to Korean: " + text(robot, "#status"));
        fxRun(() -> {
            app.model().speedProperty().set(1);
            stage.setWidth(1100);
            stage.setHeight(720);
        });
        fxRun(app::stop); // closing the window writes the settings
        String file = Files.readString(home.resolve(AppSettings.FILE));
        assertEquals(new AppSettings(Locale.forLanguageTag("ko"), 1, 1100, 720), AppSettings.read(home), file);

        Locale.setDefault(Locale.ENGLISH); // the system's language is not what the next start shows
        Stage[] second = new Stage[1];
        app = fx(() -> {
            second[0] = new Stage();
            return new BackpropApp(home);
        });
        fxRun(() -> app.start(second[0]));
        waitReady(app.model(), 10);
        String status = fx(() -> ((javafx.scene.control.Label) app.view().lookup("#status")).getText());
        assertTrue(status.startsWith("다음:"), "the window starts in the language chosen last time: " + status);
        assertEquals(1, fx(() -> app.model().speedProperty().get()));
        assertEquals(1100, fx(second[0]::getWidth), 1);
        assertEquals(720, fx(second[0]::getHeight), 1);
        fxRun(second[0]::close);
    }

    @Test
    void aBadSettingsFileMeansTheDefaults() throws Exception {
        Files.writeString(home.resolve(AppSettings.FILE), "language=xx\nspeed=99\nwidth=-5\nheight=abc\n");
        assertEquals(AppSettings.DEFAULTS, AppSettings.read(home));
        Files.writeString(home.resolve(AppSettings.FILE), "language=en\nspeed=3\nwidth=1200\nheight=800\n");
        assertEquals(new AppSettings(Locale.ENGLISH, 3, 1200, 800), AppSettings.read(home));
    }
}
