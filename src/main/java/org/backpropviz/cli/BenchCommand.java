package org.backpropviz.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Random;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Trace;

/**
 * {@code bench}: the time of one full forward+backward pass (all four parameter gradients and dx) on random data.
 * Passes are timed in groups long enough for the clock (at least 200 µs), after a warm-up; the median and the
 * minimum per pass are printed.
 */
final class BenchCommand {
    private BenchCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Cli.UsageException {
        int batch = 100, in = 784, hidden = 50, classes = 10;
        double seconds = 3;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--ejml")) { // the baseline: EJML for every product, even where a native BLAS exists
                org.backpropviz.engine.Np.useNativeBlas(false);
                continue;
            }
            if (i + 1 >= args.length) throw new Cli.UsageException(a + " needs a value");
            String v = args[++i];
            switch (a) {
                case "--batch" -> batch = Options.positiveInt(a, v);
                case "--in" -> in = Options.positiveInt(a, v);
                case "--hidden" -> hidden = Options.positiveInt(a, v);
                case "--classes" -> classes = Options.positiveInt(a, v);
                case "--seconds" -> {
                    seconds = Options.number(a, v);
                    if (!(seconds > 0 && seconds <= 600)) throw new Cli.UsageException("--seconds must be between 0 and 600");
                }
                default -> throw new Cli.UsageException("unknown option " + a);
            }
        }
        NetInputs net = randomNet(batch, in, hidden, classes, new Random(42));
        if (!Trace.evaluate(net).isComplete()) throw new IllegalStateException("the benchmark net did not evaluate");

        // warm-up: a third of the time, at least once
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        int group = 1;
        while (true) {
            long t0 = System.nanoTime();
            for (int k = 0; k < group; k++) sink(Trace.evaluate(net));
            long dt = System.nanoTime() - t0;
            if (dt < 200_000) group *= 2;
            if (System.nanoTime() > warmEnd) break;
        }
        long end = System.nanoTime() + (long) (seconds * 2 / 3 * 1e9);
        double[] perPass = new double[100_000];
        int n = 0;
        while ((n < 5 || System.nanoTime() < end) && n < perPass.length) {
            long t0 = System.nanoTime();
            for (int k = 0; k < group; k++) sink(Trace.evaluate(net));
            perPass[n++] = (System.nanoTime() - t0) / 1e3 / group;
        }
        double[] sorted = Arrays.copyOf(perPass, n);
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        ObjectNode o = Json.F.objectNode();
        o.put("batch", batch).put("in", in).put("hidden", hidden).put("classes", classes);
        o.put("median_us", round(median)).put("min_us", round(sorted[0]));
        o.put("samples", n).put("passes_per_sample", group).put("matmul", org.backpropviz.engine.Np.matmulBackend());
        out.println(Json.line(o));
        return Cli.OK;
    }

    private static double round(double us) {
        return Math.round(us * 1000) / 1000.0;
    }

    private static volatile Object blackhole;

    private static void sink(Object o) {
        blackhole = o;
    }

    /** The book's initialisation: weights with standard deviation 0.01, zero biases, one-hot targets. */
    static NetInputs randomNet(int batch, int in, int hidden, int classes, Random rnd) {
        double[] t = new double[batch * classes];
        for (int r = 0; r < batch; r++) t[r * classes + rnd.nextInt(classes)] = 1;
        return new NetInputs(normal(new int[] {batch, in}, 1.0, rnd), normal(new int[] {in, hidden}, 0.01, rnd),
                NDArray.full(new int[] {hidden}, 0), normal(new int[] {hidden, classes}, 0.01, rnd),
                NDArray.full(new int[] {classes}, 0), NDArray.of(new int[] {batch, classes}, t));
    }

    private static NDArray normal(int[] shape, double std, Random rnd) {
        double[] v = new double[shape[0] * shape[1]];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextGaussian() * std;
        return NDArray.of(shape, v);
    }
}
