package org.backpropviz.engine;

import static org.backpropviz.engine.NumpyFixtures.assertClose;
import static org.backpropviz.engine.NumpyFixtures.assertTraceMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backpropviz.scenario.ScenarioFormat;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario NumPy evaluated must agree with the engine: values within 1e-9 relative, errors word for word.
 * Sources: the shared reference cases (a copy is kept in the test resources; the live folder {@code ../shared}
 * is read too when present), and the cases our own generator made with NumPy ({@code src/test/python}).
 */
class ReferenceCasesTest {

    static Stream<Path> cases() {
        List<Path> all = new ArrayList<>(NumpyFixtures.scenarios(NumpyFixtures.resourceDir("reference-cases")));
        Path live = Path.of("..", "shared", "reference-cases");
        if (Files.isDirectory(live)) {
            List<String> known = all.stream().map(p -> p.getFileName().toString()).toList();
            NumpyFixtures.scenarios(live).stream().filter(p -> !known.contains(p.getFileName().toString())).forEach(all::add);
        }
        all.addAll(NumpyFixtures.scenarios(NumpyFixtures.resourceDir("numpy")));
        return all.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithNumpy() {
        return cases().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(p));
            JsonNode exp = NumpyFixtures.read(NumpyFixtures.expectedFor(p));
            assertTraceMatches(exp, Trace.evaluate(in), p.getFileName().toString());
        }));
    }

    /**
     * Every scenario NumPy ran loads through the scenario reader as NumPy loaded it (same arrays, same integer or
     * float t) and gives NumPy's results: the reader refuses no t that NumPy takes, such as {@code [-1, 0]} (-1 is the
     * last class) or {@code [0.5, 1.5]} (NumPy's IndexError at the loss).
     */
    @TestFactory
    Stream<DynamicTest> everyCaseLoadsThroughTheScenarioReader() {
        return cases().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            NetInputs read = ScenarioFormat.read(p).inputs();
            assertEquals(NumpyFixtures.inputs(NumpyFixtures.read(p)), read, p.getFileName() + ": the arrays NumPy loaded");
            assertTraceMatches(NumpyFixtures.read(NumpyFixtures.expectedFor(p)), Trace.evaluate(read), p.getFileName().toString());
        }));
    }

    /** Stepping one node at a time reaches the same results as running everything at once. */
    @TestFactory
    Stream<DynamicTest> steppingEqualsRunningAll() {
        return cases().limit(60).map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(p));
            Trace stepped = Trace.start(in);
            int steps = 0;
            while (stepped.next().isPresent()) {
                stepped = stepped.step();
                steps++;
                assertEquals(steps, stepped.stepsDone());
            }
            Trace all = Trace.evaluate(in);
            assertEquals(all.forwardValues(), stepped.forwardValues());
            assertEquals(all.backwardValues(), stepped.backwardValues());
            assertEquals(all.grads(), stepped.grads());
            assertEquals(all.error(), stepped.error());
            // and back again, one step at a time, to the start
            for (int i = steps; i > 0; i--) stepped = stepped.back();
            assertEquals(0, stepped.stepsDone());
            assertTrue(stepped.forwardValues().isEmpty());
        }));
    }

    /** The book's numerical gradient gives NumPy's figures, and book-style nets agree with backprop below 1e-6. */
    @TestFactory
    Stream<DynamicTest> gradientCheckAgreesWithNumpy() {
        return NumpyFixtures.scenarios(NumpyFixtures.resourceDir("numpy")).stream()
                .filter(p -> NumpyFixtures.read(NumpyFixtures.expectedFor(p)).has("gradcheck_numerical"))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(p));
                    JsonNode exp = NumpyFixtures.read(NumpyFixtures.expectedFor(p));
                    Trace t = Trace.evaluate(in);
                    for (Param q : Param.TRAINABLE) {
                        NDArray num = GradientCheck.numerical(in, q, GradientCheck.H);
                        // a central difference divides rounding noise by 2h: compare with NumPy's at 1e-6 relative
                        assertCloseLoose(exp.get("gradcheck_numerical").get(q.label()), num, p + " numerical d" + q.label());
                        if (exp.get("gradcheck").has(q.label())) {
                            double d = GradientCheck.maxAbsDifference(t.grad(q).orElseThrow(), num);
                            double numpy = exp.get("gradcheck").get(q.label()).asDouble();
                            assertEquals(numpy, d, 1e-8 + 1e-3 * numpy, p + " gradcheck " + q.label());
                            if (p.getFileName().toString().startsWith("np-book")) assertTrue(d < 1e-6, p + ": " + q.label() + " differs by " + d);
                        }
                    }
                }));
    }

    private static void assertCloseLoose(JsonNode expected, NDArray actual, String what) {
        NDArray e = NumpyFixtures.array(expected);
        assertEquals(e.shapeString(), actual.shapeString(), what);
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.flat(i), actual.flat(i), 1e-7 + 1e-6 * Math.abs(e.flat(i)), what + "[" + i + "]");
        }
    }

    /** {@code param -= lr * grad} with NumPy's in-place broadcasting rules. */
    @TestFactory
    Stream<DynamicTest> sgdAgreesWithNumpy() {
        return NumpyFixtures.scenarios(NumpyFixtures.resourceDir("numpy")).stream()
                .filter(p -> NumpyFixtures.read(NumpyFixtures.expectedFor(p)).has("sgd"))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(p));
                    JsonNode sgd = NumpyFixtures.read(NumpyFixtures.expectedFor(p)).get("sgd");
                    Map<Param, NDArray> grads = Trace.evaluate(in).grads();
                    boolean anyError = false;
                    for (Param q : Param.TRAINABLE) {
                        JsonNode e = sgd.get(q.label());
                        NDArray step = Np.scale(grads.get(q), 0.1);
                        if (e.isObject() && e.has("error")) {
                            anyError = true;
                            NumpyException ex = assertThrows(NumpyException.class, () -> Sgd.minus(in.get(q), step));
                            assertEquals(e.get("error").asText(), ex.getMessage(), p + " " + q.label());
                        } else {
                            assertClose(e, Sgd.minus(in.get(q), step), p + " sgd " + q.label());
                        }
                    }
                    if (anyError) {
                        OpFailure f = assertThrows(OpFailure.class, () -> Sgd.update(in, grads, 0.1));
                        assertTrue(f.expression().contains("-= lr * d"), f.expression());
                    } else {
                        NetInputs after = Sgd.update(in, grads, 0.1);
                        for (Param q : Param.TRAINABLE) assertClose(sgd.get(q.label()), after.get(q), p + " update " + q.label());
                    }
                }));
    }
}
