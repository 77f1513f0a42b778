package org.backpropviz.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.train.Dataset;

/**
 * Reads classification data from CSV: each row holds the features, then an integer class label. A first line that
 * is not numbers is a header; the shipped Iris file's header ({@code 150,4,setosa,versicolor,virginica}) also names
 * the classes. A {@code .gz} file is read through gzip. Bad rows are reported with their line number.
 */
public final class DatasetFormat {
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
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classNames = null;
        int features = -1;
        try (InputStream in = fileName.endsWith(".gz") ? SafeFiles.capped(new GZIPInputStream(raw), SafeFiles.MAX_BYTES, fileName + " (unpacked)") : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] cells = line.split("[,;\\t]");
                if (lineNo == 1 && !isNumber(cells[cells.length - 1].trim()) || lineNo == 1 && !isNumber(cells[0].trim())) {
                    classNames = headerClassNames(cells);
                    continue;
                }
                if (cells.length < 2) throw new ScenarioException(fileName + ", line " + lineNo + ": a row needs at least one feature and a label");
                if (features < 0) features = cells.length - 1;
                if (cells.length - 1 != features) {
                    throw new ScenarioException(fileName + ", line " + lineNo + ": " + (cells.length - 1) + (cells.length == 2 ? " feature" : " features")
                            + ", the first row has " + features);
                }
                double[] v = new double[features];
                for (int c = 0; c < features; c++) v[c] = number(cells[c].trim(), fileName, lineNo, c + 1);
                double label = number(cells[features].trim(), fileName, lineNo, features + 1);
                if (label < 0 || label != Math.rint(label)) {
                    throw new ScenarioException(fileName + ", line " + lineNo + ": the label " + cells[features].trim() + " is not a whole, non-negative number");
                }
                rows.add(v);
                labels.add((int) label);
            }
        } catch (IOException e) {
            throw new ScenarioException(fileName + ": cannot read: " + e.getMessage());
        }
        if (rows.isEmpty()) throw new ScenarioException(fileName + ": no data rows");
        int classes = labels.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (classes < 2) throw new ScenarioException(fileName + ": every row has the same label; training needs at least two classes");
        if (classNames == null || classNames.size() < classes) {
            classNames = new ArrayList<>();
            for (int c = 0; c < classes; c++) classNames.add(Integer.toString(c));
        }
        double[] flat = new double[rows.size() * features];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, flat, i * features, features);
        int[] l = labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(name, NDArray.of(new int[] {rows.size(), features}, flat), l, classNames);
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

    private static double number(String s, String file, int line, int column) throws ScenarioException {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ScenarioException(file + ", line " + line + ", column " + column + ": \"" + s + "\" is not a number");
        }
        if (!Double.isFinite(v)) throw new ScenarioException(file + ", line " + line + ", column " + column + ": " + s + " is not a finite number");
        return v;
    }
}
