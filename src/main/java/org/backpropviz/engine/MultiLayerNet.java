package org.backpropviz.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A network of n Affine layers for a training loop (the book's {@code MultiLayerNet}; for n = 2 with ReLU its
 * {@code TwoLayerNet}): one mini-batch's forward pass, backward pass and {@code param -= lr * grad}, in arrays
 * allocated once. {@link Trace#evaluate} followed by {@link Sgd#update} makes a new array for every operation (about
 * 0.3 MB an iteration for the digits, 0.5 GB a run); this computes the same operations in the same order on the same
 * kernels ({@code Gemm}, {@link Np}'s row loops, each {@link Activation}'s kernels), so its numbers are the same to the
 * bit (see {@code TrainingTest}), and allocates next to nothing per iteration. It skips only what the update does not
 * use: the gradient sent back to x. The shapes are the trainer's own (2-D x, so both Affine variants compute the same),
 * and NumPy's shape errors cannot occur.
 *
 * <p>The weights live in this object and are updated in place; they leave it only as copies ({@link #weights}), so
 * no one ever reads an array that changes. Not thread-safe: one worker drives it.
 */
public final class MultiLayerNet {
    private final int n, maxBatch;
    /** sizes[0] = d, the input's features; sizes[k] = the width of layer k's output; sizes[n] = the classes. */
    private final int[] sizes;
    private final Activation[] act;
    // the parameters, updated in place (index k - 1 for layer k); the biases as 1 × width rows
    private final DMatrixRMaj[] W, b, dW, db;
    // forward: z[0] is the batch x; a[k] = z[k]·W(k+1) + b(k+1); z[k] = act(a[k - 1]) for the hidden layers
    private final DMatrixRMaj[] a, z;
    private final DMatrixRMaj y;
    // backward: da[k] the gradient at a[k]; dz[k] the gradient at z[k] (k ≥ 1)
    private final DMatrixRMaj[] da, dz;
    private final double[] scratch;

    /**
     * Copies the starting weights; none is modified or kept.
     *
     * @param weightsAndBiases W1 (d, h1), b1 (h1,), W2 (h1, h2), b2 (h2,), …, Wn (h(n-1), c), bn (c,)
     * @param activations the n − 1 activations between them
     * @param maxBatch the largest batch {@link #step} will be given
     */
    public MultiLayerNet(List<NDArray> weightsAndBiases, List<Activation> activations, int maxBatch) {
        n = weightsAndBiases.size() / 2;
        if (weightsAndBiases.size() % 2 != 0 || n < 1 || activations.size() != n - 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a net of n layers needs W1, b1, …, Wn, bn, n - 1 activations and a batch of at least 1, not "
                    + weightsAndBiases.size() + " arrays, " + activations.size() + " activations and " + maxBatch);
        }
        sizes = new int[n + 1];
        for (int k = 1; k <= n; k++) {
            NDArray w = weightsAndBiases.get(2 * k - 2), bias = weightsAndBiases.get(2 * k - 1);
            if (k == 1) sizes[0] = w.rank() == 2 ? w.rows() : -1;
            if (w.rank() != 2 || bias.rank() != 1 || w.rows() != sizes[k - 1] || bias.size() != w.cols()) {
                throw new IllegalArgumentException("layer " + k + " needs W" + k + " (" + sizes[k - 1] + ", h) and b" + k + " (h,), not "
                        + w.shapeString() + " and " + bias.shapeString());
            }
            sizes[k] = w.cols();
        }
        this.maxBatch = maxBatch;
        act = activations.toArray(new Activation[0]);
        W = new DMatrixRMaj[n];
        b = new DMatrixRMaj[n];
        dW = new DMatrixRMaj[n];
        db = new DMatrixRMaj[n];
        a = new DMatrixRMaj[n];
        da = new DMatrixRMaj[n];
        z = new DMatrixRMaj[n];
        dz = new DMatrixRMaj[n];
        for (int k = 0; k < n; k++) {
            W[k] = weightsAndBiases.get(2 * k).toMatrix();
            b[k] = weightsAndBiases.get(2 * k + 1).toMatrix();
            dW[k] = new DMatrixRMaj(sizes[k], sizes[k + 1]);
            db[k] = new DMatrixRMaj(1, sizes[k + 1]);
            a[k] = new DMatrixRMaj(maxBatch, sizes[k + 1]);
            da[k] = new DMatrixRMaj(maxBatch, sizes[k + 1]);
            z[k] = new DMatrixRMaj(maxBatch, sizes[k]);
            if (k > 0) dz[k] = new DMatrixRMaj(maxBatch, sizes[k]);
        }
        y = new DMatrixRMaj(maxBatch, sizes[n]);
        scratch = new double[sizes[n]];
    }

    /** n, the number of Affine layers. */
    public int depth() {
        return n;
    }

    /**
     * One iteration on the rows {@code rows[from..to)} of {@code data} (n, d) with their labels: forward, backward and
     * {@code param -= lr * grad}. Neither {@code data}, {@code labels} nor {@code rows} is modified.
     *
     * @return the batch's loss, {@code -Σ log(y[i, t_i] + 1e-7) / batch}, from the weights before the update
     */
    public double step(NDArray data, int[] labels, int[] rows, int from, int to, double lr) {
        int m = to - from, d = sizes[0], c = sizes[n];
        if (m < 1 || m > maxBatch || data.rank() != 2 || data.cols() != d) {
            throw new IllegalArgumentException("a batch of 1 to " + maxBatch + " rows of " + d + " features, not " + m + " of " + data.shapeString());
        }
        for (int k = 0; k < n; k++) {
            z[k].reshape(m, sizes[k]);
            a[k].reshape(m, sizes[k + 1]);
            da[k].reshape(m, sizes[k + 1]);
            if (k > 0) dz[k].reshape(m, sizes[k]);
        }
        y.reshape(m, c);
        gather(data.matrix().data, d, rows, from, m, z[0].data);

        forward(z, a, m);
        Np.softmaxRows(a[n - 1].data, m, c, y.data, scratch);
        double loss = loss(y.data, c, labels, rows, from, m);

        // backward, in the layers' reverse order: da = (y - t) / batch at the last; for each Affine layer
        // dz = da·Wᵀ (not for the first), dW = zᵀ·da, db = Σ da; then the activation before it gives da from dz
        seed(y.data, c, labels, rows, from, m, da[n - 1].data);
        for (int k = n - 1; k >= 0; k--) {
            if (k > 0) Gemm.mult(da[k], false, W[k], true, dz[k]);
            Gemm.mult(z[k], true, da[k], false, dW[k]);
            Np.sumRows(da[k].data, m, sizes[k + 1], db[k].data);
            if (k > 0) act[k - 1].backward(a[k - 1].data, z[k].data, dz[k].data, da[k - 1].data, m * sizes[k]);
        }

        // param -= lr * grad, after every gradient is known (the gradients above read the old weights)
        for (int k = 0; k < n; k++) {
            descend(W[k], dW[k], lr);
            descend(b[k], db[k], lr);
        }
        return loss;
    }

    /*
     * step's element loops live in small methods of their own: the JIT compiles each soon and on its own, where the
     * loops inside step made it compile step whole, on-stack with every product's paths inlined (216 ms of a C2
     * thread in a digits run, on two shared cores, while the loop ran in C1's code).
     */

    /** {@code x[i, :] = data[rows[from + i], :]} for the batch's m rows of d features. */
    private static void gather(double[] data, int d, int[] rows, int from, int m, double[] x) {
        for (int i = 0; i < m; i++) System.arraycopy(data, rows[from + i] * d, x, i * d, d);
    }

    /** {@code -Σ log(y[i, t_i] + 1e-7) / m}. */
    private static double loss(double[] y, int c, int[] labels, int[] rows, int from, int m) {
        double sum = 0;
        for (int i = 0; i < m; i++) sum += Math.log(y[i * c + labels[rows[from + i]]] + 1e-7);
        return -sum / m;
    }

    /** {@code da = (y - t) / m}, t one-hot from the labels: SoftmaxWithLoss's backward with labels as indices. */
    private static void seed(double[] y, int c, int[] labels, int[] rows, int from, int m, double[] da) {
        System.arraycopy(y, 0, da, 0, m * c);
        for (int i = 0; i < m; i++) da[i * c + labels[rows[from + i]]] -= 1;
        for (int i = 0; i < m; i++) divide(da, i * c, c, m);
    }

    /** {@code v[off + j] = v[off + j] / by} for j &lt; len (see {@link Blocks} for why a method). */
    private static void divide(double[] v, int off, int len, double by) {
        for (int j = off; j < off + len; j++) v[j] = v[j] / by;
    }

    /**
     * The forward pass, layer by layer: {@code a[k] = z[k]·W + b}; {@code z[k + 1] = act(a[k])}; the last a holds the
     * scores. {@code z[0]} (m rows) is read; every other array is written.
     */
    private void forward(DMatrixRMaj[] z, DMatrixRMaj[] a, int m) {
        for (int k = 0; k < n; k++) {
            Gemm.mult(z[k], false, W[k], false, a[k]);
            addRow(a[k], b[k]);
            if (k < n - 1) act[k].forward(a[k].data, z[k + 1].data, m * sizes[k + 1]);
        }
    }

    /**
     * Class probabilities for every row of {@code x} (m, d) with the current weights: {@link #step}'s forward pass and
     * softmax, in arrays allocated for x (the same numbers, to the bit, as the layers' steps in a {@link Trace} give).
     * x is not modified.
     */
    public NDArray probabilities(NDArray x) {
        int m = x.rows(), c = sizes[n];
        if (x.rank() != 2 || x.cols() != sizes[0]) {
            throw new IllegalArgumentException("rows of " + sizes[0] + " features, not " + x.shapeString());
        }
        DMatrixRMaj[] zs = new DMatrixRMaj[n], as = new DMatrixRMaj[n];
        zs[0] = x.matrix();
        for (int k = 0; k < n; k++) {
            as[k] = new DMatrixRMaj(m, sizes[k + 1]);
            if (k > 0) zs[k] = new DMatrixRMaj(m, sizes[k]);
        }
        forward(zs, as, m);
        DMatrixRMaj out = new DMatrixRMaj(m, c);
        Np.softmaxRows(as[n - 1].data, m, c, out.data, new double[c]);
        return NDArray.wrap(new int[] {m, c}, out);
    }

    /** {@link #predict} takes at most about this many values (inputs, hidden or output) at a time: 8 MB of doubles. */
    public static final int PREDICT_VALUES = 1 << 20;
    /** OpenBLAS computes a product of fewer multiply-adds than this (m·n·k) in one thread (its GEMM_MULTITHREAD_THRESHOLD). */
    static final int SINGLE_THREAD_PRODUCT = 4 * 65_536;
    // predict's arrays, allocated on its first call for the rows it takes at a time, then reused
    private DMatrixRMaj[] pa, pz;

    /**
     * The predicted class of every row of {@code x} (rows, d) with the current weights: the index of the largest score
     * (the last Affine's output; the first one on a tie, as NumPy's argmax; a NaN counts as the largest), as the book's
     * {@code accuracy} takes it. The softmax is left out: it keeps the order of the scores. Rows are taken
     * {@link #PREDICT_VALUES} values at a time in arrays this net keeps, so that an accuracy each epoch allocates
     * nothing and the memory is bounded whatever the number of rows. x is not modified.
     */
    public int[] predict(NDArray x) {
        int rows = x.rows(), d = sizes[0], c = sizes[n];
        if (x.rank() != 2 || x.cols() != d) throw new IllegalArgumentException("rows of " + d + " features, not " + x.shapeString());
        int widest = 0, product = 0;
        for (int k = 0; k < n; k++) {
            widest = Math.max(widest, Math.max(sizes[k], sizes[k + 1]));
            product = Math.max(product, sizes[k] * sizes[k + 1]);
        }
        // rows enough for products that OpenBLAS computes in one thread, if that is 64 or more: on a busy 2-core machine
        // its second thread waits for a core, and the digits' accuracies took 3-5 times as long in two threads as in one
        int chunk = Math.max(Math.min(64, PREDICT_VALUES / widest), Math.min(SINGLE_THREAD_PRODUCT / product, PREDICT_VALUES / widest));
        chunk = Math.max(1, Math.min(rows, chunk));
        if (pa == null || pa[0].data.length < chunk * sizes[1]) {
            pa = new DMatrixRMaj[n];
            pz = new DMatrixRMaj[n];
            for (int k = 0; k < n; k++) {
                pa[k] = new DMatrixRMaj(chunk, sizes[k + 1]);
                pz[k] = new DMatrixRMaj(chunk, sizes[k]);
            }
        }
        int[] out = new int[rows];
        double[] src = x.matrix().data;
        for (int from = 0; from < rows; from += chunk) {
            int m = Math.min(chunk, rows - from);
            for (int k = 0; k < n; k++) {
                pz[k].reshape(m, sizes[k]);
                pa[k].reshape(m, sizes[k + 1]);
            }
            System.arraycopy(src, from * d, pz[0].data, 0, m * d);
            forward(pz, pa, m);
            argmax(pa[n - 1].data, m, c, out, from);
        }
        return out;
    }

    /**
     * {@code out[at + i] = argmax(s[i, :])} for m rows of c scores: the first largest, a NaN counting as the largest.
     * A method of its own, like step's loops, so that predict is not compiled whole on-stack.
     */
    private static void argmax(double[] s, int m, int c, int[] out, int at) {
        for (int i = 0; i < m; i++) out[at + i] = argmax(s, i * c, c);
    }

    /** The index in {@code s[off..off + c)} of the first largest, a NaN counting as the largest. */
    private static int argmax(double[] s, int off, int c) {
        int best = 0;
        for (int j = 1; j < c; j++) {
            double v = s[off + j], bv = s[off + best];
            if (!Double.isNaN(bv) && (v > bv || Double.isNaN(v))) best = j;
        }
        return best;
    }

    /** {@code a[r, :] += row} for every row, as NumPy broadcasts a bias. */
    private static void addRow(DMatrixRMaj a, DMatrixRMaj row) {
        int cols = a.numCols;
        for (int r = 0; r < a.numRows; r++) add(a.data, r * cols, row.data, cols);
    }

    /** {@code v[off + j] = v[off + j] + row[j]} for j &lt; cols (see {@link Blocks} for why a method). */
    private static void add(double[] v, int off, double[] row, int cols) {
        for (int j = 0; j < cols; j++) v[off + j] = v[off + j] + row[j];
    }

    /** {@code param -= lr * grad}: the same two roundings as {@code param - (lr * grad)}. */
    private static void descend(DMatrixRMaj param, DMatrixRMaj grad, double lr) {
        int n = param.getNumElements();
        for (int from = 0; from < n; from += Blocks.SIZE) descend(param.data, grad.data, from, Math.min(n, from + Blocks.SIZE), lr);
    }

    private static void descend(double[] p, double[] g, int from, int to, double lr) {
        for (int i = from; i < to; i++) p[i] = p[i] - lr * g[i];
    }

    /** Copies of the current weights, as {@code [W1, b1, …, Wn, bn]} with their NumPy shapes. */
    public List<NDArray> weights() {
        NDArray[] out = new NDArray[2 * n];
        for (int k = 0; k < n; k++) {
            out[2 * k] = NDArray.of(new int[] {sizes[k], sizes[k + 1]}, W[k].data);
            out[2 * k + 1] = NDArray.of(new int[] {sizes[k + 1]}, b[k].data);
        }
        return List.of(out);
    }
}
