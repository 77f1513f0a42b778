package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backpropviz.engine.NDArray;
import org.junit.jupiter.api.Test;

class ArrayTextTest {

    private static void assertArray(NDArray a, int[] shape, double... flat) {
        assertArrayEquals(shape, a.shape(), "shape " + a.shapeString());
        assertArrayEquals(flat, a.toFlatArray(), 0.0);
    }

    private static String refused(String text) {
        return assertThrows(ArrayText.ParseException.class, () -> ArrayText.parse(text)).getMessage();
    }

    @Test
    void numpyNestingGivesTheRank() {
        assertArray(ArrayText.parse("[[1, 2], [3, 4]]"), new int[] {2, 2}, 1, 2, 3, 4);
        assertArray(ArrayText.parse("[1, 2]"), new int[] {2}, 1, 2);
        assertArray(ArrayText.parse("[[1, 2]]"), new int[] {1, 2}, 1, 2);
        assertArray(ArrayText.parse("[[0.5], [-1e-3]]"), new int[] {2, 1}, 0.5, -0.001);
    }

    @Test
    void arrayCallsAndDtypeAreAccepted() {
        assertArray(ArrayText.parse("array([[1., 2.], [3., 4.]])"), new int[] {2, 2}, 1, 2, 3, 4);
        assertArray(ArrayText.parse("np.array([0.1, 0.2, 0.7])"), new int[] {3}, 0.1, 0.2, 0.7);
        assertArray(ArrayText.parse("numpy.array([[1, 2]], dtype=np.float64)"), new int[] {1, 2}, 1, 2);
        assertArray(ArrayText.parse("np.array(3.5)"), new int[0], 3.5);
    }

    @Test
    void numpysPrintedFormWithoutCommas() {
        assertArray(ArrayText.parse("[[1. 2.]\n [3. 4.]]"), new int[] {2, 2}, 1, 2, 3, 4);
        assertArray(ArrayText.parse("[ 0.1  -0.2   3.e+00]"), new int[] {3}, 0.1, -0.2, 3);
        assertArray(ArrayText.parse("array([[ 1.0e-02,  2.5e+00],\n       [-3.0e+00,  4.0e+00]])"),
                new int[] {2, 2}, 0.01, 2.5, -3, 4);
    }

    @Test
    void aBareNumberIsAScalar() {
        assertArray(ArrayText.parse(" -2.5 "), new int[0], -2.5);
        assertArray(ArrayText.parse("\u22121"), new int[0], -1); // a Unicode minus sign, as typeset text has
    }

    @Test
    void spreadsheetBlocksAreAlways2d() {
        assertArray(ArrayText.parse("1\t2\t3\n4\t5\t6\n"), new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertArray(ArrayText.parse("1,2\r\n3,4\r\n"), new int[] {2, 2}, 1, 2, 3, 4);
        assertArray(ArrayText.parse("1 2 3"), new int[] {1, 3}, 1, 2, 3);
        assertArray(ArrayText.parse("1;2\n3;4"), new int[] {2, 2}, 1, 2, 3, 4);
        assertArray(ArrayText.parse("7\n8\n9"), new int[] {3, 1}, 7, 8, 9);
        // a spreadsheet copy ending each row with a tab
        assertArray(ArrayText.parse("1\t2\t\n3\t4\t\n"), new int[] {2, 2}, 1, 2, 3, 4);
    }

    @Test
    void raggedRowsNameTheRow() {
        assertEquals("row 1 has 2 numbers, row 0 has 3", refused("1,2,3\n4,5"));
        assertEquals("row 1 has 1 numbers, row 0 has 2", refused("[[1, 2], [3]]"));
    }

    @Test
    void wordsNaNAndInfinityAreRefusedWithThePlace() {
        assertEquals("row 0, column 2: \"abc\" is not a number", refused("1\t2\tabc"));
        assertEquals("row 1, column 0: nan is refused; only finite numbers are allowed", refused("[[1, 2], [nan, 3]]"));
        assertEquals("element 1: -inf is refused; only finite numbers are allowed", refused("[1, -inf]"));
        assertEquals("row 0, column 1: 1e999 is refused; only finite numbers are allowed", refused("1, 1e999"));
        assertEquals("row 0, column 1 is empty", refused("1\t\t3"));
        refused("0x10");
        refused("1d");
        refused("Infinity");
        refused("");
        refused("[[[1]]]");
        refused("[[1, 2], [3, 4]");
        refused("[1, 2]]");
        refused("[[1, 2], 3]");
    }

    @Test
    void parseNumberIsStrict() {
        assertEquals(0.5, ArrayText.parseNumber(".5", "x"));
        assertEquals(1000.0, ArrayText.parseNumber("1_000", "x"));
        assertEquals(-0.001, ArrayText.parseNumber("-1E-3", "x"));
        ArrayText.ParseException e = assertThrows(ArrayText.ParseException.class, () -> ArrayText.parseNumber("NaN", "W1[0, 1]"));
        assertEquals(ArrayText.Problem.NOT_FINITE, e.problem());
        assertEquals("W1[0, 1]", e.args()[0].toString());
        assertThrows(ArrayText.ParseException.class, () -> ArrayText.parseNumber("1,5", "x"));
    }

    @Test
    void writesNumpyAndCsvThatReadBack() {
        NDArray m = NDArray.matrix(new double[][] {{1, 2.5}, {-3, 0.1}});
        assertEquals("np.array([[1.0, 2.5],\n          [-3.0, 0.1]])", ArrayText.toNumpy(m));
        assertEquals("1.0,2.5\n-3.0,0.1\n", ArrayText.toCsv(m));
        assertEquals(m, ArrayText.parse(ArrayText.toNumpy(m)));
        assertEquals(m, ArrayText.parse(ArrayText.toCsv(m)));

        NDArray v = NDArray.vector(0.1, 1e-20, 3);
        assertEquals("np.array([0.1, 1e-20, 3.0])", ArrayText.toNumpy(v));
        assertEquals(v, ArrayText.parse(ArrayText.toNumpy(v)));
        assertEquals("np.array(2.0)", ArrayText.toNumpy(NDArray.scalar(2)));
        // a (1, n) row survives the round trip as (1, n), a (n,) vector as (n,)
        NDArray row = NDArray.matrix(new double[][] {{1, 2}});
        assertEquals(row, ArrayText.parse(ArrayText.toNumpy(row)));
    }
}
