package org.backpropviz.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Param;

/**
 * The scenario JSON format: an object with {@code x}, {@code W1}, {@code b1}, {@code W2}, {@code b2} and {@code t},
 * each a number, a list, or a list of equal-length lists (the nesting gives the rank), and optional {@code name},
 * {@code description} and {@code lr}. This is the only class that reads or writes scenario files.
 *
 * <p>Reading is all or nothing: a bad file raises one {@link ScenarioException} naming the place, and no
 * scenario is returned.
 */
public final class ScenarioFormat {
    private static final List<String> ARRAY_KEYS = List.of("x", "W1", "b1", "W2", "b2", "t");
    private static final List<String> OPTIONAL_KEYS = List.of("name", "description", "lr");

    /**
     * Reads numbers as doubles, with Jackson's fast parser: a (1000, 784) batch and its weights (1.6 million
     * numbers) in a quarter of the time BigDecimals take. A file with a number that is not finite is read again
     * by {@link #EXACT}, whose messages tell 1e400 from NaN.
     */
    private static final ObjectMapper MAPPER = mapper(false);
    /** Reads floats as BigDecimal, so that 1e400 is seen as written, not turned into Infinity. */
    private static final ObjectMapper EXACT = mapper(true);

    private static final ObjectMapper WRITER = JsonMapper.builder(JsonFactory.builder()
                    .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build())
            .build();

