package org.backpropviz.app.playground;

import java.util.ArrayList;
import java.util.List;
import org.backpropviz.engine.NDArray;

/**
 * Reads an array written as NumPy text: {@code 3}, {@code [1, 2]}, {@code [[1, 2], [3, 4]]}; numbers may also be
 * separated by spaces as NumPy prints them ({@code [[1. 2.] [3. 4.]]}). Ranks 0 to 2 only.
 */
final class ArrayParser {
    /** Why a text was refused: a bundle key and its arguments. */
    static final class BadText extends IllegalArgumentException {
        final String key;
        final transient Object[] args;

        BadText(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    private final String s;
    private int pos;

    private ArrayParser(String s) {
        this.s = s;
    }

    static NDArray parse(String text) {
        ArrayParser p = new ArrayParser(text.strip());
        if (p.s.isEmpty()) throw new BadText("parse.empty");
        NDArray a = p.array();
        p.skipSpace();
        if (p.pos < p.s.length()) throw new BadText("parse.trailing", p.pos + 1, p.s.substring(p.pos));
        return a;
    }

    private NDArray array() {
        skipSpace();
        if (!peek('[')) return NDArray.scalar(number());
        pos++;
        skipSeparators();
        if (peek('[')) {
            List<double[]> rows = new ArrayList<>();
            while (peek('[')) {
                pos++;
                rows.add(numbers());
                skipSeparators();
                if (peek('[')) continue;
                break;
            }
            expect(']');
            int c = rows.get(0).length;
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).length != c) throw new BadText("parse.ragged", i + 1, rows.get(i).length, c);
            }
            return NDArray.matrix(rows.toArray(new double[0][]));
        }
        double[] v = numbers();
        return NDArray.vector(v);
    }

    /** Numbers up to and including the closing bracket. */
    private double[] numbers() {
        List<Double> v = new ArrayList<>();
        skipSeparators();
        while (pos < s.length() && !peek(']')) {
            if (peek('[')) throw new BadText("parse.rank3");
            v.add(number());
            skipSeparators();
        }
        expect(']');
        if (v.isEmpty()) throw new BadText("parse.emptyRow");
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }

    private double number() {
        skipSpace();
        int start = pos;
        while (pos < s.length() && "+-.0123456789eEinfatINFAT".indexOf(s.charAt(pos)) >= 0) pos++;
        String tok = s.substring(start, pos);
        if (tok.isEmpty()) {
            throw new BadText("parse.expectedNumber", pos + 1, pos < s.length() ? String.valueOf(s.charAt(pos)) : "");
        }
        try {
            double d = switch (tok.toLowerCase(java.util.Locale.ROOT)) {
                case "nan" -> Double.NaN;
                case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(tok);
            };
            return d;
        } catch (NumberFormatException e) {
            throw new BadText("parse.notNumber", start + 1, tok);
        }
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) throw new BadText("parse.expected", pos + 1, String.valueOf(c));
        pos++;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private void skipSeparators() {
        while (pos < s.length() && (Character.isWhitespace(s.charAt(pos)) || s.charAt(pos) == ',')) pos++;
    }
}
