package org.backpropviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The short text of a grid cell. */
class CellTextTest {
    @Test
    void shortReprIsKeptLongOnesGetFourSignificantDigits() {
        assertEquals("1.0", CellGrid.cellText(1));
        assertEquals("-0.5", CellGrid.cellText(-0.5));
        assertEquals("0.01", CellGrid.cellText(0.01));
        assertEquals("0.01235", CellGrid.cellText(0.0123456789));
        assertEquals("-0.01235", CellGrid.cellText(-0.0123456789));
        assertEquals("0.0001235", CellGrid.cellText(0.000123456789));
        assertEquals("3.142", CellGrid.cellText(Math.PI));
        assertEquals("123.5", CellGrid.cellText(123.456789));
        assertEquals("0.1", CellGrid.cellText(0.1000000001));
        assertEquals("10.0", CellGrid.cellText(9.99999999));
        assertEquals("123457.0", CellGrid.cellText(123456.789));
        // NumPy's scientific form (as str(np.float64(v)) prints it), never Java's 1.0E-20
        assertEquals("1.235e-05", CellGrid.cellText(0.0000123456789));
        assertEquals("1e-20", CellGrid.cellText(1e-20));
        assertEquals("1e+300", CellGrid.cellText(1e300));
        assertEquals("1.5e-05", CellGrid.cellText(1.5e-5));
        assertEquals("-2.5e+100", CellGrid.cellText(-2.5e100));
    }
}
