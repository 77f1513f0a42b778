package org.backpropviz.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The few NumPy operations the two-layer net needs, with NumPy's shape rules for ranks 0, 1 and 2 and
 * NumPy's error messages word for word. Every method returns a new array; no argument is modified.
 *
 * <p>The operations whose result can be larger than their operands ({@code np.dot} and broadcasting) check its
 * size against {@link Limits} before allocating it: the limits given, or {@link Limits#current()}.
 */
public final class Np {
    private Np() {}

    // ------------------------------------------------------------------ np.dot

    /**
     * {@code np.dot(a, b)} for every rank pair: a scalar operand multiplies; 1-D·1-D is the inner product (a scalar);
     * 1-D·2-D and 2-D·1-D drop the vector's dimension; 2-D·2-D is the matrix product.
     *
     * @throws NumpyException {@code shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)} when the summed
     *     dimensions differ
     * @throws LimitException when the result would be over {@link Limits#current()}
     */
    public static NDArray dot(NDArray a, NDArray b) {
        return dot(a, b, Limits.current());
    }

    /** {@link #dot(NDArray, NDArray)} under the given limits. */
    public static NDArray dot(NDArray a, NDArray b, Limits limits) {
        if (a.rank() == 0) return scale(b, a.item());
        if (b.rank() == 0) return scale(a, b.item());
        int aDim = a.rank() - 1;                 // a's last axis
        int bDim = 0;                            // b's first axis (its second-to-last when 2-D)
        int k = a.dim(aDim);
        if (k != b.dim(bDim)) {
            throw NumpyException.shape("shapes " + Shapes.compact(a.shape()) + " and " + Shapes.compact(b.shape())
                    + " not aligned: " + k + " (dim " + aDim + ") != " + b.dim(bDim) + " (dim " + bDim + ")",
                    a.shape(), b.shape());
        }
        if (a.rank() == 2 && b.rank() == 2) grows(limits, new int[] {a.rows(), b.cols()}, a, b); // other ranks never grow
        if (a.rank() == 1 && b.rank() == 1) {
            double s = 0;
            for (int i = 0; i < k; i++) s += a.flat(i) * b.flat(i);
            return NDArray.scalar(s);
        }
        // a is 1×k or m×k; b as a k×n matrix (a 1-D b is a column k×1)
        DMatrixRMaj bm = b.rank() == 1 ? new DMatrixRMaj(k, 1, true, b.matrix().data) : b.matrix();
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), bm.numCols);
        Gemm.mult(a.matrix(), false, bm, false, c);
        if (a.rank() == 1) return NDArray.wrap(new int[] {bm.numCols}, c);
        if (b.rank() == 1) return NDArray.wrap(new int[] {a.rows()}, new DMatrixRMaj(1, a.rows(), true, c.data));
        return NDArray.wrap(new int[] {a.rows(), bm.numCols}, c);
    }

    /** {@link #dotTransposedA(NDArray, NDArray, Limits)} under {@link Limits#current()}. */
    public static NDArray dotTransposedA(NDArray a, NDArray b) {
        return dotTransposedA(a, b, Limits.current());
    }

    /**
     * {@code np.dot(a.T, b)} without building {@code a.T} when both are 2-D; otherwise exactly
     * {@code dot(transpose(a), b)}, with its messages.
     */
    public static NDArray dotTransposedA(NDArray a, NDArray b, Limits limits) {
        if (a.rank() != 2 || b.rank() != 2 || a.rows() != b.rows()) return dot(transpose(a), b, limits);
        grows(limits, new int[] {a.cols(), b.cols()}, a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.cols(), b.cols());
        Gemm.mult(a.matrix(), true, b.matrix(), false, c);
        return NDArray.wrap(new int[] {a.cols(), b.cols()}, c);
    }

    /** {@link #dotTransposedB(NDArray, NDArray, Limits)} under {@link Limits#current()}. */
    public static NDArray dotTransposedB(NDArray a, NDArray b) {
        return dotTransposedB(a, b, Limits.current());
    }

    /**
     * {@code np.dot(a, b.T)} without building {@code b.T} when both are 2-D; otherwise exactly
     * {@code dot(a, transpose(b))}, with its messages.
     */
    public static NDArray dotTransposedB(NDArray a, NDArray b, Limits limits) {
        if (a.rank() != 2 || b.rank() != 2 || a.cols() != b.cols()) return dot(a, transpose(b), limits);
        grows(limits, new int[] {a.rows(), b.rows()}, a, b);
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), b.rows());
        Gemm.mult(a.matrix(), false, b.matrix(), true, c);
        return NDArray.wrap(new int[] {a.rows(), b.rows()}, c);
    }

    /**
     * Checks a result that holds more values than either operand against the limits, before it is allocated. A
     * result no larger than an operand is not checked: that operand exists already.
     */
    static void grows(Limits limits, int[] shape, NDArray a, NDArray b) {
        long n = 1;
        for (int d : shape) n *= d;
        if (n > a.size() && n > b.size()) limits.check(shape);
    }

    /** Which kernel large products use: {@code "native BLAS (JNIBLAS)"} or {@code "EJML"}. */
    public static String matmulBackend() {
        return Gemm.describe();
    }

    /**
     * Looks for the native BLAS now (70-120 ms where one is found) if a product of {@code multiplyAdds} would use it,
     * instead of within the first such product.
     */
    public static void prepareProducts(long multiplyAdds) {
        Gemm.prepare(multiplyAdds);
    }

    /** Turns the native BLAS off (for a baseline) or back on where one exists. */
    public static void useNativeBlas(boolean on) {
        Gemm.setNativeEnabled(on);
    }

    // ------------------------------------------------------------------ shapes

    /** {@code a.T}: a 0-D or 1-D array is returned as it is; a 2-D one is transposed. */
    public static NDArray transpose(NDArray a) {
        if (a.rank() < 2) return a;
        DMatrixRMaj t = new DMatrixRMaj(a.cols(), a.rows());
        CommonOps_DDRM.transpose(a.matrix(), t);
        return NDArray.wrap(new int[] {a.cols(), a.rows()}, t);
    }

    /** {@code np.sum(a, axis=0)}: (m, n) → (n,); (n,) → a scalar. */
    public static NDArray sumAxis0(NDArray a) {
        if (a.rank() == 0) return a; // the scalar NumPy's arithmetic gives: np.sum(s, axis=0) is s
        if (a.rank() == 1) {
            return NDArray.scalar(CommonOps_DDRM.elementSum(a.matrix()));
        }
        DMatrixRMaj s = new DMatrixRMaj(1, a.cols());
        sumRows(a.matrix().data, a.rows(), a.cols(), s.data);
        return NDArray.wrap(new int[] {a.cols()}, s);
    }

    /** {@code s[c] = Σ_r d[r·cols + c]}, summed from row 0 down as NumPy does here. {@code s} is overwritten. */
    static void sumRows(double[] d, int rows, int cols, double[] s) {
        java.util.Arrays.fill(s, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int c = 0; c < cols; c++) s[c] += d[off + c];
        }
    }

    // ------------------------------------------------------------------ element-wise with broadcasting

    /** {@code a + b} with NumPy broadcasting, under {@link Limits#current()}. */
    public static NDArray add(NDArray a, NDArray b) {
        return broadcast(a, b, false, Limits.current());
    }

    /** {@code a + b} with NumPy broadcasting, under the given limits. */
    public static NDArray add(NDArray a, NDArray b, Limits limits) {
        return broadcast(a, b, false, limits);
    }

    /** {@code a - b} with NumPy broadcasting, under {@link Limits#current()}. */
    public static NDArray subtract(NDArray a, NDArray b) {
        return broadcast(a, b, true, Limits.current());
    }

    /** {@code a - b} with NumPy broadcasting, under the given limits. */
    public static NDArray subtract(NDArray a, NDArray b, Limits limits) {
        return broadcast(a, b, true, limits);
    }

    /** The broadcast shape of two shapes, or NumPy's error naming both (its message ends with a space, as NumPy's). */
    public static int[] broadcastShape(int[] sa, int[] sb) {
        int rank = Math.max(sa.length, sb.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - sa.length ? 1 : sa[i - (rank - sa.length)];
            int db = i < rank - sb.length ? 1 : sb[i - (rank - sb.length)];
            if (da != db && da != 1 && db != 1) {
                throw NumpyException.shape("operands could not be broadcast together with shapes "
                        + Shapes.compact(sa) + " " + Shapes.compact(sb) + " ", sa, sb);
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    private static NDArray broadcast(NDArray a, NDArray b, boolean minus, Limits limits) {
        int[] shape = broadcastShape(a.shape(), b.shape());
        grows(limits, shape, a, b);
        int rows = NDArray.rowsOf(shape), cols = NDArray.colsOf(shape);
        DMatrixRMaj c = new DMatrixRMaj(rows, cols);
        double sign = minus ? -1 : 1;
        if (a.sameShape(b)) {
            if (minus) CommonOps_DDRM.subtract(a.matrix(), b.matrix(), c);
            else CommonOps_DDRM.add(a.matrix(), b.matrix(), c);
            return NDArray.wrap(shape, c);
        }
        // each operand seen as a 2-D view that repeats along any dimension of length 1
        double[] ad = a.matrix().data, bd = b.matrix().data;
        int ar = a.rows(), ac = a.cols(), br = b.rows(), bc = b.cols();
        for (int r = 0; r < rows; r++) {
            int aOff = (ar == 1 ? 0 : r) * ac, bOff = (br == 1 ? 0 : r) * bc;
            for (int col = 0; col < cols; col++) {
                c.data[r * cols + col] = ad[aOff + (ac == 1 ? 0 : col)] + sign * bd[bOff + (bc == 1 ? 0 : col)];
            }
        }
        return NDArray.wrap(shape, c);
    }

    /** {@code a * s}. */
    public static NDArray scale(NDArray a, double s) {
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), a.cols());
        CommonOps_DDRM.scale(s, a.matrix(), c);
        return NDArray.wrap(a.shape(), c);
    }

    /** {@code a / s}, element by element as NumPy divides (not a multiplication by 1/s). */
    public static NDArray divide(NDArray a, double s) {
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), a.cols());
        CommonOps_DDRM.divide(a.matrix(), s, c);
        return NDArray.wrap(a.shape(), c);
    }

    // ------------------------------------------------------------------ reductions along the last axis

    /** {@code np.argmax(a, axis=1)} of a 2-D array, giving a 1-D array of indices. */
    public static int[] argmaxAxis1(NDArray a) {
        if (a.rank() != 2) {
            throw new NumpyException("axis 1 is out of bounds for array of dimension " + a.rank(), "AxisError");
        }
        int[] idx = new int[a.rows()];
        for (int r = 0; r < a.rows(); r++) {
            int best = 0;
            for (int c = 1; c < a.cols(); c++) {
                // NumPy's argmax returns the first maximum, and a NaN counts as the maximum
                double v = a.get(r, c), bv = a.get(r, best);
                if (!Double.isNaN(bv) && (v > bv || Double.isNaN(v))) best = c;
            }
            idx[r] = best;
        }
        return idx;
    }

    /**
     * The book's {@code softmax}: {@code x - max(x, axis=-1, keepdims=True)}, then
     * {@code exp / sum(exp, axis=-1, keepdims=True)}; stable for scores in the thousands.
     */
    public static NDArray softmax(NDArray x) {
        // a scalar: x - max(x) is 0 and exp(0) / exp(0) is 1 (NumPy accepts axis=-1 on a scalar)
        if (x.rank() == 0) return Double.isNaN(x.item()) ? x : NDArray.scalar(1.0);
        DMatrixRMaj y = new DMatrixRMaj(x.rows(), x.cols());
        softmaxRows(x.matrix().data, x.rows(), x.cols(), y.data, new double[x.cols()]);
        return NDArray.wrap(x.shape(), y);
    }

    /**
     * The softmax of each row of {@code in} ({@code rows × cols}, row-major) into {@code out}; {@code e} (at least
     * {@code cols} long) is scratch. {@code in} is not modified; {@code out} and {@code e} are.
     */
    static void softmaxRows(double[] in, int rows, int cols, double[] out, double[] e) {
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            double max = in[off];
            for (int c = 1; c < cols; c++) max = nanMax(max, in[off + c]);
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                e[c] = Math.exp(in[off + c] - max);
                sum += e[c];
            }
            for (int c = 0; c < cols; c++) out[off + c] = e[c] / sum;
        }
    }

    /** NumPy's {@code max}: NaN propagates. */
    private static double nanMax(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
        return Math.max(a, b);
    }
}
