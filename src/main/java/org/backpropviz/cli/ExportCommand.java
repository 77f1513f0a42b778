package org.backpropviz.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.NumpyExport;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioException;
import org.backpropviz.scenario.ScenarioFormat;

/**
 * {@code export --numpy OUT.py FILE}: the NumPy script the window's "Export NumPy code" writes for the scenario
 * (stepped to the end of the iteration, or to the step NumPy raises at), written whole or not at all. Prints nothing
 * on success; a refusal is one line on standard error naming the option or the file, exit status 2, and nothing is
 * written.
 */
final class ExportCommand {
    static final String SYNOPSIS = "export --numpy OUT.py FILE";

    private ExportCommand() {}

    /** A refusal: one line naming the place. */
    private static final class Refusal extends Exception {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            export(args);
            return Cli.OK;
        } catch (Refusal r) {
            err.println(r.getMessage());
            return Cli.INVALID;
        }
    }

    private static void export(String[] args) throws Refusal {
        String numpy = null, file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--numpy")) {
                if (numpy != null) throw new Refusal("export: --numpy is given twice (usage: " + SYNOPSIS + ")");
                if (i + 1 == args.length) throw new Refusal("export: --numpy needs the file to write (usage: " + SYNOPSIS + ")");
                numpy = args[++i];
                if (numpy.isEmpty()) throw new Refusal("export: --numpy: the file name is empty (usage: " + SYNOPSIS + ")");
            } else if (a.startsWith("--")) {
                throw new Refusal("export: unknown option " + a + "; the format to write is --numpy (usage: " + SYNOPSIS + ")");
            } else if (file != null) {
                throw new Refusal("export: give one scenario FILE, not several (\"" + file + "\", \"" + a + "\"; usage: " + SYNOPSIS + ")");
            } else {
                file = a;
            }
        }
        if (numpy == null) throw new Refusal("export: --numpy OUT.py is missing: say where to write the script (usage: " + SYNOPSIS + ")");
        if (file == null) throw new Refusal("export: the scenario FILE is missing (usage: " + SYNOPSIS + ")");

        Path in = path(file), target = path(numpy);
        Scenario s;
        try {
            s = ScenarioFormat.read(in);
        } catch (ScenarioException e) {
            throw new Refusal(file + ": " + e.getMessage());
        }
        checkTarget(numpy, target, in);
        try {
            NumpyExport.write(target, script(s));
        } catch (IOException e) {
            throw new Refusal(numpy + ": cannot write the script: " + e.getMessage());
        }
    }

    /** The window's script: the scenario stepped like the window steps it, to its furthest snapshot. */
    static String script(Scenario s) {
        Trace t = Trace.start(s.inputs());
        while (t.next().isPresent()) t = t.step();
        return NumpyExport.script(s, t);
    }

    private static Path path(String name) throws Refusal {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new Refusal(name + ": not a possible file name: " + e.getReason());
        }
    }

    /** OUT must be a file (new or old) in a folder that exists, and not the scenario file itself. */
    private static void checkTarget(String name, Path target, Path scenario) throws Refusal {
        if (Files.isDirectory(target)) throw new Refusal(name + ": is a folder; give the name of the .py file to write");
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new Refusal(name + ": no such folder: " + (folder == null ? name : folder));
        }
        try {
            if (Files.exists(target) && Files.isSameFile(target, scenario)) {
                throw new Refusal(name + ": is the scenario file itself; writing the script there would replace it");
            }
        } catch (IOException e) {
            throw new Refusal(name + ": cannot check the file: " + e.getMessage());
        }
    }
}
