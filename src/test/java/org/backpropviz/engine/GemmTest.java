package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The native BLAS path (where this machine has one) and EJML's agree within 1e-12 of the result's scale. */
class GemmTest {
    @AfterEach
    void restore() {
        Gemm.setNativeEnabled(true);
    }

    @Test
    void nativeAndEjmlProductsAgree() {
        Random r = new Random(11);
        int[][] sizes = {{1, 2, 3}, {100, 784, 50}, {37, 50, 784}, {784, 100, 50}, {64, 300, 200}};
        for (int[] s : sizes) {
            NDArray a = LessonTest.normal(r, s[0], s[1]), b = LessonTest.normal(r, s[1], s[2]);
            NDArray bt = Np.transpose(b), at = Np.transpose(a);
            Gemm.setNativeEnabled(true);
            NDArray n1 = Np.dot(a, b), n2 = Np.dotTransposedB(a, bt), n3 = Np.dotTransposedA(at, b);
            Gemm.setNativeEnabled(false);
            NDArray e1 = Np.dot(a, b), e2 = Np.dotTransposedB(a, bt), e3 = Np.dotTransposedA(at, b);
            assertClose(e1, n1);
            assertClose(e1, n2);
            assertClose(e1, n3);
            assertClose(e1, e2);
            assertClose(e1, e3);
        }
    }

    @Test
    void aWholePassAgreesOnBothPaths() {
        Random r = new Random(5);
        NetInputs in = new NetInputs(LessonTest.normal(r, 100, 784), Np.scale(LessonTest.normal(r, 784, 50), 0.01),
                NDArray.full(new int[] {50}, 0), Np.scale(LessonTest.normal(r, 50, 10), 0.01), NDArray.full(new int[] {10}, 0),
                NDArray.full(new int[] {100}, 4).asInteger());
        Gemm.setNativeEnabled(true);
        Trace n = Trace.evaluate(in);
        Gemm.setNativeEnabled(false);
        Trace e = Trace.evaluate(in);
        assertTrue(n.isComplete() && e.isComplete());
        for (String node : Step.NODES) assertClose(e.forward(node).orElseThrow(), n.forward(node).orElseThrow());
        for (Param p : Param.TRAINABLE) assertClose(e.grad(p).orElseThrow(), n.grad(p).orElseThrow());
        assertClose(e.backward("affine1").orElseThrow(), n.backward("affine1").orElseThrow());
    }

    @Test
    void smallProductsGiveEjmlsNumbersForEveryTranspose() {
        // the small kernel sums each element over k in order, as EJML's kernels do: the same bits
        Random r = new Random(23);
        for (int round = 0; round < 200; round++) {
            int m = 1 + r.nextInt(20), k = 1 + r.nextInt(20), n = 1 + r.nextInt(20);
            DMatrixRMaj a = random(r, m, k), b = random(r, k, n), expected = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(a, b, expected);
            DMatrixRMaj at = CommonOps_DDRM.transpose(a, null), bt = CommonOps_DDRM.transpose(b, null);
            for (int flags = 0; flags < 4; flags++) {
                boolean ta = (flags & 1) != 0, tb = (flags & 2) != 0;
                DMatrixRMaj c = new DMatrixRMaj(m, n);
                Gemm.mult(ta ? at : a, ta, tb ? bt : b, tb, c);
                assertTrue((long) m * n * k > Gemm.SMALL_FLOPS || java.util.Arrays.equals(expected.data, 0, m * n, c.data, 0, m * n),
                        m + "x" + k + "x" + n + " transA=" + ta + " transB=" + tb);
                for (int i = 0; i < m * n; i++) assertEquals(expected.data[i], c.data[i], 1e-12 * (1 + Math.abs(expected.data[i])));
            }
        }
    }

    private static DMatrixRMaj random(Random r, int rows, int cols) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = r.nextGaussian();
        return x;
    }

    static void assertClose(NDArray expected, NDArray actual) {
        assertEquals(expected.shapeString(), actual.shapeString());
        double scale = 0;
        for (int i = 0; i < expected.size(); i++) scale = Math.max(scale, Math.abs(expected.flat(i)));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.flat(i), actual.flat(i), 1e-12 * Math.max(scale, Double.MIN_NORMAL), "element " + i + " (" + Gemm.describe() + ")");
        }
    }
}
