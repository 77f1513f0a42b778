package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The lesson's own numbers and pitfalls (../shared/lesson), as NumPy prints them. */
class LessonTest {
    static final NDArray X = NDArray.vector(0.057618, 0.04088931);
    static final NDArray W = NDArray.matrix(new double[][] {{0.07086644, 0.71153285, 0.0462262}, {0.35796734, 0.58845011, 0.47938425}});
    static final NDArray B1 = NDArray.vector(0.1, -0.2, 0.3);
    static final NDArray W2 = NDArray.matrix(new double[][] {{0.5, -0.4}, {0.3, 0.8}, {-0.6, 0.2}});
    static final NDArray B2 = NDArray.vector(0.0, 0.1);

    @Test
    void vectorTimesMatrixHasShapeThree() {
        NDArray xw = Np.dot(X, W);
        assertEquals("(3,)", xw.shapeString());
        // (the lesson's printed product came from another random draw than its printed X and W, so only the shape is checked)
        assertEquals(0.057618 * 0.07086644 + 0.04088931 * 0.35796734, xw.flat(0), 1e-17);
    }

    @Test
    void matrixTimesVectorFailsWithNumpysMessage() {
        NumpyException e = assertThrows(NumpyException.class, () -> Np.dot(W, X));
        assertEquals("shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)", e.getMessage());
        assertEquals("ValueError", e.kind());
        assertEquals(ErrorCategory.SHAPE, e.category());
    }

    @Test
    void softmaxWithLossDividesByTheClassCountForAOneDimensionalT() {
        NDArray a = NDArray.vector(1, 8, 3);
        NDArray t = NDArray.vector(0, 1, 0).asInteger();
        NDArray y = SoftmaxWithLoss.softmax(a);
        assertEquals(0.007620616629495912, SoftmaxWithLoss.loss(y, t).item(), 1e-17);
        NDArray dx = SoftmaxWithLoss.backward(y, t);
        assertArrayEquals(new double[] {0.00030165, -0.00253058, 0.00222893}, dx.toFlatArray(), 5e-9);
        // the same example through the whole net with identity weights, and its warning
        NDArray id = NDArray.matrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        NDArray zero = NDArray.vector(0, 0, 0);
        Trace tr = Trace.evaluate(new NetInputs(a, id, zero, id, zero, t));
        assertEquals(0.007620616629495912, tr.loss().orElseThrow(), 1e-17);
        assertTrue(tr.warnings().stream().anyMatch(w -> w.kind() == EngineWarning.Kind.VECTOR_T_AS_BATCH && w.args().contains("3")));
        // with the lesson's 1-D x, dW is a scalar: NumPy's inner product of x.T and dout, whose lengths agree here
        assertEquals("()", tr.grad(Param.W1).orElseThrow().shapeString());
        assertTrue(tr.warnings().stream().anyMatch(w -> w.kind() == EngineWarning.Kind.GRAD_SHAPE && w.node().equals("affine1")));
    }

    @Test
    void softmaxIsStableOnScoresInTheThousands() {
        NDArray y = Np.softmax(NDArray.vector(1000, 2000, 3000));
        assertTrue(y.allFinite());
        assertEquals(1.0, y.flat(2), 0);
    }

    @Test
    void oneDimensionalInputPassesForwardAndFailsAtDW() {
        Trace t = Trace.start(new NetInputs(X, W, B1, W2, B2, NDArray.vector(1, 0).asInteger())).runPass();
        assertTrue(t.error().isEmpty(), "the forward pass works");
        assertEquals(5, t.stepsDone());
        assertEquals("(3,)", t.forward("affine1").orElseThrow().shapeString());
        t = t.runAll();
        EngineError e = t.error().orElseThrow();
        assertEquals("affine2", e.node());
        assertEquals(Phase.BACKWARD, e.phase());
        assertEquals("shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)", e.message());
        assertEquals("dW2 = np.dot(x.T, dout)", e.expression());
        assertEquals(List.of(new Operand("x.T", new int[] {3}), new Operand("dout", new int[] {2})), e.operands());
        assertTrue(t.forward("loss").isPresent(), "what was computed before the failure stays available");
        assertTrue(t.next().isEmpty());
        assertFalse(t.isComplete());
    }

