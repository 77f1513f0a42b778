package org.backpropviz.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioException;
import org.backpropviz.scenario.ScenarioFormat;

/** {@code run FILE…}: forward then backward for each scenario, one JSON line per file in argument order. */
final class RunCommand {
    private RunCommand() {}

    static int run(String[] files, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (files.length == 0) throw new Cli.UsageException("give at least one scenario file");
        int status = Cli.OK;
        for (String file : files) {
            ObjectNode o = Json.F.objectNode();
            o.put("file", file);
            try {
                Scenario s = ScenarioFormat.read(Path.of(file));
                Trace t = Trace.evaluate(s.inputs());
                Json.putTrace(o, t);
                if (t.error().isPresent()) status = Math.max(status, Cli.SHAPE_ERROR);
            } catch (ScenarioException e) {
                o.put("invalid", e.getMessage());
                err.println(file + ": " + e.getMessage());
                status = Cli.INVALID;
            }
            out.println(Json.line(o));
        }
        return status;
    }
}
