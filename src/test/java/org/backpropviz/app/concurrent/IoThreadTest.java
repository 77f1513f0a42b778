package org.backpropviz.app.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The file thread: results and failures come back on the FX thread, in order, and a failure does not stop it. */
class IoThreadTest {
    @BeforeAll
    static void startFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test started the toolkit
        }
    }

    @Test
    void resultsAndFailuresReachTheFxThreadInOrder() throws Exception {
        IoThread io = new IoThread("test-io");
        List<String> seen = new CopyOnWriteArrayList<>();
        boolean first = io.run(() -> Thread.currentThread().getName(),
                name -> seen.add((Platform.isFxApplicationThread() ? "fx:" : "other:") + name),
                e -> seen.add("failed")).get(5, TimeUnit.SECONDS);
        boolean second = io.<String>run(() -> { throw new IOException("disk full"); },
                r -> seen.add("result"),
                e -> seen.add((Platform.isFxApplicationThread() ? "fx:" : "other:") + e.getMessage()))
                .get(5, TimeUnit.SECONDS);
        boolean third = io.<String>run(() -> { throw new OutOfMemoryError("heap"); }, r -> { }, e -> seen.add(e.getMessage()))
                .get(5, TimeUnit.SECONDS);
        boolean fourth = io.run(() -> 42, r -> seen.add("after:" + r), e -> seen.add("failed")).get(5, TimeUnit.SECONDS);
        io.close(5);

        assertTrue(first);
        assertFalse(second);
        assertFalse(third);
        assertTrue(fourth, "an Error in one task does not stop the thread");
        assertEquals(List.of("fx:test-io", "fx:disk full", "heap", "after:42"), seen);
    }
}
