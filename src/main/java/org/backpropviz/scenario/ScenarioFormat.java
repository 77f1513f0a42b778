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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.backpropviz.engine.Activation;
import org.backpropviz.engine.Activations;
import org.backpropviz.engine.Affine;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Network;
import org.backpropviz.engine.Param;

/**
 * The scenario JSON format: an object with {@code x}, {@code W1}, {@code b1}, …, {@code Wn}, {@code bn} (n ≥ 1; the
 * lesson's files have n = 2) and {@code t}, each a number, a list, or a list of equal-length lists (the nesting gives
 * the rank), and optional {@code name}, {@code description}, {@code lr}, {@code activations} (n − 1 of
 * {@code "relu"} or {@code "sigmoid"}, all {@code "relu"} when left out) and {@code affine} ({@code "lesson"}, the
 * default, or {@code "repository"}). This is the only class that reads or writes scenario files.
 *
 * <p>Reading is all or nothing: a bad file raises one {@link ScenarioException} naming the place, and no
 * scenario is returned.
 */
public final class ScenarioFormat {
    /** The arrays of the lesson's net; a net of n layers has W1, b1, …, Wn, bn between x and t. */
    private static final List<String> ARRAY_KEYS = List.of("x", "W1", "b1", "W2", "b2", "t");
    private static final List<String> OPTIONAL_KEYS = List.of("name", "description", "lr", "activations", "affine");

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

        int depth = 0; // the largest k of a key Wk or bk
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Param p = Param.byLabel(key);
            if (p == null && !OPTIONAL_KEYS.contains(key)) {
                throw new ScenarioException("unknown key \"" + key + "\"" + suggestion(key));
            }
            if (p != null && p.trainable()) depth = Math.max(depth, p.layer());
        }
        Network network = network(root, Math.max(depth, 1));
        for (Param p : network.params()) {
            if (!root.has(p.label())) throw new ScenarioException("missing key \"" + p.label() + "\"");
        }
        Map<Param, NDArray> arrays = new LinkedHashMap<>();
        for (Param p : network.params()) arrays.put(p, array(p.label(), root.get(p.label()), exact));
        NDArray t = arrays.get(Param.T);
        checkLabels(t);
        if (allIntegral(root.get("t"))) arrays.put(Param.T, t.asInteger()); // NumPy's dtype: [0, 2] is int, [0.0, 2.0] float

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
        return new Scenario(name, description, lr, new NetInputs(network, arrays));
    }

    /** The network of n Affine layers that {@code "activations"} and {@code "affine"} describe (defaults: ReLU, the lesson's). */
    private static Network network(JsonNode root, int depth) throws ScenarioException {
        Affine.Variant variant = Affine.Variant.LESSON;
        if (root.has("affine")) {
            JsonNode a = root.get("affine");
            variant = a.isTextual() ? Affine.Variant.byId(a.asText()) : null;
            if (variant == null) throw new ScenarioException("affine: " + a + " is not \"lesson\" or \"repository\"");
        }
        List<Activation> activations = new ArrayList<>();
        if (root.has("activations")) {
            JsonNode list = root.get("activations");
            if (!list.isArray()) throw new ScenarioException("activations: must be a list such as [\"relu\", \"sigmoid\"]");
            if (list.size() != depth - 1) {
                throw new ScenarioException("activations: " + depth + " Affine layer" + (depth == 1 ? "" : "s") + " (W1 … W" + depth
                        + ") need " + (depth - 1) + " activation" + (depth == 2 ? "" : "s") + ", one between each two; the list has " + list.size());
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                Activation a = n.isTextual() ? Activations.byId(n.asText()) : null;
                if (a == null) throw new ScenarioException("activations[" + i + "]: " + n + " is not " + Activations.names());
                activations.add(a);
            }
        } else {
            for (int k = 1; k < depth; k++) activations.add(org.backpropviz.engine.Relu.KIND);
        }
        return Network.of(activations, variant);
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
        if (key.length() > 1) { // w3 or B3: the case of a deeper net's parameter
            String head = key.substring(0, 1);
            Param layered = Param.byLabel((head.equalsIgnoreCase("w") ? "W" : head.toLowerCase(Locale.ROOT)) + key.substring(1));
            if (layered != null && layered.trainable()) return " (did you mean " + layered.label() + "?)";
        }
        return " (a scenario has x, W1, b1, W2, b2, t and optionally name, description, lr;"
                + " a deeper net has W3, b3, … and activations, affine)";
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

    /** A 1-D or scalar t holds class labels or one one-hot row: whole, non-negative numbers. A 2-D t may be soft. */
    private static void checkLabels(NDArray t) throws ScenarioException {
        if (t.rank() == 2) return;
        for (int i = 0; i < t.size(); i++) {
            double v = t.flat(i);
            if (v < 0 || v != Math.rint(v)) {
                String where = t.rank() == 0 ? "t" : "t[" + i + "]";
                throw new ScenarioException(where + ": " + number(v) + " is not a label (a 1-D t holds whole, non-negative class labels"
                        + " or one one-hot row; write soft targets as rows, [[0.2, 0.8]])");
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    // ------------------------------------------------------------------ writing

    /** The scenario as pretty JSON text; it reads back to an equal scenario. */
    public static String toJson(Scenario s) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!s.name().isEmpty()) root.put("name", s.name());
        if (!s.description().isEmpty()) root.put("description", s.description());
        if (s.lr() != null) root.put("lr", s.lr());
        Network net = s.inputs().network();
        if (net.affine() != Affine.Variant.LESSON) root.put("affine", net.affine().id());
        if (net.activations().stream().anyMatch(a -> a != org.backpropviz.engine.Relu.KIND)) {
            ArrayNode acts = root.putArray("activations");
            for (Activation a : net.activations()) acts.add(a.id());
        }
        for (Param p : net.params()) {
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
