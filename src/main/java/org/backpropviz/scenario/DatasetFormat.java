package org.backpropviz.scenario;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.train.Dataset;

/**
 * Reads classification data from CSV: each row holds the features, then an integer class label. A first line that
 * is not numbers is a header; the shipped Iris file's header ({@code 150,4,setosa,versicolor,virginica}) also names
 * the classes. A {@code .gz} file is read through gzip. Bad rows are reported with their line number.
 *
 * <p>What is read is bounded, so that no file can fill the memory: a label is a class number from 0 to
 * {@link Dataset#MAX_CLASSES} - 1, a row has at most {@link Dataset#MAX_FEATURES} features, the data at most
 * {@link Dataset#MAX_VALUES} values, a line at most {@link #MAX_LINE} characters and the whole text (after gzip) at
 * most {@link #MAX_TEXT}.
 */
public final class DatasetFormat {
    /** The longest line read, in characters. */
    public static final int MAX_LINE = 1 << 20;
    /** The most characters of text read (after gzip), blank lines included. */
    public static final long MAX_TEXT = 1L << 28;

    private DatasetFormat() {}

    /** The data sets shipped in assets/datasets: {@code iris} and {@code digits}. */
    public static Dataset builtIn(String name) throws ScenarioException {
        String file = switch (name) {
            case "iris" -> "iris.csv";
            case "digits" -> "digits.csv.gz";
            default -> throw new ScenarioException("no built-in data set \"" + name + "\" (there are iris and digits)");
        };
        InputStream in = DatasetFormat.class.getResourceAsStream("/assets/datasets/" + file);
        if (in == null) throw new ScenarioException("the built-in data set " + file + " is missing from the application");
        return read(in, file, name);
    }

    /** Reads a CSV file of the user's: a regular file of at most {@link SafeFiles#MAX_BYTES} (a pipe would never end). */
    public static Dataset read(Path file) throws ScenarioException {
        return read(SafeFiles.open(file), file.getFileName().toString(), file.getFileName().toString());
    }

    private static Dataset read(InputStream raw, String fileName, String name) throws ScenarioException {
        return read(raw, fileName, name, MAX_TEXT, Dataset.MAX_VALUES);
    }

    /** With other limits on the text and the values than the application's (for tests that should not write 256 MB). */
    static Dataset read(InputStream raw, String fileName, String name, long maxText, int maxValues) throws ScenarioException {
        try (InputStream in = fileName.endsWith(".gz") ? SafeFiles.capped(new GZIPInputStream(raw), SafeFiles.MAX_BYTES, fileName + " (unpacked)") : raw) {
            // a text of up to PLAIN_BYTES is read whole and tried in the plain form first; the general reader takes
            // whatever that declines, from the same bytes (and the rest of the stream after them)
            byte[] head = in.readNBytes((int) Math.min(PLAIN_BYTES, maxText + 1));
            if (head.length < PLAIN_BYTES) {
                if (Thread.currentThread().isInterrupted()) throw new ScenarioException(fileName + ": reading was stopped");
                Dataset plain = PlainCsv.parse(head, name, maxText, maxValues);
                if (plain != null) return plain;
            }
            return readLines(new SequenceInputStream(new ByteArrayInputStream(head), in), fileName, name, maxText, maxValues);
        } catch (IOException e) {
            throw new ScenarioException(fileName + ": cannot read: " + e.getMessage());
        }
    }

    /** The most bytes {@link PlainCsv} is tried on: 16 MB, so a larger file is never held whole in memory. */
    static final int PLAIN_BYTES = 1 << 24;

