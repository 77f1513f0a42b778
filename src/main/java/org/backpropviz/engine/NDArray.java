package org.backpropviz.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * An immutable NumPy-style array of rank 0 to {@value #MAX_RANK}, stored in an EJML matrix with its NumPy shape beside it.
 *
 * <p>A {@code (3,)} vector and a {@code (1, 3)} matrix hold the same numbers in the same 1×3 EJML matrix, but
 * they are different arrays: every operation in {@link Np} looks at {@link #shape()}, never at the matrix's
 * rows and columns alone. Rank 0 is stored as 1×1, rank 1 {@code (n,)} as 1×n, rank 2 {@code (r, c)} as r×c, and a
 * higher rank {@code (d0, …, dk)} as (d0·…·dk−1)×dk: every axis but the last folded into the rows, C order kept, so
 * element-wise work and NumPy's {@code axis=-1} see rows as they do for rank 2. A shape of rank over
 * {@value #MAX_RANK} is refused with a {@link RankException}.
 *
 * <p>No method modifies an array after construction, so an array may be shared freely between the engine's
 * worker thread and the user interface.
 */
public final class NDArray {
    /** The highest rank an array may have. */
    public static final int MAX_RANK = 6;

    private final int[] shape;
    private final DMatrixRMaj m;
    private final boolean integer;
    /** {@link #maxAbsFinite()}, computed on first use (NaN until then); the elements never change. */
    private volatile double maxAbs = Double.NaN;
    /** {@link #anyNegative()} and {@link #allFinite()}, computed on first use (0 until then, 1 false, 2 true). */
    private volatile byte negative, finite;

    private NDArray(int[] shape, DMatrixRMaj m) {
        this(shape, m, false);
    }

    private NDArray(int[] shape, DMatrixRMaj m, boolean integer) {
        this.shape = shape;
        this.m = m;
        this.integer = integer;
    }

    /**
     * This array with NumPy's integer dtype, as {@code np.array([0, 2])} has when written without decimals. Only
     * class labels care: NumPy indexes with an integer t and refuses a float one. @throws IllegalArgumentException
     * if an element is not a whole number
     */
    public NDArray asInteger() {
        for (int i = 0; i < size(); i++) {
            if (m.data[i] != Math.rint(m.data[i]) || Double.isInfinite(m.data[i])) {
                throw new IllegalArgumentException("element " + i + " (" + m.data[i] + ") is not a whole number");
            }
        }
        return new NDArray(shape, m, true);
    }

    /** True for an integer dtype (see {@link #asInteger()}); every computed array is float64. */
    public boolean isInteger() {
        return integer;
    }

    /** Wraps {@code m} without copying; {@code m} must not be modified afterwards (engine-internal). */
    static NDArray wrap(int[] shape, DMatrixRMaj m) {
        return new NDArray(shape.clone(), m);
    }

    /** A rank-0 array (NumPy's {@code np.array(v)} or a scalar result). */
    public static NDArray scalar(double v) {
        DMatrixRMaj m = new DMatrixRMaj(1, 1);
        m.data[0] = v;
        return new NDArray(new int[0], m);
    }

    /** A rank-1 array of shape {@code (values.length,)}; {@code values} is copied, not modified. */
    public static NDArray vector(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("an array needs at least one element: shape (0,)");
        return new NDArray(new int[] {values.length}, new DMatrixRMaj(1, values.length, true, values.clone()));
    }

    /** A rank-2 array of shape {@code (rows.length, rows[0].length)}; {@code rows} is copied, not modified. */
    public static NDArray matrix(double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) throw new IllegalArgumentException("an array needs at least one element");
        int c = rows[0].length;
        DMatrixRMaj m = new DMatrixRMaj(rows.length, c);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " numbers, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, m.data, i * c, c);
        }
        return new NDArray(new int[] {rows.length, c}, m);
    }

    /** An array of the given shape (rank 0 to {@value #MAX_RANK}) filled from {@code flat} in C order; {@code flat} is copied. */
    public static NDArray of(int[] shape, double[] flat) {
        checkShape(shape);
        int n = sizeOf(shape);
        if (flat.length != n) {
            throw new IllegalArgumentException("cannot fill shape " + Shapes.tuple(shape) + " from " + flat.length + " values");
        }
        return new NDArray(shape.clone(), new DMatrixRMaj(rowsOf(shape), colsOf(shape), true, flat.clone()));
    }

    /** An array of the given shape filled with {@code value}. */
    public static NDArray full(int[] shape, double value) {
        checkShape(shape);
        double[] flat = new double[sizeOf(shape)];
        Arrays.fill(flat, value);
        return new NDArray(shape.clone(), new DMatrixRMaj(rowsOf(shape), colsOf(shape), true, flat));
    }

    private static void checkShape(int[] shape) {
        checkRank(shape, "the array");
        for (int d : shape) if (d <= 0) throw new IllegalArgumentException("every dimension must be at least 1: shape " + Shapes.tuple(shape));
    }

    /** @throws RankException naming {@code what} and its shape when the shape has more than {@link #MAX_RANK} axes */
    static void checkRank(int[] shape, String what) {
        if (shape.length > MAX_RANK) throw new RankException(what, shape);
    }

    /** The number of elements of {@code shape}. */
    public static int sizeOfShape(int[] shape) {
        return sizeOf(shape);
    }

    static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /** Rows of the stored 2-D view: the product of every axis but the last (1 for rank 0 and 1). */
    static int rowsOf(int[] shape) {
        int n = 1;
        for (int i = 0; i < shape.length - 1; i++) n *= shape[i];
        return n;
    }

    static int colsOf(int[] shape) {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** The NumPy shape; a fresh copy. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** {@code shape[axis]}, like NumPy's {@code a.shape[axis]}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** NumPy's {@code a.size}. */
    public int size() {
        return m.getNumElements();
    }

    /** Rows of the stored 2-D view: {@code shape[0]} for rank 2, 1 for rank 0 and 1, every axis but the last multiplied for rank 3 and more. */
    public int rows() {
        return m.numRows;
    }

    /** Columns of the 2-D view: the last dimension, or 1 for rank 0. */
    public int cols() {
        return m.numCols;
    }

    /**
     * The largest finite |element| (0 when there is none): the scale a picture of the array uses. Computed once and
     * kept, so a background thread can compute it before the array reaches a view.
     */
    public double maxAbsFinite() {
        double cached = maxAbs;
        if (!Double.isNaN(cached)) return cached;
        double mx = 0;
        double[] d = m.data;
        for (int i = 0, n = m.getNumElements(); i < n; i++) {
            double v = Math.abs(d[i]);
            if (v > mx && v != Double.POSITIVE_INFINITY) mx = v; // NaN fails v > mx
        }
        maxAbs = mx;
        return mx;
    }

    /** Element {@code i} in C (row-major) order. */
    public double flat(int i) {
        return m.data[i];
    }

    /**
     * The rows {@code idx} of the 2-D view, in that order: NumPy's {@code x[idx]} for a 2-D x, shape
     * {@code (idx.length, cols)}. Neither this array nor idx is modified.
     *
     * @throws IndexOutOfBoundsException for an index outside 0 … rows-1
     */
    public NDArray takeRows(int[] idx) {
        int cols = cols(), rows = rows();
        double[] out = new double[idx.length * cols];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= rows) throw new IndexOutOfBoundsException("row " + idx[i] + " of " + shapeString());
            System.arraycopy(m.data, idx[i] * cols, out, i * cols, cols);
        }
        return new NDArray(new int[] {idx.length, cols}, new DMatrixRMaj(idx.length, cols, true, out));
    }

    /** Element at row {@code r}, column {@code c} of the 2-D view. */
    public double get(int r, int c) {
        return m.data[r * m.numCols + c];
    }

    /** The value of a rank-0 array (or of any one-element array). */
    public double item() {
        if (size() != 1) throw new IllegalStateException("only a one-element array has an item; shape " + shapeString());
        return m.data[0];
    }

    /** A copy of the elements in C order. */
    public double[] toFlatArray() {
        return Arrays.copyOf(m.data, size());
    }

    /** A copy of the 2-D view as rows. */
    public double[][] toRows() {
        double[][] out = new double[rows()][cols()];
        for (int r = 0; r < rows(); r++) System.arraycopy(m.data, r * cols(), out[r], 0, cols());
        return out;
    }

    /** A copy of the values as an EJML matrix of the 2-D view (rank 0 → 1×1, (n,) → 1×n). */
    public DMatrixRMaj toMatrix() {
        return m.copy();
    }

    /** The backing matrix; engine-internal, never to be modified. */
    DMatrixRMaj matrix() {
        return m;
    }

    /**
     * The 2-D view a picture draws: a rank-3 or higher array as {@code (shape[0], size / shape[0])}, one row per
     * sample as the repository's Affine flattens it ({@code (2, 2, 3)} is drawn as {@code (2, 6)}); any other array as
     * it is.
     */
    public NDArray batchView() {
        return rank() <= 2 ? this : reshape(shape[0], size() / shape[0]);
    }

    /** The shape as Python prints a tuple: {@code ()}, {@code (2,)}, {@code (4, 3)}. */
    public String shapeString() {
        return Shapes.tuple(shape);
    }

    /** True when every element is finite (computed once: the elements never change). */
    public boolean allFinite() {
        byte known = finite;
        if (known != 0) return known == 2;
        double[] d = m.data;
        double probe = 0;
        for (int i = 0, n = size(); i < n; i++) probe += d[i] * 0.0; // NaN as soon as one element is NaN or infinite
        finite = probe == 0.0 ? (byte) 2 : (byte) 1;
        return probe == 0.0;
    }

    /** True when some element is below 0 (-0.0 and NaN are not; computed once: the elements never change). */
    public boolean anyNegative() {
        byte known = negative;
        if (known != 0) return known == 2;
        boolean any = false;
        double[] d = m.data;
        for (int i = 0, n = size(); i < n && !any; i++) any = d[i] < 0;
        negative = any ? (byte) 2 : (byte) 1;
        return any;
    }

    /** The same values with another shape of the same size (NumPy's {@code reshape}). */
    public NDArray reshape(int... newShape) {
        checkShape(newShape);
        if (sizeOf(newShape) != size()) {
            throw new NumpyException("cannot reshape array of size " + size() + " into shape " + Shapes.tuple(newShape), "ValueError");
        }
        DMatrixRMaj c = new DMatrixRMaj(rowsOf(newShape), colsOf(newShape), true, Arrays.copyOf(m.data, size()));
        return new NDArray(newShape.clone(), c, integer);
    }

    /** A copy with one element replaced (C order index); this array is not modified. */
    public NDArray withFlat(int i, double value) {
        DMatrixRMaj c = m.copy();
        c.data[i] = value;
        return new NDArray(shape.clone(), c, integer && value == Math.rint(value));
    }

    public boolean sameShape(NDArray o) {
        return Arrays.equals(shape, o.shape);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NDArray)) return false;
        NDArray a = (NDArray) o;
        if (!sameShape(a) || integer != a.integer) return false;
        for (int i = 0; i < size(); i++) {
            double x = m.data[i], y = a.m.data[i];
            if (x != y && !(Double.isNaN(x) && Double.isNaN(y))) return false; // 0.0 equals -0.0, NaN equals NaN
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(shape);
        for (int i = 0; i < size(); i++) h = 31 * h + Double.hashCode(m.data[i] + 0.0); // -0.0 + 0.0 is 0.0
        return h;
    }

    @Override
    public String toString() {
        return Shapes.toNumpyText(this);
    }
}
