package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The engine's result-size limit: NumPy's semantics below it, a refusal naming operation and shapes above it. */
class LimitsTest {
    static NDArray ones(int... shape) {
        return NDArray.full(shape, 1.0);
    }

    /** x (n, 1), W1 (1, 1), b1 (n,): np.dot(x, W1) + b1 broadcasts to (n, n); the rest of the net is small. */
    static NetInputs growing(int n) {
        return new NetInputs(ones(n, 1), ones(1, 1), ones(n), ones(n, 2), ones(2), NDArray.vector(0).asInteger());
    }

    @Test
    void aSmallFileThatBroadcastsToBillionsIsRefusedBeforeAnythingIsAllocated() {
        // (50000, 50000) is 2.5 billion values: more than an int counts and than any Java array holds
        Trace t = Trace.evaluate(growing(50_000));
        EngineError e = t.error().orElseThrow();
        assertEquals("affine1", e.node());
        assertEquals(Phase.FORWARD, e.phase());
        assertEquals("LimitError", e.kind());
        assertEquals(ErrorCategory.LIMIT, e.category());
        assertTrue(e.isLimitError());
        assertFalse(e.isShapeError());
        assertEquals("np.dot(x, W1) + b1 with np.dot(x, W1) (50000, 1) and b1 (50000,): the result (50000, 50000) would hold "
                + "2,500,000,000 values, over the limit of 50,000,000 (setting backpropviz.maxResultValues)", e.message());
        assertEquals("np.dot(x, W1) + b1", e.expression());
        assertEquals(List.of(new Operand("np.dot(x, W1)", new int[] {50_000, 1}), new Operand("b1", new int[] {50_000})), e.operands());
        assertTrue(t.forwardValues().isEmpty());
    }

    @Test
    void theLimitIsATraceSettingAndTheIssuesExampleNamesItsShapes() {
        Limits twenty = new Limits(20_000_000);
        Trace t = Trace.evaluate(growing(5000), twenty);
        assertEquals("np.dot(x, W1) + b1 with np.dot(x, W1) (5000, 1) and b1 (5000,): the result (5000, 5000) would hold "
                + "25,000,000 values, over the limit of 20,000,000 (setting backpropviz.maxResultValues)", t.error().orElseThrow().message());
        assertEquals(twenty, t.limits());
        // stepping, and stepping back, keep the trace's limits
        Trace stepped = Trace.start(growing(5000), twenty).step();
        assertEquals(t.error(), stepped.error());
        assertEquals(twenty, stepped.back().limits());
        assertEquals(Limits.current(), Trace.start(growing(2)).limits());
    }

    @Test
    void aResultAtTheLimitIsComputedAndOneValueMoreIsRefused() {
        NDArray col = ones(3, 1), row = ones(4);
        assertEquals("(3, 4)", Np.add(col, row, new Limits(12)).shapeString());
        LimitException e = assertThrows(LimitException.class, () -> Np.add(col, row, new Limits(11)));
        assertEquals("the result (3, 4) would hold 12 values, over the limit of 11 (setting backpropviz.maxResultValues)", e.getMessage());
        assertEquals(12, e.values());
        assertEquals(11, e.limit());
        assertEquals("LimitError", e.kind());
    }

