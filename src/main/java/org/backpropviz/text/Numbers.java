package org.backpropviz.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one way the program writes a number for people to read: as NumPy prints a {@code float64} ({@code str} of
 * {@code np.float64}, which is Python's {@code repr(float)}): the shortest digits that read back to the same double,
 * positional from {@code 1e-4} up to {@code 1e16} ({@code 0.5}, {@code 0.00030165}, {@code 100.0}), scientific outside
 * ({@code 1e-05}, {@code 1e+300}), and {@code nan}, {@code inf}, {@code -inf}. Where room is short
 * ({@link #fit(double, int)}) the same style keeps the significant digits that fit. Pure Java, no locale.
 */
public final class Numbers {

    private Numbers() {}

    /** Where Python and NumPy switch to the scientific form: a decimal exponent below -4 or from 16 up. */
    private static final int LOW_EXPONENT = -4, HIGH_EXPONENT = 16;

    /** {@code v} as NumPy prints it: {@code str(np.float64(v))}, which equals Python's {@code repr(float(v))}. */
    public static String repr(double v) {
        String special = special(v);
        if (special != null) return special;
        return write(shortest(Math.abs(v)), v < 0, false);
    }

    /**
     * {@code v} in at most {@code maxChars} characters where it can be: {@link #repr} if that fits, else the same style
     * with as many significant digits as fit (positional while no integer digit is lost, else scientific:
     * {@code 0.0003017}, {@code 3.02e-05}, {@code 1.2e+05}); a whole number may drop the 0 after its point as NumPy's
     * arrays print it ({@code -12.}). A value no form fits gets its shortest form, one digit.
     */
    public static String fit(double v, int maxChars) {
        String full = repr(v);
        if (full.length() <= maxChars || special(v) != null) return full;
        if (full.endsWith(".0") && full.length() - 1 <= maxChars) return full.substring(0, full.length() - 1); // NumPy's array style: 12.
        double a = Math.abs(v);
        String shortest = null;
        for (int p = Math.min(17, shortest(a).precision() - 1); p >= 1; p--) {
            BigDecimal r = round(new BigDecimal(a), p).stripTrailingZeros();
            if (r.signum() == 0) continue;
            String s = write(r, v < 0, exponent(r) + 1 > p);
            if (s.endsWith(".0") && s.length() - 1 <= maxChars) s = s.substring(0, s.length() - 1);
            if (s.length() <= maxChars) return s;
            shortest = s;
        }
        return shortest == null ? full : shortest;
    }

    /**
     * An integer count with a thin separator of thousands as a learner reads it ({@code 1,000}), the same in every
     * language the program speaks.
     */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A fraction as a percentage with one decimal and no break before the sign ({@code 93.3\u00a0%}). */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) return repr(fraction);
        return String.format(Locale.ROOT, "%.1f\u00a0%%", fraction * 100);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return 1 / v < 0 ? "-0.0" : "0.0";
        return null;
    }

    /**
     * The fewest significant digits that read back to {@code a} (positive, finite). Rounding to more digits never
     * moves further from {@code a}, so whether a precision reads back is monotone and a binary search finds it.
     */
    static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        int lo = 1, hi = 17; // 17 significant digits always read back
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (Double.parseDouble(round(exact, mid).toString()) == a) hi = mid;
            else lo = mid + 1;
        }
        return round(exact, lo).stripTrailingZeros();
    }

    private static BigDecimal round(BigDecimal exact, int digits) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    /** The decimal exponent of the first significant digit ({@code 2} for {@code 123}, {@code -4} for {@code 0.0003}). */
    private static int exponent(BigDecimal r) {
        return r.precision() - 1 - r.scale();
    }

    /** Digits and exponent written in Python's style; {@code scientific} forces the scientific form. */
    private static String write(BigDecimal r, boolean negative, boolean scientific) {
        String digits = r.unscaledValue().toString();
        int e = exponent(r);
        StringBuilder b = new StringBuilder(24);
        if (negative) b.append('-');
        if (!scientific && e >= LOW_EXPONENT && e < HIGH_EXPONENT) {
            if (e < 0) {
                b.append("0.");
                b.append("0".repeat(-e - 1)).append(digits);
            } else if (digits.length() <= e + 1) {
                b.append(digits).append("0".repeat(e + 1 - digits.length())).append(".0");
            } else {
                b.append(digits, 0, e + 1).append('.').append(digits, e + 1, digits.length());
            }
        } else {
            b.append(digits.charAt(0));
            if (digits.length() > 1) b.append('.').append(digits, 1, digits.length());
            b.append('e').append(e < 0 ? '-' : '+');
            int x = Math.abs(e);
            if (x < 10) b.append('0');
            b.append(x);
        }
        return b.toString();
    }
}
