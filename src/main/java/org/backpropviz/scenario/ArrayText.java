package org.backpropviz.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Shapes;

/**
 * Arrays as text: reading what a user pastes or types, writing what NumPy and a spreadsheet read back.
 *
 * <p>{@link #parse} accepts two families of text:
 * <ul>
 *   <li><b>NumPy text</b>, recognised by a leading {@code [}, {@code array(} or {@code np.array(}: the nesting gives
 *       the rank, exactly as NumPy would: {@code [1, 2]} is {@code (2,)}, {@code [[1, 2]]} is {@code (1, 2)}.
 *       Elements may be separated by commas or, as NumPy prints them, by spaces and newlines
 *       ({@code [[1. 2.]\n [3. 4.]]}). A trailing {@code dtype=...} argument is ignored.</li>
 *   <li><b>A spreadsheet block</b>: one row per line, cells separated by tabs, commas, semicolons or spaces (the
 *       first of tab, comma, semicolon found in a line decides, else whitespace). A block is always 2-D:
 *       a single line gives a {@code (1, n)} matrix, never a {@code (n,)} vector.</li>
 *   <li>A bare number gives a rank-0 array.</li>
 * </ul>
 * Ragged rows, words, empty cells, NaN and infinities are refused with a {@link ParseException} whose one-line
 * message names the place, counting rows and columns from 0 as NumPy does ({@code row 1 has 2 numbers, row 0 has 3}).
 *
 * <p>Pure Java: no JavaFX here.
 */
public final class ArrayText {
    private ArrayText() {}

    /** Python float literals (no NaN, no inf, no hex), also with a Unicode minus sign already replaced. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARRAY_CALL =
            Pattern.compile("^(?:(?:np|numpy)\\s*\\.\\s*)?(?:array|asarray)\\s*\\((.*)\\)$", Pattern.DOTALL);
    private static final Pattern DTYPE_TAIL = Pattern.compile(",\\s*dtype\\s*=\\s*[\\w.'\"]+\\s*$");

    /** Why a text is not an array; {@link #getMessage()} is one English line, {@link #args()} fill translations. */
    public enum Problem {
        EMPTY("there is nothing to read"),
        NOT_A_NUMBER("%s: \"%s\" is not a number"),
        NOT_FINITE("%s: %s is refused; only finite numbers are allowed"),
        EMPTY_CELL("%s is empty"),
        RAGGED("row %s has %s numbers, row 0 has %s"),
        RANK_TOO_HIGH("%s levels of brackets: only 1-D and 2-D arrays are supported"),
        MIXED_NESTING("row %s mixes numbers and lists"),
        BRACKETS("the brackets do not match: %s");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        /** The English pattern ({@link String#format} style). */
        public String english() {
            return english;
        }
    }

    /**
     * Where in the text a problem is, kept counting from 1 with 0 for "none" ({@code row} 0: a 1-D text) and written
     * with NumPy's indices, from 0: {@code row 1, column 2}, {@code element 2}, {@code row 1}, {@code the value}, or
     * a given name such as {@code W1[0, 2]}.
     */
    public record Place(int row, int column, String name) {
        static Place cell(int row, int column) {
            return new Place(row, column, null);
        }

        @Override
        public String toString() {
            if (name != null) return name;
            if (row > 0 && column > 0) return "row " + (row - 1) + ", column " + (column - 1);
            if (column > 0) return "element " + (column - 1);
            if (row > 0) return "row " + (row - 1);
            return "the value";
        }
    }

    /** A text that is not an array; the message is one line that names the place. */
    public static final class ParseException extends IllegalArgumentException {
        private final Problem problem;
        private final Object[] args;

        ParseException(Problem problem, Object... args) {
            super(String.format(Locale.ROOT, problem.english, args));
            this.problem = problem;
            this.args = args.clone();
        }

        public Problem problem() {
            return problem;
        }

