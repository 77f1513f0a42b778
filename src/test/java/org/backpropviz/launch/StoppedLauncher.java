package org.backpropviz.launch;

import java.nio.file.Path;
import java.util.List;

/**
 * A launcher in a JVM of its own, for {@link WindowJvmTest}: it starts a child JVM that only waits, the way
 * {@code Main} starts the window, and leaves as {@code Main} does.
 */
final class StoppedLauncher {
    private StoppedLauncher() {}

    /** {@code args[0]}: the archive the child records. */
    public static void main(String[] args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var plan = new WindowJvm.Plan(java, List.of("-cp", System.getProperty("java.class.path"), Window.class.getName()),
                Path.of(args[0]), System.currentTimeMillis());
        // another shutdown hook that takes a while (the JDK's own may): the JVM stays up after WindowJvm's hook has
        // closed the window, long enough for this thread to go on and show what it does next
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }));
        var code = WindowJvm.run(plan);
        if (code.isPresent()) System.exit(code.get());
        System.err.println("opening the window in the launcher's JVM");
    }

    /** The child: says its pid and waits to be closed. */
    static final class Window {
        private Window() {}

        public static void main(String[] args) throws InterruptedException {
            System.out.println("window " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