    /** The general reader: line by line, any separator, a header, and a message naming the line of any fault. */
    static Dataset readLines(InputStream in, String fileName, String name, long maxText, int maxValues) throws ScenarioException {
        double[] values = new double[1024];
        int[] labels = new int[64];
        int rows = 0, features = -1, maxLabel = -1;
        List<String> classNames = null;
        try (Lines r = new Lines(new InputStreamReader(in, StandardCharsets.UTF_8), fileName, maxText)) {
            String line;
            while ((line = r.next()) != null) {
                int lineNo = r.lineNo();
                if (line.isBlank()) continue;
                String at = fileName + ", line " + lineNo;
                String[] cells = line.split("[,;\\t]", -1);
                for (int c = 0; c < cells.length; c++) cells[c] = cells[c].trim();
                if (String.join("", cells).isEmpty()) throw new ScenarioException(at + ": the row has only empty cells");
                if (lineNo == 1 && (!isNumber(cells[cells.length - 1]) || !isNumber(cells[0]))) {
                    classNames = headerClassNames(cells);
                    continue;
                }
                if (cells.length < 2) throw new ScenarioException(at + ": a row needs at least one feature and a label");
                if (features < 0) {
                    features = cells.length - 1;
                    if (features > Dataset.MAX_FEATURES) {
                        throw new ScenarioException(at + ": " + features + " features; a data set has at most " + Dataset.MAX_FEATURES);
                    }
                }
                if (cells.length - 1 != features) {
                    throw new ScenarioException(at + ": " + (cells.length - 1) + (cells.length == 2 ? " feature" : " features")
                            + ", the first row has " + features);
                }
                if ((long) (rows + 1) * features > maxValues) {
                    throw new ScenarioException(at + ": more than " + maxValues
                            + " values (rows × features); a data set holds at most that many");
                }
                if ((rows + 1) * features > values.length) {
                    values = Arrays.copyOf(values, (int) Math.min(maxValues, Math.max((long) values.length * 2, (long) (rows + 1) * features)));
                }
                if (rows == labels.length) labels = Arrays.copyOf(labels, labels.length * 2);
                for (int c = 0; c < features; c++) values[rows * features + c] = number(cells[c], at, c + 1);
                int label = label(cells[features], at, features + 1);
                labels[rows++] = label;
                maxLabel = Math.max(maxLabel, label);
            }
        } catch (IOException e) {
            throw new ScenarioException(fileName + ": cannot read: " + e.getMessage());
        }
        if (rows == 0) throw new ScenarioException(fileName + ": no data rows");
        int classes = maxLabel + 1;
        if (classes < 2) throw new ScenarioException(fileName + ": every row has the same label; training needs at least two classes");
        if (classNames == null || classNames.size() < classes) {
            classNames = new ArrayList<>();
            for (int c = 0; c < classes; c++) classNames.add(Integer.toString(c));
        }
        double[] flat = values.length == rows * features ? values : Arrays.copyOf(values, rows * features);
        return new Dataset(name, NDArray.of(new int[] {rows, features}, flat), Arrays.copyOf(labels, rows), classNames);
    }

    /** A label: a class number from 0 to {@code MAX_CLASSES - 1}, written as a whole number ({@code 2} or {@code 2.0}). */
    private static int label(String s, String at, int column) throws ScenarioException {
        if (s.isEmpty()) throw new ScenarioException(at + ", column " + column + ": the label cell is empty");
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v < Dataset.MAX_CLASSES && v == Math.rint(v))) {
            throw new ScenarioException(at + ", column " + column + ": the label " + s + " is not a class number from 0 to "
                    + (Dataset.MAX_CLASSES - 1) + " (a data set has at most " + Dataset.MAX_CLASSES + " classes)");
        }
        return (int) v;
    }

    /**
     * Lines of text ended by {@code \n}, {@code \r\n} or {@code \r}, each at most {@link #MAX_LINE} characters, and
     * at most {@code maxText} characters in all, so that neither one long line nor a small gzip file that inflates to
     * gigabytes can fill the memory. Reading stops when the thread is interrupted (a run that was stopped).
     */
    private static final class Lines implements Closeable {
        private final Reader in;
        private final String file;
        private final long maxText;
        private final char[] buf = new char[8192];
        private final StringBuilder line = new StringBuilder();
        private int pos, len, lineNo;
        private long total;
        private boolean skipLf;

        Lines(Reader in, String file, long maxText) {
            this.in = in;
            this.file = file;
            this.maxText = maxText;
        }

        /** The number of the line {@link #next} returned last, from 1. */
        int lineNo() {
            return lineNo;
        }

        /** The next line without its end, or null at the end of the text. */
        String next() throws IOException, ScenarioException {
            line.setLength(0);
            boolean started = false;
            while (true) {
                if (pos == len && !fill()) {
                    if (!started) return null;
                    lineNo++;
                    return line.toString();
                }
                if (skipLf) {
                    skipLf = false;
                    if (buf[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                int from = pos;
                while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') pos++;
                if (line.length() + (pos - from) > MAX_LINE) {
                    throw new ScenarioException(file + ", line " + (lineNo + 1) + ": longer than " + MAX_LINE + " characters");
                }
                line.append(buf, from, pos - from);
                started |= pos > from;
                if (pos < len) {
                    skipLf = buf[pos++] == '\r';
                    lineNo++;
                    return line.toString();
                }
            }
        }

        private boolean fill() throws IOException, ScenarioException {
            if (Thread.currentThread().isInterrupted()) throw new ScenarioException(file + ": reading was stopped");
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) return false;
            pos = 0;
            len = n;
            total += n;
            if (total > maxText) throw new ScenarioException(file + ": more than " + maxText + " characters of text");
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The shipped header names its classes after two counts; any other header names none. */
    private static List<String> headerClassNames(String[] cells) {
        if (cells.length > 2 && isNumber(cells[0].trim()) && isNumber(cells[1].trim())) {
            List<String> names = new ArrayList<>();
            for (int i = 2; i < cells.length; i++) names.add(cells[i].trim());
            return names;
        }
        return null;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String s, String at, int column) throws ScenarioException {
        if (s.isEmpty()) throw new ScenarioException(at + ", column " + column + ": the cell is empty");
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ScenarioException(at + ", column " + column + ": \"" + s + "\" is not a number");
        }
        if (!Double.isFinite(v)) throw new ScenarioException(at + ", column " + column + ": " + s + " is not a finite number");
        return v;
    }
}
