package org.backpropviz.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The headless commands: {@code run}, {@code gradcheck}, {@code bench} and {@code train}. Each prints JSON on standard
 * output, a usage error as one line on standard error, and never a stack trace; {@code run} and {@code gradcheck}
 * report each file on its own line of standard output, a bad one too ({@link FileBatch}).
 */
public final class Cli {
    /** Exit statuses. */
    public static final int OK = 0, SHAPE_ERROR = 1, INVALID = 2;

    static final String USAGE = String.join("\n",
            "usage: java -jar backprop-visualizer.jar [COMMAND ...]",
            "",
            "With no command, opens the Backprop Visualizer window.",
            "",
            "commands:",
            "  run FILE...        evaluate each scenario (forward, then backward) and print one JSON object per file",
            "  gradcheck FILE...  compare backprop gradients with central differences (h = 1e-4); prints the largest",
            "                     absolute difference for every W and b (W1, b1, ..., Wn, bn), one JSON object per file",
            "                     (both: a bad file gets its own line and the next files still run; exit status: 0 all",
            "                     done, 1 a file stopped at a NumPy error, 2 a file invalid or failed: the worst of them)",
            "  bench [--batch N] [--in D] [--hidden H] [--classes C] [--seconds S] [--ejml]",
            "                     time one forward+backward pass on random data (default: the book's MNIST net,",
            "                     --batch 100 --in 784 --hidden 50 --classes 10); --ejml: no native BLAS, the baseline",
            "  train --data iris|digits|FILE.csv [--hidden H[,H...]] [--activation relu|sigmoid[,...]] [--lr LR]",
            "        [--batch B] [--epochs E] [--seed S] [--init-std SD] [--test-fraction F] [--no-scale]",
            "        [--target-accuracy A] [--plateau N]",
            "                     train a net headless (default: the book's two-layer net, one hidden ReLU layer;",
            "                     --hidden 50,50 for two hidden layers, --activation one kind for all or one per layer);",
            "                     one JSON object per epoch, then the totals",
            "  export --numpy OUT.py FILE",
            "                     write the NumPy script the window's \"Export NumPy code\" writes for the scenario",
            "  --help             show this text",
            "");

    /** The commands' names, for the usage error. */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("run", "gradcheck", "bench", "train", "export");

    private Cli() {}

    /** Runs one command line; returns the exit status. Nothing it prints is a stack trace. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return OK;
        }
        if (!COMMANDS.contains(args[0])) {
            err.println("unknown command \"" + args[0] + "\"");
            err.print(USAGE);
            return INVALID;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            // called by name, not through a table of method references: those loaded and verified every command's
            // class, and with run's and bench's the JSON library, before train could start (see docs/performance.md)
            return switch (args[0]) {
                case "run" -> RunCommand.run(rest, out, err);
                case "gradcheck" -> GradcheckCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "train" -> TrainCommand.run(rest, out, err);
                default -> ExportCommand.run(rest, out, err);
            };
        } catch (UsageException e) { // one line: the usage would bury it
            err.println(args[0] + ": " + e.getMessage());
            return INVALID;
        } catch (RuntimeException | Error e) {
            err.println(args[0] + ": " + failure(e));
            return INVALID;
        }
    }

    /**
     * One line for a command's unexpected failure: a class missing from the install in plain words, anything else (a
     * class whose initialisation failed too: "Could not initialize class …") by its kind and message.
     */
    static String failure(Throwable e) {
        String missing = e instanceof NoClassDefFoundError ? e.getMessage() : null;
        if (missing != null && !missing.contains(" ")) {
            return "a library the app needs is missing (" + missing.replace('/', '.') + "): keep the lib folder that came with the jar"
                    + " beside it";
        }
        return "internal error: " + e;
    }

    /** A command line that does not fit its command. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
