package org.backpropviz.engine;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Matrix products {@code C = op(A)·op(B)} for the engine, where {@code op} is the identity or a transpose.
 *
 * <p>Large products go to a native BLAS through the netlib binding, which is several times faster than EJML's kernels
 * there: the OpenBLAS the app ships ({@link BundledBlas}), else the system's {@code libblas.so.3}. Without a native
 * library, or for small products where a native call costs more than it saves, EJML computes them: single-threaded
 * below {@link #CONCURRENT_FLOPS}, concurrent above.
 * Both paths give the same results within rounding (see the engine tests).
 */
final class Gemm {
    /** Above this many multiply-adds EJML uses its concurrent kernel (its fork/join costs 100–250 µs a call). */
    static final long CONCURRENT_FLOPS = Long.getLong("backpropviz.concurrentFlops", 4_000_000L);
    /** Up to this many multiply-adds a product is computed by {@link #small}, whatever the BLAS. */
    static final long SMALL_FLOPS = 8192;

    /**
     * From this many multiply-adds a native BLAS is used, when there is one: every product {@link #small} does not
     * take. A native call costs about a microsecond, less than EJML's kernels take for such a product; and a training
     * run then compiles no EJML kernel (the digits' last batch of each epoch and the accuracies' last rows are
     * 17,000–19,000 multiply-adds: EJML's three kernels took 80 ms of a compiler thread while the loop ran).
     */
    static final long NATIVE_FLOPS = SMALL_FLOPS + 1;

    /** Up to this many elements of b, {@code a·bᵀ} in EJML reads b in place rather than transposing it first. */
    static final int SMALL_TRANSPOSE = 4096;

    private static volatile boolean nativeOff = Boolean.getBoolean("backpropviz.noNativeBlas");

    private Gemm() {}

    /**
     * The native BLAS, looked for on the first large product (not when the engine first loads: the lesson's small
     * nets never need it, and loading it costs the window's start-up about 40 ms of CPU).
     */
    private static final class Native {
        /**
         * The binding's logger, held here: the logging framework keeps loggers only weakly, so a collection between
         * setting its level and the binding's first message could lose the level (a stray "Failed to load
         * implementation" warning on stderr, seen once in about thirty runs).
         */
        private static Logger netlibLog;
        static final BLAS BLAS = load();

        /** The binding's property naming the library it opens (default: the system's {@code libblas.so.3}). */
        private static final String LIBRARY_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
        /** Which library {@link #BLAS} runs on, for {@link #describe()}: set by {@link #load()}, which runs first. */
        private static String library;

        private static BLAS load() {
            library = "system libblas.so.3";
            // the OpenBLAS the app ships, unless a library was named on the command line or the system's is asked for.
            // Loaded first, before the logging's set-up (some 20 ms): OpenBLAS's second thread spins for about 0.1 s
            // after the library starts, and the sooner that is over, the less it takes from what follows
            if (System.getProperty(LIBRARY_PATH) == null && !Boolean.getBoolean("backpropviz.systemBlas")) {
                java.nio.file.Path bundled = BundledBlas.install(org.backpropviz.launch.Home.get());
                if (bundled != null) {
                    System.setProperty(LIBRARY_PATH, bundled.toString());
                    library = BundledBlas.NAME + ", bundled";
                }
            } else if (System.getProperty(LIBRARY_PATH) != null) {
                library = System.getProperty(LIBRARY_PATH);
            }
            // a missing native library is normal: EJML takes over, no warning for the user
            netlibLog = Logger.getLogger("dev.ludovic.netlib");
            netlibLog.setLevel(Level.OFF);
            try {
                return NativeBLAS.getInstance();
            } catch (Throwable e) { // no libblas.so.3, another OS, or a blocked JNI load
                return null;
            }
        }
    }

    private static boolean useNative() {
        return !nativeOff && Native.BLAS != null;
    }

    /** Loads the native BLAS now if a product of {@code multiplyAdds} would go to it. */
    static void prepare(long multiplyAdds) {
        if (multiplyAdds >= NATIVE_FLOPS) useNative();
    }

    /** Which path large products take: "native BLAS (…)" or "EJML". */
    static String describe() {
        return useNative() ? "native BLAS (" + Native.library + ")" : "EJML";
    }

    /** For benchmarks and tests: turn the native path off or on again (only on where a native BLAS exists). */
    static void setNativeEnabled(boolean on) {
        nativeOff = !on;
    }

    /**
     * {@code c = op(a)·op(b)}, all row-major. {@code c} is modified and must have the result's shape and not alias
     * {@code a} or {@code b}; {@code a} and {@code b} are not modified.
     */
    static void mult(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB, DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int n = transB ? b.numRows : b.numCols;
        long flops = (long) m * n * k;
        if (flops >= NATIVE_FLOPS && useNative()) {
            nativeMult(a, transA, b, transB, c, m, n, k);
            return;
        }
        if (flops <= SMALL_FLOPS) {
            small(a, transA, b, transB, c, m, n, k);
            return;
        }
        ejmlMult(a, transA, b, transB, c, flops >= CONCURRENT_FLOPS);
    }

    /**
     * {@code c = op(a)·op(b)} for a small product, in one loop nest for every pair of transposes (an operand's
     * transpose is a swap of its two strides, never a copy): each element summed over k in order from 0.0, as EJML's
     * kernels sum it. One method for every small product gets compiled after a few hundred calls, where EJML's four
     * kernels and their checks each wait for their own calls: iris's training is that warm-up, nothing else.
     */
    private static void small(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB, DMatrixRMaj c, int m, int n, int k) {
        double[] ad = a.data, bd = b.data, cd = c.data;
        int ai = transA ? 1 : a.numCols, ap = transA ? a.numCols : 1; // a's element (i, p) of op(a) is ad[i·ai + p·ap]
        int bp = transB ? 1 : b.numCols, bj = transB ? b.numCols : 1; // op(b)'s (p, j) is bd[p·bp + j·bj]
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += ad[i * ai + p * ap] * bd[p * bp + j * bj];
                cd[i * n + j] = sum;
            }
        }
    }

    /** Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: swap the operands, keep the flags. */
    private static void nativeMult(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB, DMatrixRMaj c, int m, int n, int k) {
        Native.BLAS.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b.data, 0, b.numCols, a.data, 0, a.numCols,
                0.0, c.data, 0, n);
    }

    private static void ejmlMult(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB, DMatrixRMaj c, boolean concurrent) {
        if (transB && !concurrent && (long) b.numRows * b.numCols <= SMALL_TRANSPOSE) {
            // a small b: EJML's dot-product loop, no transposed copy to allocate (iris's every backward step)
            CommonOps_DDRM.multTransB(a, b, c);
            return;
        }
        if (transB) { // an explicit transpose and then mult beats EJML's multTransB on large products
            DMatrixRMaj bt = new DMatrixRMaj(b.numCols, b.numRows);
            CommonOps_DDRM.transpose(b, bt);
            b = bt;
        }
        if (transA) {
            if (concurrent) CommonOps_MT_DDRM.multTransA(a, b, c);
            else CommonOps_DDRM.multTransA(a, b, c);
        } else {
            if (concurrent) CommonOps_MT_DDRM.mult(a, b, c);
            else CommonOps_DDRM.mult(a, b, c);
        }
    }
}
