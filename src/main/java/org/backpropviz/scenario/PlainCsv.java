package org.backpropviz.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.train.Dataset;

/**
 * The common case of {@link DatasetFormat}'s CSV read straight from its bytes: no header, commas only, no spaces, each
 * cell a plain decimal ({@code -12}, {@code 0.25}, {@code 5.}) of at most 15 digits, each label a whole number, every
 * row as long as the first. The built-in digits are in this form; read line by line as {@code String}s they took
 * 140–155 ms of a fresh JVM's CPU (cold splitting and number parsing), read here about 35 ms.
 *
 * <p>Anything else (a header, a semicolon, a space, an exponent, a row of another length, a label out of range, a limit
 * reached) makes {@link #parse} return null, and the general reader reads the same bytes and names the line at fault:
 * this reader never reports an error of its own. Its numbers are {@code Double.parseDouble}'s to the bit: a mantissa
 * below 2<sup>53</sup> and a power of ten up to 10<sup>22</sup> are both exact doubles, so their quotient is the
 * correctly rounded value of the decimal (Clinger's fast path), which is what {@code parseDouble} returns.
 */
final class PlainCsv {
    private PlainCsv() {}

    private static final long EXACT = 1L << 53;
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10; // exact up to 1e22
    }

    /**
     * The data set in {@code text}, or null when the text is not in the plain form or would break a limit.
     *
     * @param text the whole file (after gzip), not modified
     * @param maxText the most characters of text; @param maxValues the most values (rows × features)
     */
    static Dataset parse(byte[] text, String name, long maxText, int maxValues) {
        int n = text.length;
        if (n > maxText) return null;
        double[] values = new double[1024];
        int[] labels = new int[64];
        int rows = 0, features = -1, maxLabel = -1;
        double[] row = new double[16];
        int i = 0;
        while (i < n) {
            int lineStart = i;
            if (text[i] == '\n') { // a blank line, skipped as the general reader skips it
                i++;
                continue;
            }
            int cells = 0;
            while (true) { // one cell: -?digits*(.digits*)? with at least one digit
                boolean negative = text[i] == '-';
                if (negative) i++;
                long m = 0;
                int digits = 0, fraction = -1;
                while (i < n) {
                    int c = text[i];
                    if (c >= '0' && c <= '9') {
                        m = m * 10 + (c - '0');
                        if (++digits > 15) return null; // 15 digits stay below 2^53
                        if (fraction >= 0) fraction++;
                    } else if (c == '.' && fraction < 0) {
                        fraction = 0;
                    } else {
                        break;
                    }
                    i++;
                }
                if (digits == 0 || m >= EXACT || fraction > 22) return null;
                double v = fraction > 0 ? m / POW10[fraction] : m;
                if (cells == row.length) row = Arrays.copyOf(row, row.length * 2);
                row[cells++] = negative ? -v : v;
                if (i == n || text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) break;
                if (text[i] != ',' || cells > Dataset.MAX_FEATURES) return null;
                i++;
                if (i == n) return null; // a last empty cell
            }
            if (i - lineStart > DatasetFormat.MAX_LINE) return null;
            if (i < n) i += text[i] == '\r' ? 2 : 1;
            if (features < 0) {
                features = cells - 1;
                if (features < 1) return null;
            }
            if (cells - 1 != features || (long) (rows + 1) * features > maxValues) return null;
            double label = row[features];
            if (!(label >= 0 && label < Dataset.MAX_CLASSES && label == Math.rint(label))) return null;
            if ((rows + 1) * features > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(maxValues, Math.max((long) values.length * 2, (long) (rows + 1) * features)));
            }
            if (rows == labels.length) labels = Arrays.copyOf(labels, labels.length * 2);
            System.arraycopy(row, 0, values, rows * features, features);
            labels[rows++] = (int) label;
            maxLabel = Math.max(maxLabel, (int) label);
        }
        if (rows == 0 || maxLabel < 1) return null;
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c <= maxLabel; c++) classNames.add(Integer.toString(c));
        double[] flat = values.length == rows * features ? values : Arrays.copyOf(values, rows * features);
        return new Dataset(name, NDArray.of(new int[] {rows, features}, flat), Arrays.copyOf(labels, rows), classNames);
    }
}