        /** The values in the message, in order; a place is a {@link Place}, counts are integers, texts strings. */
        public Object[] args() {
            return args.clone();
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads an array from NumPy text, a spreadsheet block or a bare number (see the class comment).
     *
     * @param text not modified
     * @return a new array of rank 0, 1 or 2
     * @throws ParseException if the text is not a rectangular array of finite numbers
     */
    public static NDArray parse(String text) {
        String s = normalise(text);
        if (s.isEmpty()) throw new ParseException(Problem.EMPTY);
        Matcher call = ARRAY_CALL.matcher(s);
        if (call.matches()) {
            String inner = DTYPE_TAIL.matcher(call.group(1).trim()).replaceFirst("").trim();
            return parseNumpy(inner);
        }
        if (s.startsWith("[")) return parseNumpy(s);
        if (!s.contains("\n") && s.split("[\\s,;]+").length == 1) {
            return NDArray.scalar(parseNumber(s, new Place(0, 0, null)));
        }
        return parseBlock(s);
    }

    /**
     * Reads one finite number as a cell editor receives it ({@code 2}, {@code -0.5}, {@code 1e-3}, {@code .5}).
     *
     * @param place how the message names the place, e.g. {@code W1[0, 2]}
     * @throws ParseException if the text is not a finite number
     */
    public static double parseNumber(String text, String place) {
        return parseNumber(text, new Place(0, 0, place));
    }

    static double parseNumber(String text, Place place) {
        String s = normalise(text);
        if (s.isEmpty()) throw new ParseException(Problem.EMPTY_CELL, place);
        if (NON_FINITE.matcher(s).matches()) throw new ParseException(Problem.NOT_FINITE, place, s);
        if (!NUMBER.matcher(s).matches() || s.contains("__") || s.endsWith("_")) {
            throw new ParseException(Problem.NOT_A_NUMBER, place, s);
        }
        double v = Double.parseDouble(s.replace("_", ""));
        if (!Double.isFinite(v)) throw new ParseException(Problem.NOT_FINITE, place, s); // 1e999
        return v;
    }

    private static String normalise(String text) {
        if (text == null) return "";
        return text.replace('\u2212', '-').replace("\r\n", "\n").replace('\r', '\n').trim();
    }

    /** A spreadsheet block: one row per non-blank line; always 2-D. */
    private static NDArray parseBlock(String s) {
        List<double[]> rows = new ArrayList<>();
        for (String line : s.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            String[] cells;
            if (line.contains("\t")) cells = line.replaceAll("[ ]+$", "").split("\t", -1);
            else if (l.contains(",")) cells = l.split(",", -1);
            else if (l.contains(";")) cells = l.split(";", -1);
            else cells = l.split("\\s+");
            // a spreadsheet copy may end a row with one separator: drop one trailing empty cell
            int n = cells.length;
            if (n > 1 && cells[n - 1].isBlank()) n--;
            int row = rows.size() + 1;
            double[] values = new double[n];
            for (int c = 0; c < n; c++) values[c] = parseNumber(cells[c], place(row, c + 1));
            if (!rows.isEmpty() && values.length != rows.get(0).length) {
                throw new ParseException(Problem.RAGGED, row - 1, values.length, rows.get(0).length);
            }
            rows.add(values);
        }
        if (rows.isEmpty()) throw new ParseException(Problem.EMPTY);
        return NDArray.matrix(rows.toArray(new double[0][]));
    }

    private static Place place(int row, int column) {
        return Place.cell(row, column);
    }

    /** NumPy text: nested brackets, elements separated by commas and/or whitespace. */
    private static NDArray parseNumpy(String s) {
        if (!s.startsWith("[")) {
            // np.array(3.5): a scalar inside the call
            return NDArray.scalar(parseNumber(s, new Place(0, 0, null)));
        }
        NumpyReader r = new NumpyReader(s);
        Object tree = r.readList(1);
        r.skipSpace();
        if (r.pos < s.length()) {
            throw new ParseException(Problem.BRACKETS, "unexpected \"" + snippet(s, r.pos) + "\" after the last ]");
        }
        @SuppressWarnings("unchecked")
        List<Object> top = (List<Object>) tree;
        if (top.isEmpty()) throw new ParseException(Problem.EMPTY);
        boolean nested = top.get(0) instanceof List;
        if (!nested) {
            double[] v = new double[top.size()];
            for (int i = 0; i < v.length; i++) {
                if (top.get(i) instanceof List) throw new ParseException(Problem.MIXED_NESTING, 0);
                v[i] = (Double) top.get(i);
            }
            return NDArray.vector(v);
        }
        double[][] rows = new double[top.size()][];
        for (int i = 0; i < rows.length; i++) {
            if (!(top.get(i) instanceof List)) throw new ParseException(Problem.MIXED_NESTING, i);
            @SuppressWarnings("unchecked")
            List<Object> row = (List<Object>) top.get(i);
            rows[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) rows[i][j] = (Double) row.get(j);
            if (rows[i].length == 0) throw new ParseException(Problem.EMPTY_CELL, new Place(i + 1, 0, null));
            if (i > 0 && rows[i].length != rows[0].length) {
                throw new ParseException(Problem.RAGGED, i, rows[i].length, rows[0].length);
            }
        }
        return NDArray.matrix(rows);
    }

    private static String snippet(String s, int pos) {
        String rest = s.substring(pos).strip();
        return rest.length() > 12 ? rest.substring(0, 12) + "…" : rest;
    }

    /** A small recursive reader for {@code [ ... ]} with at most two levels. */
    private static final class NumpyReader {
        final String s;
        int pos;
        int row; // 1-based row of the number being read (outer list index), 0 for a 1-D list

        NumpyReader(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        /** Reads a list starting at '[' at nesting {@code depth} (1 = outermost). */
        Object readList(int depth) {
            if (depth > 2) throw new ParseException(Problem.RANK_TOO_HIGH, depth);
            pos++; // '['
            List<Object> items = new ArrayList<>();
            boolean needSeparator = false;
            while (true) {
                skipSpace();
                if (pos >= s.length()) throw new ParseException(Problem.BRACKETS, "a [ is never closed");
                char ch = s.charAt(pos);
                if (ch == ']') {
                    pos++;
                    return items;
                }
                if (ch == ',') {
                    if (!needSeparator) throw new ParseException(Problem.BRACKETS, "a comma with nothing before it");
                    pos++;
                    needSeparator = false;
                    continue;
                }
                if (ch == '[') {
                    if (depth == 1) row = items.size() + 1;
                    items.add(readList(depth + 1));
                } else {
                    int start = pos;
                    while (pos < s.length() && ",[] \t\n".indexOf(s.charAt(pos)) < 0) pos++;
                    String token = s.substring(start, pos);
                    Place place = depth == 1 ? new Place(0, items.size() + 1, null) : place(row, items.size() + 1);
                    items.add(parseNumber(token, place));
                }
                needSeparator = true;
            }
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * The array as Python code that rebuilds it exactly: {@code np.array([[1.0, 2.0],\n          [3.0, 4.0]])},
     * {@code np.array([1.0, 2.0])}, {@code np.array(3.0)}. Numbers are written as Python's {@code repr}.
     */
    public static String toNumpy(NDArray a) {
        StringBuilder sb = new StringBuilder("np.array(");
        if (a.rank() == 0) return sb.append(Shapes.number(a.item())).append(')').toString();
        if (a.rank() == 1) {
            appendRow(sb, a, 0);
        } else {
            sb.append('[');
            for (int r = 0; r < a.rows(); r++) {
                if (r > 0) sb.append(",\n          ");
                appendRow(sb, a, r);
            }
            sb.append(']');
        }
        return sb.append(')').toString();
    }

    private static void appendRow(StringBuilder sb, NDArray a, int r) {
        sb.append('[');
        for (int c = 0; c < a.cols(); c++) {
            if (c > 0) sb.append(", ");
            sb.append(Shapes.number(a.get(r, c)));
        }
        sb.append(']');
    }

    /** The array as comma-separated lines, one per row of its 2-D view (a 1-D array is one line). */
    public static String toCsv(NDArray a) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                if (c > 0) sb.append(',');
                sb.append(Shapes.number(a.get(r, c)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
