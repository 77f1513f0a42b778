package org.backpropviz.cli;

import java.io.PrintStream;
import org.backpropviz.engine.Trace;

/** {@code run FILE…}: forward then backward for each scenario, one JSON line per file in argument order ({@link FileBatch}). */
final class RunCommand {
    private RunCommand() {}

    static int run(String[] files, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (files.length == 0) throw new Cli.UsageException("give at least one scenario file");
        return FileBatch.run(files, out, (s, o) -> {
            Trace t = Trace.evaluate(s.inputs());
            Json.putTrace(o, t);
            return t.error().isPresent() ? Cli.SHAPE_ERROR : Cli.OK;
        });
    }
}
