package org.backpropviz.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the status line is told when an evaluation on the worker throws. */
class FailureNoticeTest {
    @Test
    void eachKindOfFailureHasItsNotice() {
        GraphViewModel.Notice oom = GraphViewModel.failureNotice(new OutOfMemoryError("Java heap space"));
        assertEquals("notice.outOfMemory", oom.key());
        assertTrue(oom.error());
        assertEquals(List.of(Runtime.getRuntime().maxMemory() >> 20), oom.args(), "the heap the app may use, in MB");

        GraphViewModel.Notice npe = GraphViewModel.failureNotice(new NullPointerException());
        assertEquals(new GraphViewModel.Notice("notice.failed", List.of("NullPointerException"), true), npe,
                "a failure without a message is named by its class, not \"null\"");
        assertEquals(new GraphViewModel.Notice("notice.failed", List.of("stack overflow"), true),
                GraphViewModel.failureNotice(new StackOverflowError("stack overflow")));
    }
}
