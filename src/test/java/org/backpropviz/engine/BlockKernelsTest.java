package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The activations' kernels work in pieces of {@link Blocks#SIZE} elements (so that the JIT compiles them early); every
 * element is computed once, with the formula's own bits, whatever the length: shorter than a piece, a piece exactly,
 * one element over, several pieces and a remainder. Past the length nothing is written.
 */
class BlockKernelsTest {
    private static final int[] LENGTHS = {0, 1, Blocks.SIZE - 1, Blocks.SIZE, Blocks.SIZE + 1, 2 * Blocks.SIZE, 5 * Blocks.SIZE + 7};

    @Test
    void reluComputesEveryElementOnceAtEveryLength() {
        checkEveryLength(Relu.KIND, x -> x <= 0 ? 0.0 : x, (x, dout) -> x <= 0 ? 0.0 : dout, 11);
    }

    @Test
    void sigmoidComputesEveryElementOnceAtEveryLength() {
        checkEveryLength(Sigmoid.KIND, x -> 1.0 / (1.0 + Math.exp(-x)), (x, dout) -> {
            double out = 1.0 / (1.0 + Math.exp(-x));
            return dout * (1.0 - out) * out;
        }, 12);
    }

    /** {@code kind}'s forward and backward against the formulas element by element, to the bit, at every length. */
    private static void checkEveryLength(Activation kind, DoubleUnaryOperator forward, DoubleBinaryOperator backward, long seed) {
        Random r = new Random(seed);
        for (int n : LENGTHS) {
            double[] x = gaussian(r, n + 3), dout = gaussian(r, n + 3);
            double[] out = filled(n + 3, 42), dx = filled(n + 3, 42);
            kind.forward(x, out, n);
            kind.backward(x, out, dout, dx, n);
            for (int i = 0; i < n + 3; i++) {
                double wantOut = i < n ? forward.applyAsDouble(x[i]) : 42, wantDx = i < n ? backward.applyAsDouble(x[i], dout[i]) : 42;
                assertEquals(Double.doubleToLongBits(wantOut), Double.doubleToLongBits(out[i]), kind.id() + " forward, n=" + n + ", i=" + i);
                assertEquals(Double.doubleToLongBits(wantDx), Double.doubleToLongBits(dx[i]), kind.id() + " backward, n=" + n + ", i=" + i);
            }
        }
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
