package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Arrays of rank 3 to 6 (issue #16). Expected figures are NumPy 2.4.6's for x = np.arange(12).reshape(2, 2, 3) / 10,
 * W = np.arange(12).reshape(6, 2) / 10 - 0.5, b = [0.1, -0.2], W3 = np.arange(6).reshape(3, 2).
 */
class HighRankTest {
    private static NDArray x() {
        double[] v = new double[12];
        for (int i = 0; i < 12; i++) v[i] = i / 10.0;
        return NDArray.of(new int[] {2, 2, 3}, v);
    }

    @Test
    void rankSixIsKeptAndRankSevenIsRefusedWithTheShape() {
        NDArray six = NDArray.full(new int[] {1, 2, 1, 2, 1, 3}, 1.5);
        assertEquals(6, six.rank());
        assertEquals("(1, 2, 1, 2, 1, 3)", six.shapeString());
        RankException e = assertThrows(RankException.class, () -> NDArray.full(new int[] {1, 1, 1, 1, 1, 1, 2}, 0));
        assertEquals("the array (1, 1, 1, 1, 1, 1, 2) would have rank 7; arrays of rank 0 to 6 are supported", e.getMessage());
    }

    @Test
    void dotOfARankThreeXIsNumpysDot() {
        double[] w = new double[6];
        for (int i = 0; i < 6; i++) w[i] = i;
        NDArray out = Np.dot(x(), NDArray.of(new int[] {3, 2}, w));
        assertEquals("(2, 2, 2)", out.shapeString());
        double[] numpy = {1.0, 1.3, 2.8, 4.0, 4.6, 6.7, 6.4, 9.4};
        for (int i = 0; i < numpy.length; i++) assertEquals(numpy[i], out.flat(i), 1e-12);
        NumpyException e = assertThrows(NumpyException.class, () -> Np.dot(x(), NDArray.full(new int[] {4, 2}, 1)));
        assertEquals("shapes (2,2,3) and (4,2) not aligned: 3 (dim 2) != 4 (dim 0)", e.getMessage());
    }

    @Test
    void transposeReversesTheAxesAndSumAxis0DropsTheFirst() {
        NDArray t = Np.transpose(x());
        assertEquals("(3, 2, 2)", t.shapeString());
        assertArrayEquals(new double[] {0.0, 0.6, 0.3, 0.9, 0.1, 0.7, 0.4, 1.0, 0.2, 0.8, 0.5, 1.1}, t.toFlatArray(), 1e-12);
        NDArray s = Np.sumAxis0(x());
        assertEquals("(2, 3)", s.shapeString());
        assertArrayEquals(new double[] {0.6, 0.8, 1.0, 1.2, 1.4, 1.6}, s.toFlatArray(), 1e-12);
    }

    @Test
    void repositoryAffineFlattensToOneRowPerSampleAndGivesDxTheInputsShape() {
        double[] w = new double[12];
        for (int i = 0; i < 12; i++) w[i] = i / 10.0 - 0.5;
        Affine a = new Affine(NDArray.of(new int[] {6, 2}, w), NDArray.vector(0.1, -0.2), "W1", "b1");
        NDArray flat = Affine.flatten(x());
        assertEquals("(2, 6)", flat.shapeString());
        NDArray out = a.forward(flat);
        assertArrayEquals(new double[] {0.45, 0.3, 0.45, 0.66}, out.toFlatArray(), 1e-12);
        NDArray dx = Affine.unflatten(a.dx(NDArray.full(new int[] {2, 2}, 1)), x());
        assertEquals("(2, 2, 3)", dx.shapeString());
        assertEquals("(2, 6)", x().batchView().shapeString());
    }
}
