package org.backpropviz.app.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * One named daemon thread for file reads and writes. Tasks run one after another in the order they were queued, so
 * a later write of a file never overtakes an earlier one. {@link #run} hands a task's result or failure back to the
 * JavaFX thread; whatever a task throws, an {@link Error} included, ends that task only and the thread goes on.
 */
public final class IoThread {
    private final ExecutorService executor;

    /** A thread with this name (shown in thread dumps), e.g. "backpropviz-io". */
    public IoThread(String name) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** One piece of file work that returns a value or fails. */
    @FunctionalInterface
    public interface Task<T> {
        T call() throws Exception;
    }

    /**
     * Runs {@code task} on this thread; then, on the JavaFX thread, passes its result to {@code onResult} or its
     * failure to {@code onFailure}. The returned future completes (on the JavaFX thread, after the callback) with
     * true when the task succeeded.
     */
    public <T> CompletableFuture<Boolean> run(Task<T> task, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            T result;
            try {
                result = task.call();
            } catch (Exception | Error e) {
                Platform.runLater(() -> {
                    onFailure.accept(e);
                    done.complete(false);
                });
                return;
            }
            Platform.runLater(() -> {
                onResult.accept(result);
                done.complete(true);
            });
        });
        return done;
    }

    /** Queues work whose failure nobody needs to hear about (it is retried by a later task). */
    public void execute(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // best effort: see the caller's comment for what retries it
            }
        });
    }

    /** Lets the queued tasks finish, waiting at most {@code seconds}; later tasks are refused. */
    public void close(long seconds) {
        executor.shutdown();
        try {
            executor.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
