package org.backpropviz.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fails a test when any thread, the JavaFX thread included, ends in an uncaught exception while it runs.
 *
 * <p>JavaFX hands an exception thrown in a pulse (layout, CSS, a skin), an event handler or a {@code runLater} to the
 * FX thread's uncaught-exception handler and carries on, so without this such a failure is only printed and the test
 * passes. TestFX installs a default handler of its own that queues the exception and throws it from some later
 * {@code asyncFx} call, often in another test, or never. This extension replaces that handler, also sets one on the
 * FX thread itself, drains TestFX's queue of failed FX tasks nobody asked for, and after each test fails it with
 * every recorded exception (the first as the cause, the others suppressed). An exception that arrives between two
 * tests fails the next one (or the class after its last test), named as such.
 *
 * <p>Registered for every test class through JUnit's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension} and {@code junit-platform.properties}).
 */
public final class UncaughtExceptions implements BeforeEachCallback, BeforeTestExecutionCallback, AfterEachCallback, AfterAllCallback {
    private record Caught(String thread, String when, Throwable error) {}

    private static final List<Caught> CAUGHT = new ArrayList<>();
    private static volatile String phase = "before any test";
    private static final Thread.UncaughtExceptionHandler HANDLER = (t, e) -> record(t.getName(), e);

    private static void record(String thread, Throwable e) {
        synchronized (CAUGHT) {
            CAUGHT.add(new Caught(thread, phase, e));
        }
        System.err.println("Uncaught exception on thread \"" + thread + "\" " + phase + ":");
        e.printStackTrace();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // TestFX sets its own default handler when WaitForAsyncUtils is first loaded: load it now, so that ours stays
        Class.forName(WaitForAsyncUtils.class.getName(), true, UncaughtExceptions.class.getClassLoader());
        Thread.setDefaultUncaughtExceptionHandler(HANDLER);
        phase = "in " + name(context);
    }

    /** After the {@code @Start} methods (TestFX starts the FX thread in its beforeEach): our handler on the FX thread too. */
    @Override
    public void beforeTestExecution(ExtensionContext context) throws Exception {
        if (FxToolkit.isFXApplicationThreadRunning()) onFxThread(() -> Thread.currentThread().setUncaughtExceptionHandler(HANDLER));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (FxToolkit.isFXApplicationThreadRunning()) drainTestFx();
        String name = name(context);
        phase = "after " + name;
        fail("during " + name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (FxToolkit.isFXApplicationThreadRunning()) drainTestFx();
        fail("after the last test of " + context.getDisplayName());
    }

    /** Takes (and clears) what has been recorded so far; for a test that provokes an uncaught exception on purpose. */
    public static List<Throwable> takeAll() {
        if (FxToolkit.isFXApplicationThreadRunning() && !Platform.isFxApplicationThread()) drainTestFx();
        synchronized (CAUGHT) {
            List<Throwable> out = CAUGHT.stream().map(Caught::error).toList();
            CAUGHT.clear();
            return out;
        }
    }

    /** Fails now if an uncaught exception has been recorded (waiting for the FX thread first), naming them all. */
    public static void check() {
        if (FxToolkit.isFXApplicationThreadRunning() && !Platform.isFxApplicationThread()) drainTestFx();
        fail("so far");
    }

    private static void fail(String when) {
        List<Caught> all;
        synchronized (CAUGHT) {
            all = List.copyOf(CAUGHT);
            CAUGHT.clear();
        }
        if (all.isEmpty()) return;
        StringBuilder m = new StringBuilder(all.size() + " uncaught exception(s) " + when + ":");
        for (Caught c : all) m.append("\n  on \"").append(c.thread()).append("\" ").append(c.when()).append(": ").append(c.error());
        AssertionError failure = new AssertionError(m.toString(), all.get(0).error());
        for (Caught c : all.subList(1, all.size())) failure.addSuppressed(c.error());
        throw failure;
    }

    /** Waits for the FX thread's queue, then moves the failures of FX tasks whose futures nobody read to our list. */
    private static void drainTestFx() {
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Queue<?> queue = testFxQueue();
        if (queue != null) {
            // read directly: checkException() would replace each exception's stack trace with a marker line
            for (Object t; (t = queue.poll()) != null; ) record("a TestFX task", (Throwable) t);
            return;
        }
        while (true) {
            try {
                WaitForAsyncUtils.checkException(); // throws and removes one queued failure, if any
                return;
            } catch (Throwable t) {
                record("a TestFX task", t);
            }
        }
    }

    /** TestFX's queue of failures nobody has fetched yet (a private field), or null if it is not found. */
    private static java.util.Queue<?> testFxQueue() {
        try {
            java.lang.reflect.Field f = WaitForAsyncUtils.class.getDeclaredField("EXCEPTIONS");
            f.setAccessible(true);
            return (java.util.Queue<?>) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static void onFxThread(Runnable r) throws InterruptedException {
        if (Platform.isFxApplicationThread()) {
            r.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the JavaFX thread did not answer in 10 s");
    }

    private static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
    }
}
