package org.backpropviz.engine;

import java.util.Locale;

/** How NumPy and Python write shapes and arrays. */
public final class Shapes {
    private Shapes() {}

    /** Python's tuple repr, as {@code a.shape} prints: {@code ()}, {@code (2,)}, {@code (4, 3)}. */
    public static String tuple(int[] shape) {
        if (shape.length == 0) return "()";
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** The compact form NumPy's error messages use: {@code ()}, {@code (2,)}, {@code (4,3)}. */
    public static String compact(int[] shape) {
        return tuple(shape).replace(" ", "");
    }

    /** Parses a shape written as NumPy writes it: {@code ()}, {@code (2,)}, {@code (4, 3)}, also {@code 4,3} or {@code 4x3}. */
    public static int[] parse(String text) {
        String s = text.trim();
        if (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1);
        s = s.trim();
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split("\\s*[,x×]\\s*", -1);
        int n = parts.length;
        if (n > 1 && parts[n - 1].isEmpty()) n--; // trailing comma as in (2,)
        if (n > 2) throw new IllegalArgumentException("shape " + text.trim() + " has rank " + n + "; only ranks 0, 1 and 2 are supported");
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shape " + text.trim() + ": \"" + parts[i].trim() + "\" is not a whole number");
            }
            if (shape[i] < 1) throw new IllegalArgumentException("shape " + text.trim() + ": every dimension must be at least 1");
        }
        return shape;
    }

    /** The array as NumPy-style text, e.g. {@code [[1.0, 2.0], [3.0, 4.0]]}, numbers written so they read back exactly. */
    public static String toNumpyText(NDArray a) {
        if (a.rank() == 0) return number(a.item());
        StringBuilder sb = new StringBuilder();
        nested(sb, a, 0, 0, a.size());
        return sb.toString();
    }

    /** Elements {@code from} to {@code to} of {@code a} as the nested lists of its axes from {@code axis} on. */
    private static void nested(StringBuilder sb, NDArray a, int axis, int from, int to) {
        int n = a.dim(axis), step = (to - from) / n;
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            if (axis == a.rank() - 1) sb.append(number(a.flat(from + i)));
            else nested(sb, a, axis + 1, from + i * step, from + (i + 1) * step);
        }
        sb.append(']');
    }

    /** A double as Python's repr writes it (shortest text that reads back exactly; {@code nan}, {@code inf}). */
    public static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return String.format(Locale.ROOT, "%.1f", v);
        return Double.toString(v);
    }
}