    private static ObjectMapper mapper(boolean exact) {
        return JsonMapper.builder(JsonFactory.builder()
                        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN gets its own clear message
                        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                        .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                        .build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, exact)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Thrown by a fast read at the first number that is not finite: the file is then read again exactly. */
    private static final class NotFinite extends RuntimeException {
        NotFinite() {
            super(null, null, false, false);
        }
    }

    private ScenarioFormat() {}

    /** Reads a scenario file. @throws ScenarioException with one line naming the file's problem */
    public static Scenario read(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("no such file: " + file);
        } catch (MalformedInputException e) {
            throw new ScenarioException("file is not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(text);
    }

    /** Reads a scenario from a stream (a preset inside the jar). The stream is closed. */
    public static Scenario read(InputStream in) throws ScenarioException {
        try (in) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException("cannot read: " + e.getMessage());
        }
    }

    /** Parses scenario JSON text. @throws ScenarioException with one line naming the problem */
    public static Scenario parse(String json) throws ScenarioException {
        try {
            return parse(json, false);
        } catch (NotFinite e) {
            return parse(json, true);
        }
    }

    private static Scenario parse(String json, boolean exact) throws ScenarioException {
        JsonNode root;
        try {
            root = (exact ? EXACT : MAPPER).readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Duplicate field")) {
                String key = why.substring("Duplicate field ".length()).replaceAll("^'|'$", "");
                throw new ScenarioException("key \"" + key + "\" appears twice" + where);
            }
            throw new ScenarioException("file is not valid JSON" + where);
        }
        if (root == null || root.isMissingNode()) throw new ScenarioException("file is empty");
        if (!root.isObject()) throw new ScenarioException("a scenario must be a JSON object { \"x\": …, \"W1\": …, … }");

        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ARRAY_KEYS.contains(key) && !OPTIONAL_KEYS.contains(key)) {
                throw new ScenarioException("unknown key \"" + key + "\"" + suggestion(key));
            }
        }
        for (String key : ARRAY_KEYS) {
            if (!root.has(key)) throw new ScenarioException("missing key \"" + key + "\"");
        }
        NDArray[] arrays = new NDArray[ARRAY_KEYS.size()];
        for (int i = 0; i < arrays.length; i++) arrays[i] = array(ARRAY_KEYS.get(i), root.get(ARRAY_KEYS.get(i)), exact);
        // NumPy's dtype: [0, 2] is int, [0.0, 2.0] float. Any numbers are a t, as NumPy takes them: -1 is the last class,
        // and labels a float t cannot index with are NumPy's IndexError at the loss, not a fault of the file.
        if (allIntegral(root.get("t"))) arrays[5] = arrays[5].asInteger();

        String name = text(root, "name");
        String description = text(root, "description");
        Double lr = null;
        if (root.has("lr")) {
            JsonNode n = root.get("lr");
            if (!n.isNumber() || !Double.isFinite(n.doubleValue()) || n.doubleValue() <= 0) {
                throw new ScenarioException("lr: " + n + " is not a positive number");
            }
            lr = n.doubleValue();
        }
        return new Scenario(name, description, lr, new NetInputs(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], arrays[5]));
    }

    private static boolean allIntegral(JsonNode n) {
        if (!n.isArray()) return n.isIntegralNumber();
        for (JsonNode c : n) if (!allIntegral(c)) return false;
        return true;
    }

    private static String text(JsonNode root, String key) throws ScenarioException {
        if (!root.has(key)) return "";
        JsonNode n = root.get(key);
        if (!n.isTextual()) throw new ScenarioException(key + ": must be a string in quotes");
        return n.asText();
    }

    /** "(did you mean W1?)" when the key differs from a known one only in case or by one character. */
    private static String suggestion(String key) {
        for (String k : concat(ARRAY_KEYS, OPTIONAL_KEYS)) {
            if (k.equalsIgnoreCase(key) || editDistance(k, key) <= 1) return " (did you mean " + k + "?)";
        }
        return " (a scenario has x, W1, b1, W2, b2, t and optionally name, description, lr)";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    /** A number, a list of numbers, or a list of equal-length lists of numbers. */
    private static NDArray array(String key, JsonNode n, boolean exact) throws ScenarioException {
        if (!n.isArray()) return NDArray.scalar(number(key, n, exact));
        if (n.isEmpty()) throw new ScenarioException(key + ": the array is empty");
        boolean nested = n.get(0).isArray();
        for (int i = 0; i < n.size(); i++) {
            if (n.get(i).isArray() != nested) {
                throw new ScenarioException(key + ": mixes numbers and lists (" + key + "[0] is " + (nested ? "a list" : "a number")
                        + ", " + key + "[" + i + "] is " + (nested ? "a number" : "a list") + ")");
            }
        }
        if (!nested) {
            double[] v = new double[n.size()];
            for (int i = 0; i < v.length; i++) v[i] = number(key + "[" + i + "]", n.get(i), exact);
            return NDArray.vector(v);
        }
        int cols = n.get(0).size();
        double[][] rows = new double[n.size()][];
        for (int r = 0; r < rows.length; r++) {
            JsonNode row = n.get(r);
            if (row.size() != cols) {
                throw new ScenarioException(key + ": row " + (r + 1) + " has " + row.size() + " number" + (row.size() == 1 ? "" : "s")
                        + ", row 1 has " + cols);
            }
            if (cols == 0) throw new ScenarioException(key + ": row " + (r + 1) + " is empty");
            rows[r] = new double[cols];
            for (int c = 0; c < cols; c++) {
                JsonNode v = row.get(c);
                if (v.isArray()) {
                    throw new ScenarioException(key + ": arrays of rank 3 or more are not supported (" + key + "[" + r + "][" + c
                            + "] is a list); use a number, a list, or a list of lists");
                }
                rows[r][c] = number(key + "[" + r + "][" + c + "]", v, exact);
            }
        }
        return NDArray.matrix(rows);
    }

    private static double number(String where, JsonNode v, boolean exact) throws ScenarioException {
        if (v.isTextual()) throw new ScenarioException(where + ": \"" + v.asText() + "\" is not a number");
        if (v.isBoolean() || v.isNull() || v.isObject()) throw new ScenarioException(where + ": " + v + " is not a number");
        double d = v.doubleValue();
        if (!Double.isFinite(d) && !exact) throw new NotFinite(); // 1e400 or NaN? only the exact reader can tell
        if (v.isBigDecimal() || v.isBigInteger()) {
            BigDecimal big = v.decimalValue();
            d = big.doubleValue();
            if (!Double.isFinite(d)) throw new ScenarioException(where + ": " + big.toString().toLowerCase(Locale.ROOT) + " is too large: numbers must be finite");
        }
        if (!Double.isFinite(d)) throw new ScenarioException(where + ": " + v.asText() + " is not a finite number");
        return d;
    }

    // ------------------------------------------------------------------ writing

    /** The scenario as pretty JSON text; it reads back to an equal scenario. */
    public static String toJson(Scenario s) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!s.name().isEmpty()) root.put("name", s.name());
        if (!s.description().isEmpty()) root.put("description", s.description());
        if (s.lr() != null) root.put("lr", s.lr());
        for (Param p : List.of(Param.X, Param.W1, Param.B1, Param.W2, Param.B2, Param.T)) {
            root.set(p.label(), toJsonNode(s.get(p), s.get(p).isInteger()));
        }
        try {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = WRITER.getFactory().createGenerator(w)) {
                g.setPrettyPrinter(new RowsPerLinePrinter());
                WRITER.writeTree(g, root);
            }
            return w + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the scenario atomically: a temporary file beside the target, then a rename. */
    public static void write(Scenario s, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".scenario-", ".tmp");
        try {
            Files.writeString(tmp, toJson(s), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An array as a JSON number, list, or list of lists; whole numbers as integers when {@code integers}. */
    public static JsonNode toJsonNode(NDArray a, boolean integers) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (a.rank() == 0) return num(f, a.item(), integers);
        if (a.rank() == 1) {
            ArrayNode row = f.arrayNode();
            for (int i = 0; i < a.size(); i++) row.add(num(f, a.flat(i), integers));
            return row;
        }
        ArrayNode rows = f.arrayNode();
        for (int r = 0; r < a.rows(); r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < a.cols(); c++) row.add(num(f, a.get(r, c), integers));
        }
        return rows;
    }

    private static JsonNode num(JsonNodeFactory f, double v, boolean integers) {
        if (integers && v == Math.rint(v) && Math.abs(v) < 1e15) return f.numberNode((long) v);
        return f.numberNode(v);
    }

    /** A compact JSON line for any tree (the command line's output). */
    public static String toCompactJson(JsonNode n) {
        try {
            return WRITER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the object's keys on their own lines, and each row of a matrix on one line. */
    private static final class RowsPerLinePrinter extends com.fasterxml.jackson.core.util.DefaultPrettyPrinter {
        RowsPerLinePrinter() {
            _arrayIndenter = NopIndenter.instance;
            _objectIndenter = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
        }

        @Override
        public RowsPerLinePrinter createInstance() {
            return new RowsPerLinePrinter();
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }

}
