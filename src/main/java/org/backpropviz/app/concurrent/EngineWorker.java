package org.backpropviz.app.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The one background thread that runs every engine call. Each request gets a generation number; its result
 * is applied on the JavaFX thread only if no newer request was made meanwhile, so a result older than the
 * latest edit is dropped. A request that is already stale when its turn comes is not computed at all.
 */
public final class EngineWorker {
    private final ExecutorService executor;
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private int pending; // FX thread only

    /** The graph's worker, thread named "backpropviz-engine". */
    public EngineWorker() {
        this("backpropviz-engine");
    }

    /** A worker whose daemon thread has this name (shown in thread dumps). */
    public EngineWorker(String name) {
        ThreadFactory daemon = r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName(name);
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newSingleThreadExecutor(daemon);
    }

    /** Marks every earlier request stale without submitting a new one; returns the new generation. */
    public long invalidate() {
        return generation.incrementAndGet();
    }

    /** Queues plain work (such as a training loop that publishes its own updates) on the worker thread. */
    public void execute(Runnable work) {
        executor.execute(work);
    }

    /** True while a request is queued or running (FX thread). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Runs {@code work} on the worker; on the FX thread, hands its result to {@code onResult} (or its failure to
     * {@code onFailure}) unless a newer request was submitted since. Call on the FX thread.
     *
     * <p>A failure is any Throwable, errors included: an OutOfMemoryError or a StackOverflowError ends this request
     * in {@code onFailure} like an exception does, and the worker goes on to the next request (what the failed work
     * allocated is garbage by then).
     */
    public <T> long submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        long gen = generation.incrementAndGet();
        pending++;
        busy.set(true);
        executor.execute(() -> {
            T result = null;
            Throwable failure = null;
            if (gen == generation.get()) {
                try {
                    result = work.call();
                } catch (Throwable t) {
                    failure = t;
                }
            }
            T r = result;
            Throwable f = failure;
            Platform.runLater(() -> {
                pending--;
                busy.set(pending > 0);
                if (gen != generation.get()) return; // stale: a newer edit was made
                if (f != null) onFailure.accept(f);
                else onResult.accept(r);
            });
        });
        return gen;
    }

    /** Stops the worker; a running engine call is interrupted where it can be. */
    public void shutdown() {
        executor.shutdownNow();
    }
}
