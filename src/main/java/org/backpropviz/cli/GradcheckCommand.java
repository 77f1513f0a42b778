package org.backpropviz.cli;

import java.io.PrintStream;
import org.backpropviz.engine.GradientCheck;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.Trace;

/**
 * {@code gradcheck FILE…}: for each scenario, for every weight and bias (W1, b1, …, Wn, bn), the largest absolute
 * difference between the backprop gradient and the book's central difference with h = 1e-4; one JSON line per file
 * in argument order ({@link FileBatch}). A scenario whose backward pass stops at a NumPy error gets that
 * {@code "error"} instead.
 */
final class GradcheckCommand {
    private GradcheckCommand() {}

    static int run(String[] files, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (files.length == 0) throw new Cli.UsageException("give at least one scenario file");
        return FileBatch.run(files, out, (s, o) -> {
            Trace t = Trace.evaluate(s.inputs());
            if (t.error().isPresent()) {
                o.set("error", Json.error(t.error().get()));
                return Cli.SHAPE_ERROR;
            }
            for (Param p : s.inputs().trainable()) {
                NDArray numerical = GradientCheck.numerical(s.inputs(), p, GradientCheck.H);
                double d = GradientCheck.maxAbsDifference(t.grad(p).orElseThrow(), numerical);
                o.put(p.label(), d); // NaN is written "NaN", as every number that is not finite
            }
            return Cli.OK;
        });
    }
}
