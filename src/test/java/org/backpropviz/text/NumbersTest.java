package org.backpropviz.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The expected strings were printed by NumPy 2.4.6: {@code str(np.float64(v))} (equal to Python's {@code repr}). */
class NumbersTest {

    @Test
    void writesWhatNumpyPrintsForTheLessonsAndTheIssuesNumbers() {
        assertEquals("0.5", Numbers.repr(0.5));
        assertEquals("1e+300", Numbers.repr(1e300));
        assertEquals("1e-05", Numbers.repr(0.00001));
        assertEquals("0.00030165", Numbers.repr(0.00030165));
        assertEquals("0.0001", Numbers.repr(0.0001));
        assertEquals("3e-05", Numbers.repr(0.00003));
        assertEquals("-2.5e-07", Numbers.repr(-2.5e-7));
        assertEquals("1.0", Numbers.repr(1));
        assertEquals("100.0", Numbers.repr(100));
        assertEquals("0.0", Numbers.repr(0));
        assertEquals("-0.0", Numbers.repr(-0.0));
        assertEquals("nan", Numbers.repr(Double.NaN));
        assertEquals("inf", Numbers.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Numbers.repr(Double.NEGATIVE_INFINITY));
        assertEquals("0.30000000000000004", Numbers.repr(0.1 + 0.2));
        assertEquals("0.3333333333333333", Numbers.repr(1.0 / 3));
        assertEquals("2.3025850929940455", Numbers.repr(2.3025850929940455));
        assertEquals("1000000000000000.0", Numbers.repr(1e15));
        assertEquals("9999999999999998.0", Numbers.repr(9999999999999998.0));
        assertEquals("1e+16", Numbers.repr(1e16));
        assertEquals("1.2345678901234567e+19", Numbers.repr(12345678901234567890.0));
        assertEquals("1.7976931348623157e+308", Numbers.repr(Double.MAX_VALUE));
        assertEquals("5e-324", Numbers.repr(Double.MIN_VALUE));
        // Java 17's Double.toString writes 2.82879384806159008E17 here: not the shortest
        assertEquals("2.82879384806159e+17", Numbers.repr(2.82879384806159e17));
    }

    /** Random values over 60 decades, drawn and printed by NumPy ({@code default_rng(15)}), given by their bits. */
    private static final Object[][] RANDOM = {
            {0xbb659f6c01416b1bL, "-1.430873022859087e-22"},
            {0xc08d4461b9180547L, "-936.5477163197146"},
            {0x400f83db8837cf29L, "3.939383568003809"},
            {0xc545acfba6bf315cL, "-5.240866279019979e+25"},
            {0x44a642be07eaef1eL, "5.2561620451750895e+22"},
            {0x39e477d473ce5fe8L, "8.073236234093463e-30"},
            {0xc55dd9fdd584bff4L, "-1.4435313882996356e+26"},
            {0x44b589838b804120L, "1.0170637888921869e+23"},
            {0xbd9a3268565b6f98L, "-5.956486475349955e-12"},
            {0x3e8c1b38a21c12e6L, "2.0940849859026372e-07"},
            {0x3fcda9a917374680L, "0.23174012788381404"},
            {0x3fe119c1ec272e19L, "0.5343942272533609"},
            {0x3fee3ae71b7534f9L, "0.9446902786527566"},
            {0x3fd52f1389fbd254L, "0.3309983108040673"},
            {0x3fed136cba27528aL, "0.9086211810886919"},
            {0x3fdde8c2da062992L, "0.4673316125050856"},
            {0x3feef4057872d553L, "0.9672877647887311"},
            {0x3fe8748c258d728fL, "0.7642269833991849"},
            {0x3fe9113c169d2ff7L, "0.7833538476638741"},
            {0x3fd723442af2bc48L, "0.36152748293074355"},
            {0xbf1013cc4a5c78e4L, "-6.133016958329327e-05"},
            {0x3ee04f750b36ebdbL, "7.777395103816399e-06"},
            {0xbf154fce2b974b2fL, "-8.129783500203097e-05"},
            {0xbf06247666ed6900L, "-4.223333677684689e-05"},
            {0xbf2de08fa6ddc7e6L, "-0.00022794488489413718"},
            {0x3f135e49abf0fd86L, "7.388424545328427e-05"},
            {0xc30489a54d0b41ceL, "-722605323675705.8"},
            {0xc2d0876bd861c1d3L, "-72695263889159.3"},
            {0x42f95644b37c428fL, "445732967924776.94"},
            {0x42f346630833f8a0L, "339088481927050.0"},
            {0xc312ad25cac05ddcL, "-1314231851947895.0"},
            {0x4315930fe5810c88L, "1518167748789026.0"},
    };

    @Test
    void writesRandomValuesAsNumpyDoes() {
        for (Object[] r : RANDOM) assertEquals(r[1], Numbers.repr(Double.longBitsToDouble((Long) r[0])));
    }

    @Test
    void fitsTheSignificantDigitsThatFitAWidth() {
        assertEquals("0.00030165", Numbers.fit(0.00030165, 10)); // the lesson's number, whole
        assertEquals("0.0003017", Numbers.fit(0.000301653, 9)); // NumPy: format_float_positional(.., precision=4, fractional=False)
        assertEquals("3.02e-05", Numbers.fit(3.0165e-5, 8)); // NumPy: format_float_scientific(.., precision=2)
        assertEquals("-0.1349", Numbers.fit(-0.13490001, 7));
        assertEquals("1e+05", Numbers.fit(123456.789, 6)); // no integer digit is rounded away in place
        assertEquals("123457.", Numbers.fit(123456.789, 7));
        assertEquals("123456.8", Numbers.fit(123456.789, 8));
        assertEquals("0.5", Numbers.fit(0.5, 3));
        assertEquals("-12.", Numbers.fit(-12.0, 4)); // NumPy's array style when .0 does not fit
        assertEquals("1e+300", Numbers.fit(1e300, 4)); // nothing fits: the shortest form
        assertEquals("nan", Numbers.fit(Double.NaN, 2));
        for (Object[] r : RANDOM) {
            double v = Double.longBitsToDouble((Long) r[0]);
            String s = Numbers.fit(v, 8);
            assertTrue(s.length() <= 8 || s.matches("-?\\de[+-]\\d+"), s);
            assertEquals(v, Double.parseDouble(s), Math.abs(v) * 0.05, s); // the digits kept are the value's, rounded
        }
    }

    @Test
    void countsAndPercentagesReadTheSameInEveryLanguage() {
        assertEquals("1,000", Numbers.count(1000));
        assertEquals("93.3\u00a0%", Numbers.percent(0.9333));
    }
}
