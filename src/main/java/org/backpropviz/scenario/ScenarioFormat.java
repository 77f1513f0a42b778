package org.backpropviz.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>Files are strict JSON. A number that is not finite (a network that diverged holds them) is written as the
 * string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, the proto3 JSON convention; these three strings
 * are read as numbers wherever an array element may stand. The bare words {@code NaN}, {@code Infinity} and
 * {@code -Infinity} of Python's {@code json} module are read too. A literal too large for a double ({@code 1e400})
 * is refused, and {@code lr} must be a positive, finite number.
 *
 * <p>Reading is all or nothing: a bad file raises one {@link ScenarioException} naming the place, and no
 * scenario is returned. Jackson's limits (numbers of over 1000 digits, nesting over 1000 levels, keys of over
 * 50,000 characters) are named as such, with the place.
 */
public final class ScenarioFormat {
    /** The arrays of the lesson's net; a net of n layers has W1, b1, …, Wn, bn between x and t. */
    private static final List<String> ARRAY_KEYS = List.of("x", "W1", "b1", "W2", "b2", "t");
    private static final List<String> OPTIONAL_KEYS = List.of("name", "description", "lr", "activations", "affine");

    /**
     * Reads numbers as doubles, with Jackson's fast parser: a (1000, 784) batch and its weights (1.6 million
     * numbers) in a quarter of the time BigDecimals take. The tree cannot tell 1e400 from a bare Infinity (both
     * are an infinite double); a file with either is scanned once more, token by token, where they differ.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Python's json module writes bare NaN and Infinity
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Strict JSON out: a number that is not finite is written as "NaN", "Infinity" or "-Infinity". */
    private static final ObjectMapper WRITER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build())
            .build();

    /** The numbers in Jackson's limit messages: "(1200) exceeds the maximum allowed (1000". */
    private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    /** Thrown by the first reading at the first number that is not finite: the tokens then tell 1e400 from NaN. */
    private static final class NotFinite extends RuntimeException {
        NotFinite() {
            super(null, null, false, false);
        }
    }

    /** Where the JSON comes from; each call opens a new parser at its start. */
    @FunctionalInterface
    private interface Source {
        JsonParser open() throws IOException;
    }

    private ScenarioFormat() {}

    /**
     * Reads a scenario file: a regular file of at most {@link SafeFiles#MAX_BYTES}, UTF-8 (a byte order mark is
     * skipped). @throws ScenarioException with one line naming the file's problem
     */
    public static Scenario read(Path file) throws ScenarioException {
        return parse(SafeFiles.readAll(file));
    }

    /** Reads a scenario from a stream (a preset inside the jar). The stream is closed. */
    public static Scenario read(InputStream in) throws ScenarioException {
        byte[] bytes;
        try (in) {
            bytes = in.readNBytes((int) SafeFiles.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ScenarioException("cannot read: " + e.getMessage());
        }
        if (bytes.length > SafeFiles.MAX_BYTES) throw new ScenarioException(SafeFiles.tooLarge("the stream", SafeFiles.MAX_BYTES));
        return parse(bytes);
    }

    /** Parses scenario JSON text (a leading byte order mark is skipped). @throws ScenarioException with one line naming the problem */
    public static Scenario parse(String json) throws ScenarioException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        return parse(() -> MAPPER.createParser(text));
    }

    /** Parses UTF-8 bytes (Jackson skips a byte order mark). */
    private static Scenario parse(byte[] json) throws ScenarioException {
        return parse(() -> MAPPER.createParser(json));
    }

    private static Scenario parse(Source source) throws ScenarioException {
        JsonNode root = tree(source);
        try {
            return parse(root, null);
        } catch (NotFinite e) {
            return parse(root, overflows(source));
        }
    }

    /** The JSON tree, or one line naming the place where the text is not JSON or passes one of Jackson's limits. */
    private static JsonNode tree(Source source) throws ScenarioException {
        JsonParser p = null;
        try {
            p = source.open();
            return MAPPER.readTree(p);
        } catch (StreamConstraintsException e) {
            throw new ScenarioException(overLimit(e, p));
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof StreamConstraintsException c) throw new ScenarioException(overLimit(c, p));
            throw new ScenarioException(notJson(e, p));
        } catch (NumberFormatException e) {
            throw new ScenarioException(where(p) + ": " + shorten(text(p)) + " is not a number this app can read");
        } catch (IOException e) {
            throw new ScenarioException("cannot read: " + e.getMessage());
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // nothing was written
                }
            }
        }
    }

    private static String notJson(JsonProcessingException e, JsonParser p) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
        String where = loc == null || loc.getLineNr() < 1 ? "" : " at " + line(loc);
        String why = e.getOriginalMessage();
        if (why != null && why.startsWith("Duplicate field")) {
            String key = why.substring("Duplicate field ".length()).replaceAll("^'|'$", "");
            return "key \"" + shorten(key) + "\" appears twice" + where;
        }
        if (why != null && why.startsWith("Invalid UTF-8")) return "file is not UTF-8 text" + where;
        return "file is not valid JSON" + where;
    }

    /** One of Jackson's limits (StreamReadConstraints), as what it is, with the place. */
    private static String overLimit(StreamConstraintsException e, JsonParser p) {
        StreamReadConstraints limits = StreamReadConstraints.defaults();
        String why = String.valueOf(e.getOriginalMessage());
        Matcher m = LIMIT.matcher(why);
        long max = m.find() ? Long.parseLong(m.group(2)) : -1;
        if (why.startsWith("Number value length")) {
            return where(p) + ": a number longer than the limit of " + count(max >= 0 ? max : limits.getMaxNumberLength()) + " digits";
        }
        if (why.startsWith("Document nesting depth")) {
            return line(p.currentTokenLocation()) + ": nesting deeper than " + count(max >= 0 ? max : limits.getMaxNestingDepth()) + " levels";
        }
        if (why.startsWith("Name length")) {
            return line(p.currentLocation()) + ": a key longer than the limit of " + count(max >= 0 ? max : limits.getMaxNameLength()) + " characters";
        }
        if (why.startsWith("String value length")) {
            return where(p) + ": a text longer than the limit of " + count(max >= 0 ? max : limits.getMaxStringLength()) + " characters";
        }
        return line(p.currentLocation()) + ": " + why; // a limit this app does not set (document length, token count)
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String line(JsonLocation loc) {
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** The key and indices of the parser's current value ({@code W1[0][2]}), or its line and column at the top level. */
    private static String where(JsonParser p) {
        if (p == null) return "the file";
        String place = place(p.getParsingContext());
        return place.isEmpty() ? line(p.currentTokenLocation()) : place;
    }

    /** {@code W1[0][2]}: the names and indices from the top-level object down; "" at the top level. */
    private static String place(JsonStreamContext c) {
        Deque<String> parts = new ArrayDeque<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            else if (c.getCurrentName() != null) parts.push(shorten(c.getCurrentName()));
        }
        return String.join("", parts);
    }

    private static String text(JsonParser p) {
        try {
            return p == null ? null : p.getText();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A text from the file, at most 40 characters, for a message. */
    private static String shorten(String s) {
        if (s == null) return "";
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /**
     * The places of numbers too large for a double ({@code 1e400}, as written), found token by token: unlike
     * the tree, the tokens tell them from the bare words NaN and Infinity.
     */
    private static Map<String, String> overflows(Source source) throws ScenarioException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = source.open()) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t.isNumeric() && !p.isNaN() && !Double.isFinite(p.getDoubleValue())) {
                    out.put(place(p.getParsingContext()), p.getText());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ScenarioException("cannot read: " + e.getMessage()); // the same text was just read as a tree
        }
        return out;
    }

    /**
     * @param overflows null at the first reading; then where numbers too large for a double stand (any other
     *     number that is not finite was written as NaN, Infinity or -Infinity)
     */
    private static Scenario parse(JsonNode root, Map<String, String> overflows) throws ScenarioException {
        if (root == null || root.isMissingNode()) throw new ScenarioException("file is empty");
        if (!root.isObject()) throw new ScenarioException("a scenario must be a JSON object { \"x\": …, \"W1\": …, … }");

        int depth = 0; // the largest k of a key Wk or bk
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Param p = Param.byLabel(key);
            if (p == null && !OPTIONAL_KEYS.contains(key)) {
                throw new ScenarioException("unknown key \"" + shorten(key) + "\"" + suggestion(key));
            }
            if (p != null && p.trainable()) depth = Math.max(depth, p.layer());
        }
        Network network = network(root, Math.max(depth, 1));
        for (Param p : network.params()) {
            if (!root.has(p.label())) throw new ScenarioException("missing key \"" + p.label() + "\"");
        }
        Map<Param, NDArray> arrays = new LinkedHashMap<>();
        for (Param p : network.params()) arrays.put(p, array(p.label(), root.get(p.label()), overflows));
        NDArray t = arrays.get(Param.T);
        // NumPy's dtype: [0, 2] is int, [0.0, 2.0] float. Any numbers are a t, as NumPy takes them: -1 is the last class,
        // and labels a float t cannot index with are NumPy's IndexError at the loss, not a fault of the file.
        if (allIntegral(root.get("t"))) arrays.put(Param.T, t.asInteger());

        String name = text(root, "name");
        String description = text(root, "description");
        Double lr = null;
        if (root.has("lr")) {
            JsonNode n = root.get("lr");
            if (n.isNumber() && !Double.isFinite(n.doubleValue()) && overflows == null) throw new NotFinite();
            if (!n.isNumber() || !Double.isFinite(n.doubleValue()) || n.doubleValue() <= 0) {
                String shown = n.isTextual() ? "\"" + shorten(n.textValue()) + "\""
                        : overflows != null && overflows.containsKey("lr") ? overflows.get("lr")
                        : n.isNumber() ? n.asText() : shorten(n.toString());
                throw new ScenarioException("lr: " + shown + " is not a positive, finite number");
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
        String text = n.asText();
        // JSON can write half of a UTF-16 pair ("\ud800"), which no UTF-8 file can hold: it could never be saved again
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = i + 1;
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))
                    : !Character.isLowSurrogate(c);
            if (!paired) {
                throw new ScenarioException(key + ": character " + at + " is half of a UTF-16 pair (\\u"
                        + String.format(Locale.ROOT, "%04x", (int) c) + "), not a character");
            }
        }
        return text;
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

    /** A number, or lists of numbers nested up to {@link NDArray#MAX_RANK} deep, every list of a level as long as the first. */
    private static NDArray array(String key, JsonNode n, Map<String, String> overflows) throws ScenarioException {
        if (!n.isArray()) return NDArray.scalar(number(key, n, overflows));
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
            for (int i = 0; i < v.length; i++) v[i] = number(key + "[" + i + "]", n.get(i), overflows);
            return NDArray.vector(v);
        }
        if (depth(n.get(0)) <= 1) return matrix(key, n, overflows);
        int[] shape = new int[depth(n)];
        if (shape.length > NDArray.MAX_RANK) {
            throw new ScenarioException(key + ": lists nested " + shape.length + " deep (rank " + shape.length + "); arrays of rank 0 to "
                    + NDArray.MAX_RANK + " are supported");
        }
        JsonNode probe = n;
        for (int a = 0; a < shape.length; a++, probe = probe.get(0)) shape[a] = probe.size();
        double[] flat = new double[NDArray.sizeOfShape(shape)];
        fill(key, n, shape, 0, flat, new int[] {0}, overflows);
        return NDArray.of(shape, flat);
    }

    /** How deep lists nest along the first elements: 0 for a number, 1 for a list of numbers. */
    private static int depth(JsonNode n) {
        int d = 0;
        for (JsonNode p = n; p.isArray() && !p.isEmpty(); p = p.get(0)) d++;
        return d;
    }

    /** Copies the numbers of {@code n} (at axis {@code axis}, named {@code where}) in C order, refusing a ragged list. */
    private static void fill(String where, JsonNode n, int[] shape, int axis, double[] flat, int[] next, Map<String, String> overflows)
            throws ScenarioException {
        if (axis == shape.length) {
            if (n.isArray()) throw new ScenarioException(where + ": is a list, expected a number (the array has rank " + shape.length + ")");
            flat[next[0]++] = number(where, n, overflows);
            return;
        }
        if (!n.isArray()) throw new ScenarioException(where + ": is a number, expected a list of " + shape[axis]);
        if (n.size() != shape[axis]) {
            String what = axis == shape.length - 1 ? "number" : "list";
            throw new ScenarioException(where + ": row has " + n.size() + " " + what + (n.size() == 1 ? "" : "s") + ", expected " + shape[axis]);
        }
        for (int i = 0; i < n.size(); i++) fill(where + "[" + i + "]", n.get(i), shape, axis + 1, flat, next, overflows);
    }

    /** A list of equal-length lists of numbers. */
    private static NDArray matrix(String key, JsonNode n, Map<String, String> overflows) throws ScenarioException {
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
                    throw new ScenarioException(key + "[" + r + "][" + c + "]: is a list, but " + key + "[0][0] is a number");
                }
                rows[r][c] = number(key + "[" + r + "][" + c + "]", v, overflows);
            }
        }
        return NDArray.matrix(rows);
    }

    /**
     * A number, or one of the strings "NaN", "Infinity" and "-Infinity". At the first reading ({@code overflows}
     * null) a number that is not finite stops the reading: only the tokens tell 1e400 from a bare NaN.
     */
    private static double number(String where, JsonNode v, Map<String, String> overflows) throws ScenarioException {
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: throw new ScenarioException(where + ": \"" + shorten(v.textValue()) + "\" is not a number");
            }
        }
        if (!v.isNumber()) throw new ScenarioException(where + ": " + shorten(v.toString()) + " is not a number");
        double d = v.doubleValue();
        if (Double.isFinite(d)) return d;
        if (overflows == null) throw new NotFinite();
        String written = overflows.get(where);
        if (written != null) throw new ScenarioException(where + ": " + shorten(written) + " is too large: numbers must be finite");
        return d; // written as a bare NaN, Infinity or -Infinity
    }

    // ------------------------------------------------------------------ writing

    /** The scenario as pretty, strict JSON text; it reads back to an equal scenario, NaN and infinities included. */
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

    /**
     * Writes the scenario atomically (a temporary file beside the target, then a rename): a link is followed to
     * its target, which keeps its permissions. See {@link SafeFiles#replace}.
     */
    public static void write(Scenario s, Path file) throws IOException {
        SafeFiles.replace(file, toJson(s).getBytes(StandardCharsets.UTF_8));
    }

    /** An array as a JSON number or lists nested as deep as its rank; whole numbers as integers when {@code integers}. */
    public static JsonNode toJsonNode(NDArray a, boolean integers) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (a.rank() == 0) return num(f, a.item(), integers);
        if (a.rank() == 1) {
            ArrayNode row = f.arrayNode();
            for (int i = 0; i < a.size(); i++) row.add(num(f, a.flat(i), integers));
            return row;
        }
        return nested(f, a, 0, 0, a.size(), integers);
    }

    /** Elements {@code from} to {@code to} of {@code a}, as the nested lists of its axes from {@code axis} on. */
    private static ArrayNode nested(JsonNodeFactory f, NDArray a, int axis, int from, int to, boolean integers) {
        ArrayNode list = f.arrayNode();
        int n = a.dim(axis), step = (to - from) / n;
        for (int i = 0; i < n; i++) {
            if (axis == a.rank() - 1) list.add(num(f, a.flat(from + i), integers));
            else list.add(nested(f, a, axis + 1, from + i * step, from + (i + 1) * step, integers));
        }
        return list;
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
