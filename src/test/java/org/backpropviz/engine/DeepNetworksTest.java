package org.backpropviz.engine;

import static org.backpropviz.engine.NumpyFixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Networks of 1 to 4 layers, ReLU and Sigmoid, both Affine variants, against what NumPy computes running the book's
 * layer code: the shared sample ({@code reference-cases/deep}) and our generator's cases ({@code numpy-deep}, from
 * {@code src/test/python/gen_deep_cases.py}). Values within 1e-9 relative, NumPy's messages to the character, and
 * the line of the layer's source NumPy raised on.
 */
class DeepNetworksTest {
    /**
     * True once the engine keeps NumPy's trailing spaces in its messages (NumPy writes {@code "… (3,4) (5,) "}); until
     * then messages are compared without them, and exactly from then on.
     */
    static final boolean KEEPS_TRAILING_SPACE = keepsTrailingSpace();

    private static boolean keepsTrailingSpace() {
        try {
            Np.add(NDArray.vector(1, 2), NDArray.vector(1, 2, 3));
        } catch (NumpyException e) {
            return e.getMessage().endsWith(" ");
        }
        throw new AssertionError("(2,) + (3,) must not broadcast");
    }

    static List<Path> cases() {
        List<Path> all = new ArrayList<>(NumpyFixtures.scenarios(NumpyFixtures.resourceDir("reference-cases/deep")));
        all.addAll(NumpyFixtures.scenarios(NumpyFixtures.resourceDir("numpy-deep")));
        all.addAll(NumpyFixtures.scenarios(NumpyFixtures.resourceDir("numpy-rank3"))); // x of rank 3 and 4 (gen_rank3_cases.py)
        return all;
    }

    static String name(Path p) {
        return p.getParent().getFileName() + "/" + p.getFileName();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseAgreesWithNumpy() {
        return cases().stream().map(p -> DynamicTest.dynamicTest(name(p), () -> {
            NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(p));
            assertDeepTraceMatches(NumpyFixtures.read(NumpyFixtures.expectedFor(p)), Trace.evaluate(in), name(p));
        }));
    }

