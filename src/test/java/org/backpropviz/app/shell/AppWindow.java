package org.backpropviz.app.shell;

import java.lang.reflect.Field;
import javafx.application.Application;
import javafx.stage.Stage;
import org.backpropviz.app.model.GraphViewModel;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationAdapter;
import org.testfx.framework.junit5.ApplicationFixture;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window tests' app, in place of TestFX's {@code ApplicationExtension} with a {@code @Start} method of their own
 * (TestFX looks for that method in the test class only, so it cannot be inherited): before each test the whole app
 * starts in TestFX's stage with a fresh home folder, and the test instance's fields of type {@link BackpropApp} and
 * {@link GraphViewModel} are set to it and its model; after the test the app stops (its workers and autosave end)
 * and TestFX releases keys and buttons and closes the stages. Test methods may take an {@link FxRobot} parameter.
 */
public final class AppWindow extends FxRobot implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private Application application;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Object test = context.getRequiredTestInstance();
        BackpropApp[] started = new BackpropApp[1];
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(() -> new ApplicationAdapter(new ApplicationFixture() {
            @Override
            public void init() {}

            @Override
            public void start(Stage stage) throws IllegalAccessException {
                started[0] = AppFixture.startApp(stage, AppFixture.freshHome());
                inject(test, started[0]);
            }

            @Override
            public void stop() {
                if (started[0] != null) started[0].stop();
            }
        }));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FxToolkit.cleanupAfterTest(this, application);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isAssignableFrom(FxRobot.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    private static void inject(Object test, BackpropApp app) throws IllegalAccessException {
        for (Field f : test.getClass().getDeclaredFields()) {
            Object value = f.getType() == BackpropApp.class ? app : f.getType() == GraphViewModel.class ? app.model() : null;
            if (value == null) continue;
            f.setAccessible(true);
            f.set(test, value);
        }
    }
}
