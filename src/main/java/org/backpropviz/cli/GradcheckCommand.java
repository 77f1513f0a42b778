package org.backpropviz.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import org.backpropviz.engine.GradientCheck;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;
import org.backpropviz.scenario.Scenario;
import org.backpropviz.scenario.ScenarioException;
import org.backpropviz.scenario.ScenarioFormat;

/**
 * {@code gradcheck FILE}: for every weight and bias (W1, b1, …, Wn, bn), the largest absolute difference between the
 * backprop gradient and the book's central difference with h = 1e-4.
 */
final class GradcheckCommand {
    private GradcheckCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (args.length != 1) throw new Cli.UsageException("give exactly one scenario file");
        Scenario s;
        try {
            s = ScenarioFormat.read(Path.of(args[0]));
        } catch (ScenarioException e) {
            err.println(args[0] + ": " + e.getMessage());
            out.println(Json.line(Json.F.objectNode().put("file", args[0]).put("invalid", e.getMessage())));
            return Cli.INVALID;
        }
        Trace t = Trace.evaluate(s.inputs());
        if (t.error().isPresent()) {
            err.println(args[0] + ": the backward pass stops at " + t.error().get().node() + " (" + t.error().get().phase().id()
                    + "): " + t.error().get().message());
            ObjectNode o = Json.F.objectNode().put("file", args[0]);
            o.set("error", Json.error(t.error().get()));
            out.println(Json.line(o));
            return Cli.SHAPE_ERROR;
        }
        ObjectNode o = Json.F.objectNode();
        for (Param p : s.inputs().trainable()) {
            NDArray numerical = GradientCheck.numerical(s.inputs(), p, GradientCheck.H);
            double d = GradientCheck.maxAbsDifference(t.grad(p).orElseThrow(), numerical);
            if (Double.isNaN(d)) o.putNull(p.label());
            else o.put(p.label(), d);
        }
        out.println(Json.line(o));
        return Cli.OK;
    }
}
