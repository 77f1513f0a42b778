package org.backpropviz.engine;

import static org.backpropviz.engine.OpFailure.guard;

import org.ejml.data.DMatrixRMaj;

/**
 * The book's SoftmaxWithLoss, split into its two drawn nodes: {@link #softmax} and {@link #loss} forward, and one
 * {@link #backward} that sends {@code (y - t) / batch_size} to the last Affine layer, with
 * {@code batch_size = t.shape[0]} exactly as the book writes it (so a 1-D one-hot t divides by the class count).
 */
public final class SoftmaxWithLoss {
    private SoftmaxWithLoss() {}

    /** {@code y = softmax(x)}. x is not modified. */
    public static NDArray softmax(NDArray x) {
        return guard(() -> Np.softmax(x),
                e -> OpFailure.at(e, "softmax(x)", Operand.of("x", x)));
    }

    /**
     * The book's {@code cross_entropy_error(y, t)}: a 1-D y and t become one row each; a t of y's size is replaced
     * by {@code t.argmax(axis=1)}; then {@code -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size}.
     * Neither argument is modified.
     */
    public static NDArray loss(NDArray y, NDArray t) {
        return loss(y, t, Limits.current());
    }

    /** {@link #loss(NDArray, NDArray)}, refusing a lookup {@code y[np.arange(batch_size), t]} over {@code limits}. */
    public static NDArray loss(NDArray y, NDArray t, Limits limits) {
        return guard(() -> crossEntropy(y, t, limits), e -> OpFailure.at(e, "cross_entropy_error(y, t)", Operand.of("y", y), Operand.of("t", t)));
    }

    private static NDArray crossEntropy(NDArray y, NDArray t, Limits limits) {
        if (y.rank() == 1) {
            t = t.reshape(1, t.size());
            y = y.reshape(1, y.size());
        }
        Labels onehot = t.size() == y.size() ? Labels.argmax(t) : null;
        if (y.rank() == 0) throw new NumpyException("tuple index out of range", "IndexError");
        int batch = y.dim(0);
        Labels labels = onehot != null ? onehot : Labels.of(t);
        double sum = 0;
        for (int i : labels.pick(batch, y, limits, "y[np.arange(batch_size), t]")) sum += Math.log(y.flat(i) + 1e-7);
        return NDArray.scalar(-sum / batch);
    }

    /**
     * {@code SoftmaxWithLoss.backward(dout=1)}: {@code batch_size = t.shape[0]}; {@code (y - t) / batch_size} when
     * {@code t.size == y.size}, else y with 1 subtracted at each row's label, divided by batch_size. Returns da2;
     * neither argument is modified.
     */
    public static NDArray backward(NDArray y, NDArray t) {
        return backward(y, t, Limits.current());
    }

    /** {@link #backward(NDArray, NDArray)}, refusing a result or a lookup over {@code limits}. */
    public static NDArray backward(NDArray y, NDArray t, Limits limits) {
        return guard(() -> gradient(y, t, limits), e -> OpFailure.at(e, "dx = (y - t) / batch_size", Operand.of("y", y), Operand.of("t", t)));
    }

    private static NDArray gradient(NDArray y, NDArray t, Limits limits) {
        if (t.rank() == 0) throw new NumpyException("tuple index out of range", "IndexError");
        int batch = t.dim(0);
        if (t.size() == y.size()) return Np.divide(Np.subtract(y, t, limits), batch);
        Labels labels = Labels.of(t);
        if (y.rank() < 2) {
            throw new NumpyException("too many indices for array: array is " + y.rank() + "-dimensional, but 2 were indexed",
                    "IndexError");
        }
        DMatrixRMaj dx = y.toMatrix();
        // dx[np.arange(batch_size), t] -= 1: a position named twice is still decremented once, as in NumPy
        boolean[] seen = new boolean[dx.getNumElements()];
        for (int i : labels.pick(batch, y, limits, "dx[np.arange(batch_size), t]")) {
            if (!seen[i]) dx.data[i] -= 1;
            seen[i] = true;
        }
        return Np.divide(NDArray.wrap(y.shape(), dx), batch);
    }

    /** Integer class labels, as NumPy's fancy indexing {@code y[np.arange(batch), t]} uses them. */
    private record Labels(int[] shape, long[] values) {
        static Labels argmax(NDArray t) {
            int[] idx = Np.argmaxAxis1(t);
            long[] v = new long[idx.length];
            for (int i = 0; i < idx.length; i++) v[i] = idx[i];
            return new Labels(new int[] {idx.length}, v);
        }

        static Labels of(NDArray t) {
            if (!t.isInteger()) { // labels written as 1.0 are a float array, and NumPy will not index with it
                throw new NumpyException("arrays used as indices must be of integer (or boolean) type", "IndexError");
            }
            long[] v = new long[t.size()];
            for (int i = 0; i < v.length; i++) v[i] = (long) t.flat(i);
            return new Labels(t.shape(), v);
        }

        /**
         * The flat positions ({@code row * y.cols() + column}) of {@code y[np.arange(batch), labels]}, in C order of
         * the broadcast index shape. As NumPy, the index arrays must broadcast together first; then every index of
         * axis 0 is checked, then every label, each array in its own order; a negative label counts from the end.
         * A lookup larger than both y and the labels (t (N, 1) gives (N, N)) is checked against the limits first.
         */
        int[] pick(int batch, NDArray y, Limits limits, String lookup) {
            int[] rowsShape = {batch};
            int[] s;
            try {
                s = Np.broadcastShape(rowsShape, shape);
            } catch (NumpyException e) {
                throw new NumpyException("shape mismatch: indexing arrays could not be broadcast together with shapes "
                        + Shapes.compact(rowsShape) + " " + Shapes.compact(shape) + " ", "IndexError");
            }
            if (batch > y.dim(0)) index(y.dim(0), 0, y.dim(0)); // np.arange(batch) reaches past y's rows
            int[] column = new int[values.length];
            for (int i = 0; i < values.length; i++) column[i] = index(values[i], 1, y.dim(1));
            long size = 1;
            for (int d : s) size *= d;
            if (size > y.size() && size > values.length) limits.check(s, lookup);
            int n = NDArray.sizeOf(s), sc = NDArray.colsOf(s);
            int lr = NDArray.rowsOf(shape), lc = NDArray.colsOf(shape);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int r = i / sc, c = i % sc;
                int row = batch == 1 ? 0 : c;  // np.arange(batch) lines up with the last axis
                out[i] = row * y.cols() + column[(lr == 1 ? 0 : r) * lc + (lc == 1 ? 0 : c)];
            }
            return out;
        }

        private static int index(long i, int axis, int size) {
            if (i < -size || i >= size) {
                throw new NumpyException("index " + i + " is out of bounds for axis " + axis + " with size " + size, "IndexError");
            }
            return (int) (i < 0 ? i + size : i);
        }
    }
}