    @Test
    void everyOperationThatCanGrowChecksAndNoOtherDoes() {
        Limits five = new Limits(5);
        NDArray c3 = ones(3, 1), r3 = ones(1, 3), v3 = ones(3);
        List<Supplier<NDArray>> growing = List.of(
                () -> Np.dot(c3, r3, five),                        // (3,1)·(1,3) → (3,3)
                () -> Np.dotTransposedA(r3, r3, five),             // (1,3).T·(1,3) → (3,3)
                () -> Np.dotTransposedB(c3, c3, five),             // (3,1)·(3,1).T → (3,3)
                () -> Np.add(c3, v3, five),                        // (3,1) + (3,) → (3,3)
                () -> Np.subtract(v3, c3, five),                   // (3,) - (3,1) → (3,3)
                () -> SoftmaxWithLoss.loss(ones(3, 2), NDArray.full(new int[] {3, 1}, 0).asInteger(), five),    // y[arange(3), t (3,1)] → (3,3)
                () -> SoftmaxWithLoss.backward(ones(1, 3), NDArray.full(new int[] {3, 1}, 0).asInteger(), five), // y (1,3) - t (3,1) → (3,3)
                () -> SoftmaxWithLoss.backward(ones(3, 2), NDArray.full(new int[] {3, 1}, 0).asInteger(), five), // dx[arange(3), t (3,1)]
                () -> Sigmoid.backward(ones(1, 3), ones(3, 1), five));       // dout (3,1) * (1 - out) (1,3) → (3,3)
        for (int i = 0; i < growing.size(); i++) {
            Supplier<NDArray> op = growing.get(i);
            RuntimeException e = assertThrows(RuntimeException.class, op::get, "operation " + i);
            EngineException reason = e instanceof OpFailure f ? f.reason() : (EngineException) e;
            assertEquals(ErrorCategory.LIMIT, reason.category(), "operation " + i + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("(3, 3) would hold 9 values, over the limit of 5"), e.getMessage());
        }
        OpFailure lookup = assertThrows(OpFailure.class,
                () -> SoftmaxWithLoss.loss(ones(3, 2), NDArray.full(new int[] {3, 1}, 0).asInteger(), five));
        assertEquals("cross_entropy_error(y, t) with y (3, 2) and t (3, 1): y[np.arange(batch_size), t] (3, 3) would hold 9 values, "
                + "over the limit of 5 (setting backpropviz.maxResultValues)", lookup.getMessage());
        // results no larger than an operand are not checked: that operand exists already
        NDArray big = ones(4, 3);
        assertEquals("(4, 3)", Np.add(big, ones(3), five).shapeString());
        assertEquals("(4, 1)", Np.dot(big, ones(3, 1), five).shapeString());
        assertEquals("(3,)", Np.dot(ones(4), big, five).shapeString());
        // NumPy's own errors come first
        assertEquals(ErrorCategory.SHAPE, assertThrows(NumpyException.class, () -> Np.add(ones(3, 2), ones(3), five)).category());
    }

    @Test
    void theSettingIsAWholeNumberFromOneToWhatAJavaArrayHolds() {
        assertEquals(Limits.DEFAULT, Limits.parse(null));
        assertEquals(Limits.DEFAULT, Limits.parse("  "));
        assertEquals(50_000_000L, Limits.DEFAULT.maxResultValues());
        assertEquals(100_000_000L, Limits.parse("100000000").maxResultValues());
        assertEquals(100_000_000L, Limits.parse(" 100_000_000 ").maxResultValues());
        assertEquals(1_000L, Limits.parse("1,000").maxResultValues());
        assertEquals("backpropviz.maxResultValues: \"lots\" is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> Limits.parse("lots")).getMessage());
        assertEquals("backpropviz.maxResultValues: 0 is not between 1 and 2,147,483,639",
                assertThrows(IllegalArgumentException.class, () -> Limits.parse("0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Limits.parse("-5"));
        assertThrows(IllegalArgumentException.class, () -> Limits.parse("3000000000"));
        assertThrows(IllegalArgumentException.class, () -> Limits.parse("1e9"));
        assertEquals("backpropviz.maxResultValues: \"lots\" is not a whole number", Limits.read("lots").problem());
        assertEquals(Limits.DEFAULT, Limits.read("lots").limits());
        assertEquals(new Limits(7), Limits.read("7").limits());
        // this JVM's setting is read once; the build runs the tests without it
        assertTrue(Limits.settingProblem().isEmpty());
        assertEquals(Limits.current(), Limits.current());
    }
}
