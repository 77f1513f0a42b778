package org.backpropviz.app.learn;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * One model's background thread: a single daemon thread that runs engine work in order. {@link #submit} numbers each
 * request; a result reaches the JavaFX thread only if no newer request was submitted meanwhile (stale results are
 * dropped, and a request already stale when its turn comes is skipped). {@link #execute} runs plain work, such as a
 * training loop that publishes its own updates.
 */
public final class SerialWorker {
    private final ExecutorService executor;
    private final AtomicLong generation = new AtomicLong();

    /** @param name the thread's name, shown in thread dumps */
    public SerialWorker(String name) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName(name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The number of the latest {@link #submit} request. */
    public long generation() {
        return generation.get();
    }

    /** Marks every earlier request stale without submitting a new one. */
    public long invalidate() {
        return generation.incrementAndGet();
    }

    /**
     * Runs {@code work} on the worker and hands its result (or failure) to the FX thread, unless a newer request was
     * made in the meantime. Call on the FX thread.
     */
    public <T> long submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        long gen = generation.incrementAndGet();
        executor.execute(() -> {
            if (gen != generation.get()) return;
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Throwable t) {
                failure = t;
            }
            T r = result;
            Throwable f = failure;
            Platform.runLater(() -> {
                if (gen != generation.get()) return;
                if (f != null) onFailure.accept(f);
                else onResult.accept(r);
            });
        });
        return gen;
    }

    /** Queues plain work on the worker thread. */
    public void execute(Runnable work) {
        executor.execute(work);
    }

    /** Stops the thread; running work is interrupted where it can be. */
    public void shutdown() {
        executor.shutdownNow();
    }
}
