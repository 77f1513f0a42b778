package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link NDArray#maxAbsFinite()}: the colour scale of a picture, NumPy's {@code np.abs(a[np.isfinite(a)]).max()}. */
class NDArrayScaleTest {
    @Test
    void theLargestFiniteMagnitudeIgnoringNanAndInfinities() {
        assertEquals(7.5, NDArray.vector(1, -7.5, 3).maxAbsFinite());
        assertEquals(2.0, NDArray.vector(Double.NaN, 2, Double.NEGATIVE_INFINITY, -1, Double.POSITIVE_INFINITY).maxAbsFinite());
        assertEquals(0.0, NDArray.vector(Double.NaN, Double.POSITIVE_INFINITY).maxAbsFinite(), "no finite value: 0");
        assertEquals(0.0, NDArray.full(new int[] {3, 4}, 0.0).maxAbsFinite());
        assertEquals(Double.MAX_VALUE, NDArray.vector(-Double.MAX_VALUE, 1).maxAbsFinite());
    }

    @Test
    void aReshapedViewCountsOnlyItsOwnElements() {
        NDArray a = NDArray.matrix(new double[][] {{1, -9}, {3, 4}});
        NDArray row = a.reshape(1, 4);
        assertEquals(9.0, row.maxAbsFinite());
        assertEquals(9.0, row.maxAbsFinite(), "the second call returns the kept value");
    }

    @Test
    void signAndFinitenessAsNumpyTellsThemAndTheSameOnTheSecondCall() {
        NDArray signed = NDArray.vector(0, 2, -1e-300);
        for (int i = 0; i < 2; i++) {
            assertTrue(signed.anyNegative(), "np.any(a < 0)");
            assertTrue(signed.allFinite());
        }
        NDArray odd = NDArray.vector(-0.0, Double.NaN, 3);
        for (int i = 0; i < 2; i++) {
            assertFalse(odd.anyNegative(), "-0.0 < 0 and nan < 0 are False");
            assertFalse(odd.allFinite(), "np.isfinite(nan) is False");
        }
        assertFalse(NDArray.vector(1, Double.NEGATIVE_INFINITY).allFinite());
        assertTrue(NDArray.vector(1, Double.NEGATIVE_INFINITY).anyNegative());
        assertTrue(NDArray.matrix(new double[][] {{1, -9}, {3, 4}}).reshape(1, 4).anyNegative(), "a reshaped copy keeps its sign");
    }
}
