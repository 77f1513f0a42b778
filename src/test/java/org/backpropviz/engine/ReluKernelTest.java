package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ReLU's branch-free kernels give the book's bits: {@code out = x.copy(); out[x <= 0] = 0} forward and
 * {@code dx = dout.copy(); dx[x <= 0] = 0} backward, for -0.0, NaN, infinities and subnormals as for ordinary numbers.
 */
class ReluKernelTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, -Double.NaN, Double.longBitsToDouble(0xfff8000000000001L),
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, 1.0, -1.0, 1e-300, -1e-300};

    /** The book's mask, written as it reads. */
    private static double book(double x, double v) {
        return x <= 0 ? 0.0 : v;
    }

    /** The bits of v, every NaN as one (a NaN's payload is not a number's value, and NumPy's printing shows none). */
    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }

    @Test
    void specialValuesKeepTheBooksBits() {
        for (double x : SPECIAL) {
            double[] out = new double[1];
            Relu.KIND.forward(new double[] {x}, out, 1);
            assertEquals(bits(book(x, x)), bits(out[0]), "forward " + x);
            for (double dout : SPECIAL) {
                double[] dx = new double[1];
                Relu.KIND.backward(new double[] {x}, out, new double[] {dout}, dx, 1);
                assertEquals(bits(book(x, dout)), bits(dx[0]), "backward x=" + x + " dout=" + dout);
            }
        }
    }

    @Test
    void compiledKernelsKeepTheBooksBits() {
        // enough calls on long arrays that the JIT compiles the loops (vectorised or not) and they are checked compiled
        Random r = new Random(3);
        int n = 4096;
        double[] x = new double[n], dout = new double[n], out = new double[n], dx = new double[n];
        for (int round = 0; round < 300; round++) {
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian();
                dout[i] = r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian();
            }
            Relu.KIND.forward(x, out, n);
            Relu.KIND.backward(x, out, dout, dx, n);
            for (int i = 0; i < n; i++) {
                if (bits(out[i]) != bits(book(x[i], x[i])) || bits(dx[i]) != bits(book(x[i], dout[i]))) {
                    assertEquals(book(x[i], x[i]) + " / " + book(x[i], dout[i]), out[i] + " / " + dx[i], "round " + round + ", x=" + x[i] + " dout=" + dout[i]);
                }
            }
        }
        // the arrays' versions (the graph's steps) agree with the kernels
        NDArray a = NDArray.of(new int[] {64, 64}, x), d = NDArray.of(new int[] {64, 64}, dout);
        Relu.KIND.forward(x, out, n);
        Relu.KIND.backward(x, out, dout, dx, n);
        assertEquals(NDArray.of(new int[] {64, 64}, out), Relu.forward(a));
        assertEquals(NDArray.of(new int[] {64, 64}, dx), Relu.backward(a, d));
    }
}