    /** Stepping node by node reaches what evaluating at once does, and every step says which source lines it ran. */
    @TestFactory
    Stream<DynamicTest> steppingRecordsTheLinesOfEachStep() {
        return cases().stream().map(p -> DynamicTest.dynamicTest(name(p), () -> {
            NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(p));
            JsonNode exp = NumpyFixtures.read(NumpyFixtures.expectedFor(p));
            Trace t = Trace.start(in);
            List<Step> steps = in.network().steps();
            while (t.next().isPresent()) {
                Step s = t.next().get();
                t = t.step();
                Execution e = t.execution().orElseThrow();
                assertEquals(s, e.step());
                assertFalse(e.lines().isEmpty(), s + " ran no line");
                PythonSource source = in.network().layerOf(s.id()).source();
                for (Execution.Line l : e.lines()) {
                    assertTrue(source.contains(l.line()), s + ": " + l.line() + " is not a line of " + source.title());
                    SourceLine.Part part = s.phase() == Phase.FORWARD ? SourceLine.Part.FORWARD : SourceLine.Part.BACKWARD;
                    assertEquals(part, l.line().part(), s + ": " + l.line());
                    for (Operand v : l.variables()) assertTrue(v.shape().length <= NDArray.MAX_RANK, v.toString());
                }
                assertEquals(t.error().isPresent(), e.failed().isPresent(), s + ": a failed line exactly when the step failed");
            }
            Trace all = Trace.evaluate(in);
            assertEquals(all.forwardValues(), t.forwardValues());
            assertEquals(all.backwardValues(), t.backwardValues());
            assertEquals(all.grads(), t.grads());
            assertEquals(all.error(), t.error());
            assertEquals(all.warnings(), t.warnings());
            assertEquals(all.execution(), t.execution());
            if (exp.has("error") && exp.get("error").has("line")) {
                String line = exp.get("error").get("line").asText();
                assertEquals(line, t.execution().orElseThrow().failed().orElseThrow().line().code().strip(), name(p) + ": the line NumPy raised on");
            }
            int done = t.stepsDone();
            for (int i = done; i > 0; i--) t = t.back();
            assertEquals(0, t.stepsDone());
            assertTrue(done <= steps.size());
        }));
    }

    /** The book's numerical gradient, walking the same layers, gives NumPy's figures. */
    @TestFactory
    Stream<DynamicTest> numericalGradientsAgreeWithNumpy() {
        return cases().stream().filter(p -> NumpyFixtures.read(NumpyFixtures.expectedFor(p)).has("gradcheck_numerical"))
                .map(p -> DynamicTest.dynamicTest(name(p), () -> {
                    NetInputs in = NumpyFixtures.inputs(NumpyFixtures.read(p));
                    JsonNode num = NumpyFixtures.read(NumpyFixtures.expectedFor(p)).get("gradcheck_numerical");
                    List<String> names = new ArrayList<>();
                    num.fieldNames().forEachRemaining(names::add);
                    assertEquals(in.trainable().stream().map(Param::label).toList(), names);
                    GradientCheck.Report r = GradientCheck.check(in, GradientCheck.H);
                    assertEquals(in.trainable(), r.params().stream().map(GradientCheck.ParamCheck::param).toList());
                    for (GradientCheck.ParamCheck c : r.params()) {
                        NDArray e = NumpyFixtures.array(num.get(c.param().label()));
                        assertEquals(e.shapeString(), c.numerical().shapeString());
                        for (int i = 0; i < e.size(); i++) {
                            // a central difference divides rounding noise by 2h: NumPy's figures at 1e-6 relative
                            assertEquals(e.flat(i), c.numerical().flat(i), 1e-7 + 1e-6 * Math.abs(e.flat(i)), name(p) + " d" + c.param().label() + "[" + i + "]");
                        }
                    }
                }));
    }

    /** Values, gradients, the error (node, phase, NumPy's message, its kind, its line) and the overflow warnings. */
    static void assertDeepTraceMatches(JsonNode exp, Trace t, String name) {
        List<String> fwd = new ArrayList<>();
        exp.get("forward").fieldNames().forEachRemaining(fwd::add);
        assertEquals(fwd, new ArrayList<>(t.forwardValues().keySet()), name + ": forward nodes computed");
        for (String node : fwd) assertClose(exp.get("forward").get(node), t.forward(node).orElseThrow(), name + " forward " + node);
        if (exp.has("backward")) {
            List<String> bwd = new ArrayList<>();
            exp.get("backward").fieldNames().forEachRemaining(bwd::add);
            assertEquals(bwd, new ArrayList<>(t.backwardValues().keySet()), name + ": backward nodes computed");
            for (String node : bwd) assertClose(exp.get("backward").get(node), t.backward(node).orElseThrow(), name + " backward " + node);
        }
        List<String> grads = new ArrayList<>();
        exp.get("grads").fieldNames().forEachRemaining(grads::add);
        assertEquals(grads.stream().sorted().toList(), t.grads().keySet().stream().map(Param::label).sorted().toList(), name + ": grads");
        for (String g : grads) assertClose(exp.get("grads").get(g), t.grad(Param.byLabel(g)).orElseThrow(), name + " d" + g);
        if (exp.has("error")) {
            JsonNode e = exp.get("error");
            if (t.error().isEmpty()) fail(name + ": NumPy raised " + e.get("message").asText() + " but the engine did not");
            EngineError err = t.error().get();
            assertMessage(e.get("message").asText(), err.message(), name);
            assertEquals(e.get("node").asText(), err.node(), name + ": node");
            assertEquals(e.get("phase").asText(), err.phase().id(), name + ": phase");
            if (e.has("kind")) {
                // "shape" for alignment and broadcasting, else the exception class; either names NumPy's exception
                assertTrue(err.kind().equals(e.get("kind").asText()) || err.kind().equals(e.get("exception").asText()),
                        name + ": kind " + err.kind() + ", NumPy raised " + e.get("exception").asText());
            }
        } else {
            assertTrue(t.isComplete(), name + ": engine stopped with " + t.error().map(EngineError::message).orElse("?"));
        }
        if (exp.has("warnings")) {
            List<String> numpy = new ArrayList<>();
            for (JsonNode w : exp.get("warnings")) {
                if (w.get("message").asText().equals("overflow encountered in exp")) numpy.add(w.get("node").asText());
            }
            List<String> engine = t.warnings().stream().filter(w -> w.kind() == EngineWarning.Kind.EXP_OVERFLOW).map(EngineWarning::node).toList();
            assertEquals(numpy, engine, name + ": where NumPy warns that exp overflowed");
        }
    }

    /** NumPy's message to the character; its trailing space too once the engine keeps it. */
    static void assertMessage(String numpy, String engine, String name) {
        assertEquals(KEEPS_TRAILING_SPACE ? numpy : numpy.stripTrailing(), engine, name + ": message");
    }
}
