package org.backpropviz;

import org.backpropviz.app.shell.AppLauncher;
import org.backpropviz.cli.Cli;

/**
 * The jar's entry point. With no arguments it opens the window (in a child JVM that maps the start-up archive,
 * when started by {@code java -jar}: see {@link org.backpropviz.launch.WindowJvm}); with a command it runs
 * headless and never touches JavaFX (the app's classes are only loaded on the first branch). A setting of the engine
 * that cannot be taken ({@code -Dbackpropviz.maxResultValues=lots}) is named on standard error, and nothing starts.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        var problem = org.backpropviz.engine.Limits.settingProblem(); // e.g. -Dbackpropviz.maxResultValues=lots
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(Cli.INVALID);
        }
        if (args.length == 0) {
            var child = org.backpropviz.launch.WindowJvm.relaunch();
            if (child.isPresent()) {
                System.exit(child.get());
            }
            org.backpropviz.app.shell.AppLauncher.main(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
