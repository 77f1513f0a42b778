package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Single NumPy operations (ops.json, computed by NumPy): every rank pair of np.dot, broadcasting, .T, sum(axis=0). */
class OpsTest {

    @TestFactory
    Stream<DynamicTest> everyOperationAgreesWithNumpy() {
        JsonNode ops = NumpyFixtures.read(NumpyFixtures.resourceDir("numpy").resolve("ops.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode op : ops) {
            tests.add(DynamicTest.dynamicTest(op.get("name").asText(), () -> {
                NDArray a = NumpyFixtures.shaped(op.get("a"));
                NDArray b0 = op.has("b") ? NumpyFixtures.shaped(op.get("b")) : null;
                NDArray b = op.path("b_integer").asBoolean() ? b0.asInteger() : b0;
                Supplier<NDArray> f = switch (op.get("op").asText()) {
                    case "dot" -> () -> Np.dot(a, b);
                    case "add" -> () -> Np.add(a, b);
                    case "sub" -> () -> Np.subtract(a, b);
                    case "isub" -> () -> Sgd.minus(a, b);
                    case "T" -> () -> Np.transpose(a);
                    case "sum0" -> () -> Np.sumAxis0(a);
                    case "label_loss" -> () -> unwrap(() -> SoftmaxWithLoss.loss(a, b));
                    case "label_backward" -> () -> unwrap(() -> SoftmaxWithLoss.backward(a, b));
                    default -> throw new IllegalArgumentException(op.get("op").asText());
                };
                if (op.has("error")) {
                    NumpyException e = assertThrows(NumpyException.class, f::get, op.get("name").asText());
                    assertEquals(op.get("error").asText(), e.getMessage());
                    assertEquals(op.get("kind").asText(), e.kind());
                    assertEquals(op.get("category").asText(), e.category().id());
                } else {
                    NDArray expected = NumpyFixtures.shaped(op.get("result"));
                    NDArray actual = f.get();
                    assertArrayEquals(expected.shape(), actual.shape(), op.get("name").asText() + ": shape " + actual.shapeString());
                    for (int i = 0; i < expected.size(); i++) {
                        assertEquals(expected.flat(i), actual.flat(i), 1e-12 * Math.max(1, Math.abs(expected.flat(i))));
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** A layer's NumPy error as Np raises it (the layer wraps it with its expression). */
    private static NDArray unwrap(Supplier<NDArray> layer) {
        try {
            return layer.get();
        } catch (OpFailure f) {
            throw f.reason();
        }
    }

    @Test
    void everyDotRankPairNamesItsDimensions() {
        NDArray v2 = NDArray.vector(1, 2), v3 = NDArray.vector(1, 2, 3);
        NDArray m23 = NDArray.of(new int[] {2, 3}, new double[6]), m32 = NDArray.of(new int[] {3, 2}, new double[6]);
        assertEquals("shapes (2,) and (3,) not aligned: 2 (dim 0) != 3 (dim 0)", assertThrows(NumpyException.class, () -> Np.dot(v2, v3)).getMessage());
        assertEquals("shapes (2,) and (3,2) not aligned: 2 (dim 0) != 3 (dim 0)", assertThrows(NumpyException.class, () -> Np.dot(v2, m32)).getMessage());
        assertEquals("shapes (2,3) and (2,) not aligned: 3 (dim 1) != 2 (dim 0)", assertThrows(NumpyException.class, () -> Np.dot(m23, v2)).getMessage());
        assertEquals("shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)", assertThrows(NumpyException.class, () -> Np.dot(m23, m23)).getMessage());
        assertEquals("operands could not be broadcast together with shapes (4,3) (2,) ",
                assertThrows(NumpyException.class, () -> Np.add(NDArray.full(new int[] {4, 3}, 1), v2)).getMessage());
        // and the shapes that do line up
        assertEquals("()", Np.dot(v3, v3).shapeString());
        assertEquals("(2,)", Np.dot(v3, m32).shapeString());
        assertEquals("(3,)", Np.dot(m32, v2).shapeString());
        assertEquals("(2, 3)", Np.add(v3, NDArray.full(new int[] {2, 1}, 1)).shapeString());
        assertEquals("(3,)", Np.transpose(v3).shapeString());
        assertEquals("()", Np.sumAxis0(v3).shapeString());
    }

    @Test
    void operationsNeverModifyTheirArguments() {
        NDArray a = NDArray.of(new int[] {2, 2}, new double[] {1, -2, 3, -4});
        NDArray copy = NDArray.of(new int[] {2, 2}, a.toFlatArray());
        Np.dot(a, a);
        Np.add(a, a);
        Np.transpose(a);
        Relu.forward(a);
        Relu.backward(a, a);
        SoftmaxWithLoss.softmax(a);
        assertEquals(copy, a);
    }
}
