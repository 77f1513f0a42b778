package org.backpropviz.engine;

import static org.backpropviz.engine.OpFailure.guard;

import org.ejml.data.DMatrixRMaj;

/**
 * The book's ReLU layer: {@code mask = (x <= 0)}; forward zeroes the masked entries of x, backward the same
 * entries of dout. Unlike the book, neither x nor dout is written to: both return new arrays.
 */
public final class Relu {
    private Relu() {}

    /** {@code out = x.copy(); out[x <= 0] = 0}. x is not modified. */
    public static NDArray forward(NDArray x) {
        return guard(() -> masked(x, x), e -> OpFailure.at(e, "out[mask] = 0", Operand.of("x", x)));
    }

    /** {@code dx = dout.copy(); dx[x <= 0] = 0}, where x is the forward input (the cache). Not modified. */
    public static NDArray backward(NDArray x, NDArray dout) {
        return guard(() -> masked(x, dout), e -> OpFailure.at(e, "dout[mask] = 0", Operand.of("mask", x), Operand.of("dout", dout)));
    }

    private static NDArray masked(NDArray x, NDArray target) {
        if (x.rank() == 0 || target.rank() == 0) {
            // NumPy's arithmetic gives a numpy.float64 here, not an array, and a scalar cannot be assigned to
            throw new NumpyException("'numpy.float64' object does not support item assignment", "TypeError");
        }
        int[] ms = x.shape(), ts = target.shape();
        if (ms.length > ts.length) {
            throw new NumpyException("too many indices for array: array is " + ts.length + "-dimensional, but "
                    + ms.length + " were indexed", "IndexError");
        }
        for (int axis = 0; axis < ms.length; axis++) {
            if (ms[axis] != ts[axis]) {
                throw new NumpyException("boolean index did not match indexed array along axis " + axis
                        + "; size of axis is " + ts[axis] + " but size of corresponding boolean axis is " + ms[axis],
                        "IndexError");
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(target.rows(), target.cols());
        if (ms.length == ts.length) {
            double[] xs = x.matrix().data, in = target.matrix().data, o = out.data;
            int n = out.getNumElements();
            // mask = (x <= 0), written without a branch (a NaN input is not masked, as in NumPy)
            for (int i = 0; i < n; i++) o[i] = xs[i] <= 0 ? 0.0 : in[i];
        } else {
            System.arraycopy(target.matrix().data, 0, out.data, 0, out.getNumElements()); // a 1-D mask over the rows of a 2-D target zeroes whole rows
            for (int r = 0; r < target.rows(); r++) {
                if (x.flat(r) <= 0) for (int c = 0; c < target.cols(); c++) out.data[r * target.cols() + c] = 0;
            }
        }
        return NDArray.wrap(target.shape(), out);
    }
}