    @Test
    void reshapingXToOneRowFixesTheBackwardPass() {
        Trace t = Trace.evaluate(new NetInputs(X.reshape(1, 2), W, B1, W2, B2, NDArray.matrix(new double[][] {{1, 0}})));
        assertTrue(t.isComplete());
        assertEquals("(2, 3)", t.grad(Param.W1).orElseThrow().shapeString());
        assertEquals("(3,)", t.grad(Param.B1).orElseThrow().shapeString());
        assertEquals("(1, 2)", t.backward("affine1").orElseThrow().shapeString());
    }

    @Test
    void aBatchChangesOnlyTheFirstDimension() {
        Random r = new Random(1);
        for (int n : new int[] {1, 4, 7}) {
            double[] x = new double[n * 2];
            double[] t = new double[n * 2];
            for (int i = 0; i < n; i++) {
                x[2 * i] = r.nextGaussian();
                x[2 * i + 1] = r.nextGaussian();
                t[2 * i + r.nextInt(2)] = 1;
            }
            Trace tr = Trace.evaluate(new NetInputs(NDArray.of(new int[] {n, 2}, x), W, B1, W2, B2, NDArray.of(new int[] {n, 2}, t)));
            assertEquals("(" + n + ", 3)", tr.forward("relu1").orElseThrow().shapeString());
            assertEquals("(" + n + ", 2)", tr.backward("softmax").orElseThrow().shapeString());
            assertEquals("(2, 3)", tr.grad(Param.W1).orElseThrow().shapeString());
            assertEquals("(3, 2)", tr.grad(Param.W2).orElseThrow().shapeString());
        }
    }

    @Test
    void reluNeverWritesIntoTheCallersArrays() {
        NDArray a = NDArray.vector(-1, 2, -3);
        NDArray dout = NDArray.vector(5, 6, 7);
        assertArrayEquals(new double[] {0, 6, 0}, Relu.backward(a, dout).toFlatArray());
        assertArrayEquals(new double[] {5, 6, 7}, dout.toFlatArray());
        assertArrayEquals(new double[] {-1, 2, -3}, a.toFlatArray());
    }

    @Test
    void stepBackReturnsTheExactEarlierSnapshot() {
        Trace start = Trace.start(new NetInputs(X.reshape(1, 2), W, B1, W2, B2, NDArray.matrix(new double[][] {{1, 0}})));
        Trace one = start.step();
        Trace two = one.step();
        assertTrue(two.back() == one);
        assertTrue(one.back() == start);
        assertTrue(start.back() == start);
        assertEquals(Step.RELU1_FORWARD, one.next().orElseThrow());
        assertEquals(Step.AFFINE1_FORWARD, one.last().orElseThrow());
    }

    @Test
    void theEngineRunsOffTheCallingThreadAndIsDeterministic() throws Exception {
        Random r = new Random(7);
        NetInputs in = new NetInputs(normal(r, 64, 300), normal(r, 300, 200), normal(r, 1, 200).reshape(200), normal(r, 200, 10),
                normal(r, 1, 10).reshape(10), NDArray.full(new int[] {64}, 3).asInteger());
        Trace reference = Trace.evaluate(in);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Trace>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) runs.add(pool.submit(() -> Trace.evaluate(in)));
            for (Future<Trace> f : runs) {
                Trace t = f.get();
                assertEquals(reference.forwardValues(), t.forwardValues());
                assertEquals(reference.grads(), t.grads());
                assertEquals(reference.backwardValues(), t.backwardValues());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void largeProductsUseTheConcurrentKernelAndAgreeWithTheSingleThreadedOne() {
        Random r = new Random(3);
        NDArray a = normal(r, 200, 300), b = normal(r, 300, 150);
        NDArray big = Np.dot(a, b); // 9e6 multiply-adds: above the threshold
        org.ejml.data.DMatrixRMaj c = new org.ejml.data.DMatrixRMaj(200, 150);
        org.ejml.dense.row.CommonOps_DDRM.mult(a.toMatrix(), b.toMatrix(), c);
        for (int i = 0; i < c.getNumElements(); i++) assertEquals(c.data[i], big.flat(i), 1e-12 * Math.max(1, Math.abs(c.data[i])));
    }

    static NDArray normal(Random r, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        return NDArray.of(new int[] {rows, cols}, v);
    }
}
