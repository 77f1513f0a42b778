package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link NDArray#takeRows}: NumPy's {@code x[idx]} for a 2-D x (values from NumPy 2.x: {@code np.arange(12.).reshape(4, 3)[[2, 0, 2]]}). */
class TakeRowsTest {
    private final NDArray x = NDArray.of(new int[] {4, 3}, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});

    @Test
    void rowsInTheOrderGivenRepeatsIncluded() {
        NDArray r = x.takeRows(new int[] {2, 0, 2});
        assertEquals(NDArray.matrix(new double[][] {{6, 7, 8}, {0, 1, 2}, {6, 7, 8}}), r);
        assertEquals("(0, 3)", x.takeRows(new int[0]).shapeString());
        assertEquals(NDArray.of(new int[] {4, 3}, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), x, "x is not modified");
    }

    @Test
    void anIndexOutsideTheRowsIsRefusedWithTheShape() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> x.takeRows(new int[] {1, 4}));
        assertEquals("row 4 of (4, 3)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> x.takeRows(new int[] {-1}));
    }
}
