package org.backpropviz.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The few NumPy operations the book's networks need, with NumPy's shape rules for ranks 0 to 6 and
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

    /**
     * {@link #dot(NDArray, NDArray)} under the given limits. For ranks over 2, as NumPy: the sum runs over a's last
     * axis and b's second-to-last, and the result's shape is {@code a.shape[:-1] + b.shape[:-2] + b.shape[-1:]}.
     */
    public static NDArray dot(NDArray a, NDArray b, Limits limits) {
        if (a.rank() == 0) return scale(b, a.item());
        if (b.rank() == 0) return scale(a, b.item());
        int aDim = a.rank() - 1;                 // a's last axis
        int bDim = Math.max(0, b.rank() - 2);    // b's second-to-last axis (its only one when 1-D)
        int k = a.dim(aDim);
        if (k != b.dim(bDim)) {
            throw NumpyException.shape("shapes " + Shapes.compact(a.shape()) + " and " + Shapes.compact(b.shape())
                    + " not aligned: " + k + " (dim " + aDim + ") != " + b.dim(bDim) + " (dim " + bDim + ")",
                    a.shape(), b.shape());
        }
        int[] shape = dotShape(a.shape(), b.shape());
        grows(limits, shape, a, b);
        if (a.rank() == 1 && b.rank() == 1) {
            double s = 0;
            for (int i = 0; i < k; i++) s += a.flat(i) * b.flat(i);
            return NDArray.scalar(s);
        }
        if (b.rank() > 2) return stackedDot(a, b, shape);
        // a as its rows×k view (1×k when 1-D); b as a k×n matrix (a 1-D b is a column k×1)
        DMatrixRMaj bm = b.rank() == 1 ? new DMatrixRMaj(k, 1, true, b.matrix().data) : b.matrix();
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), bm.numCols);
        Gemm.mult(a.matrix(), false, bm, false, c);
        return NDArray.wrap(shape, new DMatrixRMaj(NDArray.rowsOf(shape), NDArray.colsOf(shape), true, c.data));
    }

    /** The shape {@code np.dot} gives two aligned shapes of rank 1 or more. */
    static int[] dotShape(int[] a, int[] b) {
        int[] out = new int[a.length - 1 + Math.max(0, b.length - 1)];
        System.arraycopy(a, 0, out, 0, a.length - 1);
        if (b.length >= 2) {
            System.arraycopy(b, 0, out, a.length - 1, b.length - 2);
            out[out.length - 1] = b[b.length - 1];
        }
        return out;
    }

    /** {@code np.dot(a, b)} for a b of rank 3 or more: every k×n matrix of b, multiplied by a's rows×k view. */
    private static NDArray stackedDot(NDArray a, NDArray b, int[] shape) {
        int k = b.dim(b.rank() - 2), n = b.dim(b.rank() - 1), p = a.rows(), q = b.size() / (k * n);
        double[] bd = b.matrix().data, out = new double[p * q * n];
        DMatrixRMaj c = new DMatrixRMaj(p, n);
        for (int j = 0; j < q; j++) {
            DMatrixRMaj bj = new DMatrixRMaj(k, n, true, java.util.Arrays.copyOfRange(bd, j * k * n, (j + 1) * k * n));
            Gemm.mult(a.matrix(), false, bj, false, c);
            for (int i = 0; i < p; i++) System.arraycopy(c.data, i * n, out, (i * q + j) * n, n);
        }
        return NDArray.wrap(shape, new DMatrixRMaj(NDArray.rowsOf(shape), NDArray.colsOf(shape), true, out));
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
        NDArray.checkRank(shape, "the result");
        long n = 1;
        for (int d : shape) n = n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
        if (n > a.size() && n > b.size()) limits.check(shape);
    }

    /** Which kernel large products use: {@code "native BLAS (OpenBLAS 0.3.31, bundled)"} or {@code "EJML"}. */
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

    /**
     * {@code a.T}: a 0-D or 1-D array is returned as it is; a 2-D one is transposed; a higher rank has its axes
     * reversed, as NumPy's {@code .T}: (2, 3, 4) becomes (4, 3, 2).
     */
    public static NDArray transpose(NDArray a) {
        if (a.rank() < 2) return a;
        if (a.rank() == 2) {
            DMatrixRMaj t = new DMatrixRMaj(a.cols(), a.rows());
            CommonOps_DDRM.transpose(a.matrix(), t);
            return NDArray.wrap(new int[] {a.cols(), a.rows()}, t);
        }
        int[] shape = a.shape(), reversed = new int[shape.length];
        for (int i = 0; i < shape.length; i++) reversed[i] = shape[shape.length - 1 - i];
        // element i of a, at index (i0, …, ik), goes to (ik, …, i0): its position there is Σ i_j · stride of axis j in reversed order
        int[] stride = new int[shape.length];
        for (int j = 0, s = 1; j < shape.length; j++) {
            stride[j] = s;  // axis j of a is axis (rank−1−j) of the result, whose stride is the product of the axes after it
            s *= shape[j];
        }
        double[] in = a.matrix().data, out = new double[a.size()];
        int[] idx = new int[shape.length];
        for (int i = 0, n = a.size(); i < n; i++) {
            int pos = 0;
            for (int j = 0; j < shape.length; j++) pos += idx[j] * stride[j];
            out[pos] = in[i];
            for (int j = shape.length - 1; j >= 0 && ++idx[j] == shape[j]; j--) idx[j] = 0;
        }
        return NDArray.wrap(reversed, new DMatrixRMaj(NDArray.rowsOf(reversed), NDArray.colsOf(reversed), true, out));
    }

    /** {@code np.sum(a, axis=0)}: (m, n) → (n,); (n,) → a scalar; (d0, d1, …) → (d1, …). */
    public static NDArray sumAxis0(NDArray a) {
        if (a.rank() == 0) return a; // the scalar NumPy's arithmetic gives: np.sum(s, axis=0) is s
        if (a.rank() == 1) {
            return NDArray.scalar(CommonOps_DDRM.elementSum(a.matrix()));
        }
        int[] rest = java.util.Arrays.copyOfRange(a.shape(), 1, a.rank());
        int cols = a.size() / a.dim(0);
        double[] s = new double[cols];
        sumRows(a.matrix().data, a.dim(0), cols, s);
        return NDArray.wrap(rest, new DMatrixRMaj(NDArray.rowsOf(rest), NDArray.colsOf(rest), true, s));
    }

    /** {@code s[c] = Σ_r d[r·cols + c]}, summed from row 0 down as NumPy does here. {@code s} is overwritten. */
    static void sumRows(double[] d, int rows, int cols, double[] s) {
        java.util.Arrays.fill(s, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) addRow(d, r * cols, cols, s);
    }

    /** {@code s[c] += d[off + c]} for c &lt; cols: a method called once a row (see {@link Blocks}). */
    private static void addRow(double[] d, int off, int cols, double[] s) {
        for (int c = 0; c < cols; c++) s[c] += d[off + c];
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
        if (shape.length > 2 && !a.sameShape(b)) {
            return minus ? elementwise(a, b, shape, (x, y) -> x - y) : elementwise(a, b, shape, Double::sum);
        }
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

    /** {@code a * b} element by element with NumPy broadcasting, under the given limits. */
    public static NDArray multiply(NDArray a, NDArray b, Limits limits) {
        int[] shape = broadcastShape(a.shape(), b.shape());
        grows(limits, shape, a, b);
        return elementwise(a, b, shape, (x, y) -> x * y);
    }

    /**
     * {@code op(a, b)} element by element over the broadcast {@code shape} of any rank: an axis of length 1 (or
     * missing, on the left) repeats.
     */
    private static NDArray elementwise(NDArray a, NDArray b, int[] shape, java.util.function.DoubleBinaryOperator op) {
        int rank = shape.length, n = NDArray.sizeOf(shape);
        int[] as = strides(a.shape(), rank), bs = strides(b.shape(), rank), idx = new int[rank];
        double[] ad = a.matrix().data, bd = b.matrix().data, out = new double[n];
        int ai = 0, bi = 0;
        for (int i = 0; i < n; i++) {
            out[i] = op.applyAsDouble(ad[ai], bd[bi]);
            for (int j = rank - 1; j >= 0; j--) { // the next index, as an odometer
                ai += as[j];
                bi += bs[j];
                if (++idx[j] < shape[j]) break;
                ai -= as[j] * shape[j];
                bi -= bs[j] * shape[j];
                idx[j] = 0;
            }
        }
        return NDArray.wrap(shape, new DMatrixRMaj(NDArray.rowsOf(shape), NDArray.colsOf(shape), true, out));
    }

    /** The C-order strides of {@code shape} aligned right to {@code rank} axes, 0 on an axis that broadcasts. */
    private static int[] strides(int[] shape, int rank) {
        int[] s = new int[rank];
        int step = 1;
        for (int j = shape.length - 1; j >= 0; j--) {
            s[rank - shape.length + j] = shape[j] == 1 ? 0 : step;
            step *= shape[j];
        }
        return s;
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

    /**
     * {@code np.argmax(a, axis=1)} of an array of rank 2 or more, in C order of its result: one index per row of a
     * 2-D array; for (d0, d1, rest…) one per (i0, rest…), whose shape {@link #argmaxAxis1Shape} gives.
     */
    public static int[] argmaxAxis1(NDArray a) {
        int[] shape = argmaxAxis1Shape(a);
        int d1 = a.dim(1), inner = a.size() / (a.dim(0) * d1);
        double[] d = a.matrix().data;
        int[] idx = new int[NDArray.sizeOf(shape)];
        for (int o = 0; o < idx.length; o++) {
            int base = (o / inner) * d1 * inner + o % inner, best = 0;
            for (int c = 1; c < d1; c++) {
                // NumPy's argmax returns the first maximum, and a NaN counts as the maximum
                double v = d[base + c * inner], bv = d[base + best * inner];
                if (!Double.isNaN(bv) && (v > bv || Double.isNaN(v))) best = c;
            }
            idx[o] = best;
        }
        return idx;
    }

    /** The shape of {@code np.argmax(a, axis=1)}: a's shape without axis 1, or NumPy's AxisError below rank 2. */
    public static int[] argmaxAxis1Shape(NDArray a) {
        if (a.rank() < 2) {
            throw new NumpyException("axis 1 is out of bounds for array of dimension " + a.rank(), "AxisError");
        }
        int[] s = a.shape(), out = new int[s.length - 1];
        out[0] = s[0];
        System.arraycopy(s, 2, out, 1, s.length - 2);
        return out;
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
        for (int r = 0; r < rows; r++) softmaxRow(in, r * cols, cols, out, e);
    }

    /** One row of {@link #softmaxRows}, a method called once a row (see {@link Blocks}). */
    private static void softmaxRow(double[] in, int off, int cols, double[] out, double[] e) {
        double max = in[off];
        for (int c = 1; c < cols; c++) max = nanMax(max, in[off + c]);
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            e[c] = Math.exp(in[off + c] - max);
            sum += e[c];
        }
        for (int c = 0; c < cols; c++) out[off + c] = e[c] / sum;
    }

    /** NumPy's {@code max}: NaN propagates. */
    private static double nanMax(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
        return Math.max(a, b);
    }
}
