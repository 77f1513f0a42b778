package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads NumPy's results (JSON written by Python) and compares engine arrays with them. */
public final class NumpyFixtures {
    public static final double RTOL = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NumpyFixtures() {}

    public static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of test resources. */
    public static Path resourceDir(String name) {
        try {
            return Path.of(NumpyFixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scenario files (not *.expected.json) of a folder, sorted. */
    public static List<Path> scenarios(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json") && !p.getFileName().toString().equals("ops.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path expectedFor(Path scenario) {
        String n = scenario.getFileName().toString();
        return scenario.resolveSibling(n.substring(0, n.length() - ".json".length()) + ".expected.json");
    }

    /** A nested JSON list (or number) as an array whose rank is the nesting depth, with no validation. */
    public static NDArray array(JsonNode n) {
        if (!n.isArray()) return NDArray.scalar(n.doubleValue());
        List<Integer> shape = new ArrayList<>();
        for (JsonNode p = n; p.isArray(); p = p.get(0)) shape.add(p.size());
        List<Double> flat = new ArrayList<>();
        flatten(n, flat);
        return NDArray.of(shape.stream().mapToInt(Integer::intValue).toArray(), flat.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (!n.isArray()) {
            out.add(n.doubleValue());
            return;
        }
        for (JsonNode c : n) flatten(c, out);
    }

    /** t as NumPy loads it: an integer array when every number is written without a decimal point. */
    public static NDArray labels(JsonNode n) {
        NDArray t = array(n);
        return allIntegral(n) ? t.asInteger() : t;
    }

    private static boolean allIntegral(JsonNode n) {
        if (!n.isArray()) return n.isIntegralNumber();
        for (JsonNode c : n) if (!allIntegral(c)) return false;
        return true;
    }

    /** {"shape": [...], "data": [...]} as in ops.json. */
    public static NDArray shaped(JsonNode n) {
        int[] shape = new int[n.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = n.get("shape").get(i).asInt();
        double[] data = new double[n.get("data").size()];
        for (int i = 0; i < data.length; i++) data[i] = n.get("data").get(i).doubleValue();
        return NDArray.of(shape, data);
    }

    /**
     * The scenario's network and arrays, read as NumPy reads them and without the scenario format's checks: x, W1, b1,
     * …, Wn, bn, t, and {@code "activations"} and {@code "affine"} where given (ReLU and the lesson's Affine if not).
     */
    public static NetInputs inputs(JsonNode scenario) {
        int n = 0;
        while (scenario.has("W" + (n + 1))) n++;
        List<Activation> acts = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            acts.add(scenario.has("activations") ? Activations.byId(scenario.get("activations").get(k - 1).asText()) : Relu.KIND);
        }
        Affine.Variant variant = scenario.has("affine") ? Affine.Variant.byId(scenario.get("affine").asText()) : Affine.Variant.LESSON;
        List<NDArray> params = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            params.add(array(scenario.get("W" + k)));
            params.add(array(scenario.get("b" + k)));
        }
        return NetInputs.of(Network.of(acts, variant), array(scenario.get("x")), params, labels(scenario.get("t")));
    }

    /** Same shape as NumPy's, and every value within 1e-9 relative (absolute near zero, relative to the array's scale). */
    public static void assertClose(JsonNode expected, NDArray actual, String what) {
        NDArray e = array(expected);
        assertArrayEquals(e.shape(), actual.shape(), what + ": shape " + actual.shapeString() + ", NumPy has " + e.shapeString());
        double scale = 0;
        for (int i = 0; i < e.size(); i++) scale = Math.max(scale, Math.abs(e.flat(i)));
        for (int i = 0; i < e.size(); i++) {
            double a = actual.flat(i), x = e.flat(i);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                assertEquals(x, a, what + "[" + i + "]");
                continue;
            }
            double tol = RTOL * Math.abs(x) + 1e-12 * Math.max(scale, 1e-300);
            if (!(Math.abs(a - x) <= tol)) {
                fail(what + "[" + i + "]: engine " + a + ", NumPy " + x + " (difference " + Math.abs(a - x) + ")");
            }
        }
    }

    /** Compares a whole trace with an expected file: values, gradients, and the error message word for word. */
    public static void assertTraceMatches(JsonNode exp, Trace t, String name) {
        List<String> fwd = new ArrayList<>();
        exp.get("forward").fieldNames().forEachRemaining(fwd::add);
        assertEquals(fwd, new ArrayList<>(t.forwardValues().keySet()), name + ": forward nodes computed");
        for (String node : fwd) assertClose(exp.get("forward").get(node), t.forward(node).orElseThrow(), name + " forward " + node);
        List<String> bwd = new ArrayList<>();
        exp.get("backward").fieldNames().forEachRemaining(bwd::add);
        assertEquals(bwd, new ArrayList<>(t.backwardValues().keySet()), name + ": backward nodes computed");
        for (String node : bwd) assertClose(exp.get("backward").get(node), t.backward(node).orElseThrow(), name + " backward " + node);
        List<String> grads = new ArrayList<>();
        exp.get("grads").fieldNames().forEachRemaining(grads::add);
        assertEquals(grads.stream().sorted().toList(), t.grads().keySet().stream().map(Param::label).sorted().toList(), name + ": grads");
        for (String g : grads) assertClose(exp.get("grads").get(g), t.grad(Param.byLabel(g)).orElseThrow(), name + " d" + g);
        if (exp.has("error")) {
            JsonNode e = exp.get("error");
            assertTrue(t.error().isPresent(), name + ": NumPy raised " + e.get("message").asText() + " but the engine did not");
            EngineError err = t.error().get();
            assertErrorMatches(e, err.message(), err.kind(), err.category(), name);
            assertEquals(e.get("node").asText(), err.node(), name + ": node");
            assertEquals(e.get("phase").asText(), err.phase().id(), name + ": phase");
        } else {
            assertTrue(t.isComplete(), name + ": engine stopped with " + t.error().map(EngineError::message).orElse("?"));
        }
    }

    /**
     * NumPy's error against the engine's. An error with a {@code category} (this project's generator) gives NumPy's
     * {@code str(e)} verbatim and the exception class: both must match exactly. An error without one is the older
     * form of the shared reference cases: the message with its trailing space stripped, and {@code kind} "shape" in
     * place of the class for shape errors. Such a message is compared after stripping the engine's trailing space,
     * and only a message of NumPy's that ends with a space may differ by it.
     */
    public static void assertErrorMatches(JsonNode e, String message, String kind, ErrorCategory category, String name) {
        String expected = e.get("message").asText();
        if (e.has("category")) {
            assertEquals(expected, message, name + ": message");
            assertEquals(e.get("kind").asText(), kind, name + ": kind");
            assertEquals(e.get("category").asText(), category.id(), name + ": category");
            return;
        }
        assertEquals(expected, message.stripTrailing(), name + ": message (trailing space stripped, as this file keeps it)");
        if (!message.equals(expected)) {
            assertTrue(message.equals(expected + " ") && endsWithSpaceInNumpy(expected), name + ": only NumPy's trailing space may be missing");
        }
        if (e.get("kind").asText().equals("shape")) {
            assertEquals(ErrorCategory.SHAPE, category, name + ": category");
            assertEquals("ValueError", kind, name + ": kind");
        } else {
            assertEquals(e.get("kind").asText(), kind, name + ": kind");
            assertEquals(ErrorCategory.OTHER, category, name + ": category");
        }
    }

    /** NumPy's messages that end with a space: the broadcasting ones. */
    private static boolean endsWithSpaceInNumpy(String stripped) {
        return stripped.startsWith("operands could not be broadcast together with shapes ")
                || stripped.startsWith("shape mismatch: indexing arrays could not be broadcast together with shapes ");
    }
}
