package org.backpropviz;

import org.backpropviz.cli.Cli;

/**
 * The jar's entry point. With no arguments it opens the window (in a child JVM that maps the start-up archive,
 * when started by {@code java -jar}: see {@link org.backpropviz.launch.WindowJvm}); with a command it runs
 * headless and never touches JavaFX (the app's classes are only loaded on the first branch).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            var child = org.backpropviz.launch.WindowJvm.relaunch();
            if (child.isPresent()) {
                System.exit(child.get());
            }
            org.backpropviz.app.AppLauncher.main(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
