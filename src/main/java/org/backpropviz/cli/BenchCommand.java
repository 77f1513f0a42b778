package org.backpropviz.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Trace;
import org.backpropviz.engine.train.Dataset;
import org.backpropviz.engine.train.TrainConfig;

/**
 * {@code bench}: the time of one full forward+backward pass (all four parameter gradients and dx) on random data.
 * Passes are timed in groups long enough for the clock (at least 200 µs), after a warm-up that lasts until the heap's
 * young generation has stopped growing (see {@link HeapSettling}); the median and the minimum per pass are printed.
 * The sizes take the window's limits (batch up to 10000, input up to the 10000 features of a data set, hidden up to
 * 1000, classes up to 1000), and together no more than {@link #MAX_PASS_BYTES} for one pass.
 */
final class BenchCommand {
    private BenchCommand() {}

    /** The most memory one pass may take: the arrays of {@link #passDoubles}, as doubles. */
    static final long MAX_PASS_BYTES = 512L << 20;

    static int run(String[] args, PrintStream out, PrintStream err) throws Cli.UsageException {
        Map<String, String> options = Options.parse(args, Set.of("--batch", "--in", "--hidden", "--classes", "--seconds"), Set.of("--ejml"));
        int batch = options.containsKey("--batch") ? Options.whole("--batch", options.get("--batch"), 1, TrainConfig.MAX_BATCH) : 100;
        int in = options.containsKey("--in") ? Options.whole("--in", options.get("--in"), 1, Dataset.MAX_FEATURES) : 784;
        int hidden = options.containsKey("--hidden") ? Options.whole("--hidden", options.get("--hidden"), 1, TrainConfig.MAX_HIDDEN) : 50;
        int classes = options.containsKey("--classes") ? Options.whole("--classes", options.get("--classes"), 1, Dataset.MAX_CLASSES) : 10;
        double seconds = options.containsKey("--seconds")
                ? Options.number("--seconds", options.get("--seconds"), v -> v > 0 && v <= 600, "a number greater than 0 and at most 600") : 3;
        long bytes = passDoubles(batch, in, hidden, classes) * Double.BYTES;
        if (bytes > MAX_PASS_BYTES) {
            throw new Cli.UsageException("--batch " + batch + ", --in " + in + ", --hidden " + hidden + " and --classes " + classes
                    + " need about " + size(bytes) + " for one pass; at most " + size(MAX_PASS_BYTES));
        }
        if (options.containsKey("--ejml")) org.backpropviz.engine.Np.useNativeBlas(false); // the baseline: EJML for every product
        NetInputs net = randomNet(batch, in, hidden, classes, new Random(42));
        if (!Trace.evaluate(net).isComplete()) throw new IllegalStateException("the benchmark net did not evaluate");

        // warm-up: a third of the time, at least once, and on until the young generation has stopped growing (for at
        // most the whole time again)
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        long warmLimit = System.nanoTime() + (long) (seconds * 1e9);
        HeapSettling heap = new HeapSettling();
        int group = 1;
        while (true) {
            long t0 = System.nanoTime();
            for (int k = 0; k < group; k++) sink(Trace.evaluate(net));
            long dt = System.nanoTime() - t0;
            if (dt < 200_000) group *= 2;
            long now = System.nanoTime();
            if (now > warmLimit || now > warmEnd && heap.settled()) break;
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

    /**
     * Whether the heap's young generation has stopped growing: a pass allocates its arrays anew (the trace keeps every
     * value and gradient), and while the collector grows the young generation each pass writes into memory the
     * process has never touched, whose first-touch page faults can cost more than the pass itself (4 ms against 0.6
     * ms for the book's MNIST net on a sandboxed machine). Settled: two young collections since its committed size
     * last changed, so every page of it has been written at least once.
     */
    private static final class HeapSettling {
        private final java.util.List<java.lang.management.MemoryPoolMXBean> young = new java.util.ArrayList<>();
        private final java.util.List<java.lang.management.GarbageCollectorMXBean> collectors =
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        private long committed = -1, collectionsAtChange = -1;

        HeapSettling() {
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getName().contains("Eden")) young.add(pool);
            }
        }

        boolean settled() {
            if (young.isEmpty()) return true; // a collector without an eden pool: nothing to wait for
            long c = 0;
            for (var pool : young) c += pool.getUsage().getCommitted();
            long collections = 0;
            for (var gc : collectors) collections += Math.max(0, gc.getCollectionCount());
            if (c != committed) {
                committed = c;
                collectionsAtChange = collections;
                return false;
            }
            return collections - collectionsAtChange >= 2;
        }
    }

    /**
     * The doubles one forward+backward pass holds at once: the inputs (x, W1, W2, t), the forward values (two of
     * batch × hidden, two of batch × classes), the backward values (batch × classes, two of batch × hidden, dx) and the
     * gradients; the biases are left out.
     */
    static long passDoubles(long batch, long in, long hidden, long classes) {
        return 2 * batch * in + 2 * in * hidden + 4 * batch * hidden + 4 * batch * classes + 2 * hidden * classes;
    }

    private static String size(long bytes) {
        double mb = bytes / (double) (1 << 20);
        return mb < 1024 ? Math.round(mb) + " MB" : String.format(java.util.Locale.ROOT, "%.1f GB", mb / 1024);
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
