package org.backpropviz.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The book's {@code TwoLayerNet} for a training loop: one mini-batch's forward pass, backward pass and
 * {@code param -= lr * grad}, in arrays allocated once. {@link Trace#evaluate} followed by {@link Sgd#update} makes a
 * new array for every operation (about 0.3 MB an iteration for the digits, 0.5 GB a run); this computes the same
 * operations in the same order on the same kernels ({@code Gemm}, {@link Np}'s row loops), so its numbers are the
 * same to the bit (see {@code TrainingTest}), and allocates next to nothing per iteration. It skips only what the update
 * does not use: the gradient sent back to x. The shapes are the trainer's own, so NumPy's shape errors cannot occur.
 *
 * <p>The weights live in this object and are updated in place; they leave it only as copies ({@link #weights}), so
 * no one ever reads an array that changes. Not thread-safe: one worker drives it.
 */
public final class TwoLayerNet {
    private final int d, h, c, maxBatch;
    // the parameters, updated in place; the biases as 1 × n rows
    private final DMatrixRMaj W1, b1, W2, b2;
    // forward, each with what its backward pass needs: x and a1 for the first Affine and the ReLU, z1 for the second
    private final DMatrixRMaj x, a1, z1, a2, y;
    // backward
    private final DMatrixRMaj da2, dz1, da1, dW1, db1, dW2, db2;
    private final double[] scratch;

    /** Copies the starting weights: W1 (d, h), b1 (h,), W2 (h, c), b2 (c,); none is modified or kept. */
    public TwoLayerNet(NDArray W1, NDArray b1, NDArray W2, NDArray b2, int maxBatch) {
        if (W1.rank() != 2 || W2.rank() != 2 || b1.rank() != 1 || b2.rank() != 1 || W1.cols() != W2.rows()
                || b1.size() != W1.cols() || b2.size() != W2.cols() || maxBatch < 1) {
            throw new IllegalArgumentException("a two-layer net needs W1 (d, h), b1 (h,), W2 (h, c), b2 (c,) and a batch of at least 1, not "
                    + W1.shapeString() + ", " + b1.shapeString() + ", " + W2.shapeString() + ", " + b2.shapeString() + " and " + maxBatch);
        }
        d = W1.rows();
        h = W1.cols();
        c = W2.cols();
        this.maxBatch = maxBatch;
        this.W1 = W1.toMatrix();
        this.b1 = b1.toMatrix();
        this.W2 = W2.toMatrix();
        this.b2 = b2.toMatrix();
        x = new DMatrixRMaj(maxBatch, d);
        a1 = new DMatrixRMaj(maxBatch, h);
        z1 = new DMatrixRMaj(maxBatch, h);
        a2 = new DMatrixRMaj(maxBatch, c);
        y = new DMatrixRMaj(maxBatch, c);
        da2 = new DMatrixRMaj(maxBatch, c);
        dz1 = new DMatrixRMaj(maxBatch, h);
        da1 = new DMatrixRMaj(maxBatch, h);
        dW1 = new DMatrixRMaj(d, h);
        db1 = new DMatrixRMaj(1, h);
        dW2 = new DMatrixRMaj(h, c);
        db2 = new DMatrixRMaj(1, c);
        scratch = new double[c];
    }

    /**
     * One iteration on the rows {@code rows[from..to)} of {@code data} (n, d) with their labels: forward, backward and
     * {@code param -= lr * grad}. Neither {@code data}, {@code labels} nor {@code rows} is modified.
     *
     * @return the batch's loss, {@code -Σ log(y[i, t_i] + 1e-7) / batch}, from the weights before the update
     */
    public double step(NDArray data, int[] labels, int[] rows, int from, int to, double lr) {
        int n = to - from;
        if (n < 1 || n > maxBatch || data.rank() != 2 || data.cols() != d) {
            throw new IllegalArgumentException("a batch of 1 to " + maxBatch + " rows of " + d + " features, not " + n + " of " + data.shapeString());
        }
        x.reshape(n, d);
        a1.reshape(n, h);
        z1.reshape(n, h);
        dz1.reshape(n, h);
        da1.reshape(n, h);
        a2.reshape(n, c);
        y.reshape(n, c);
        da2.reshape(n, c);
        double[] src = data.matrix().data;
        for (int i = 0; i < n; i++) System.arraycopy(src, rows[from + i] * d, x.data, i * d, d);

        // forward: a1 = x·W1 + b1; z1 = relu(a1); a2 = z1·W2 + b2; y = softmax(a2)
        Gemm.mult(x, false, W1, false, a1);
        addRow(a1, b1);
        for (int i = 0; i < n * h; i++) z1.data[i] = a1.data[i] <= 0 ? 0.0 : a1.data[i];
        Gemm.mult(z1, false, W2, false, a2);
        addRow(a2, b2);
        Np.softmaxRows(a2.data, n, c, y.data, scratch);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.log(y.data[i * c + labels[rows[from + i]]] + 1e-7);
        double loss = -sum / n;

        // backward: da2 = (y - t) / batch; dz1 = da2·W2ᵀ, dW2 = z1ᵀ·da2, db2 = Σ da2; da1 = dz1 where a1 > 0;
        // dW1 = xᵀ·da1, db1 = Σ da1 (the local derivatives of the layers above, in the book's order)
        System.arraycopy(y.data, 0, da2.data, 0, n * c);
        for (int i = 0; i < n; i++) da2.data[i * c + labels[rows[from + i]]] -= 1;
        for (int i = 0; i < n * c; i++) da2.data[i] = da2.data[i] / n;
        Gemm.mult(da2, false, W2, true, dz1);
        Gemm.mult(z1, true, da2, false, dW2);
        Np.sumRows(da2.data, n, c, db2.data);
        for (int i = 0; i < n * h; i++) da1.data[i] = a1.data[i] <= 0 ? 0.0 : dz1.data[i];
        Gemm.mult(x, true, da1, false, dW1);
        Np.sumRows(da1.data, n, h, db1.data);

        // param -= lr * grad, after every gradient is known (the gradients above read the old weights)
        descend(W1, dW1, lr);
        descend(b1, db1, lr);
        descend(W2, dW2, lr);
        descend(b2, db2, lr);
        return loss;
    }

    /** {@code a[r, :] += row} for every row, as NumPy broadcasts a bias. */
    private static void addRow(DMatrixRMaj a, DMatrixRMaj row) {
        int cols = a.numCols;
        for (int r = 0; r < a.numRows; r++) {
            for (int col = 0; col < cols; col++) a.data[r * cols + col] = a.data[r * cols + col] + row.data[col];
        }
    }

    /** {@code param -= lr * grad}: the same two roundings as {@code param - (lr * grad)}. */
    private static void descend(DMatrixRMaj param, DMatrixRMaj grad, double lr) {
        for (int i = 0; i < param.getNumElements(); i++) param.data[i] = param.data[i] - lr * grad.data[i];
    }

    /** Copies of the current weights, as {@code {W1, b1, W2, b2}} with their NumPy shapes. */
    public NDArray[] weights() {
        return new NDArray[] {
            NDArray.of(new int[] {d, h}, W1.data), NDArray.of(new int[] {h}, b1.data),
            NDArray.of(new int[] {h, c}, W2.data), NDArray.of(new int[] {c}, b2.data)
        };
    }
}
