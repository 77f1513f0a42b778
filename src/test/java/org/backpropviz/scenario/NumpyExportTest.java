package org.backpropviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backpropviz.engine.Trace;
import org.junit.jupiter.api.Test;

/** The NumPy export rebuilds the arrays exactly and carries what the app computed (checked by running it with NumPy by hand). */
class NumpyExportTest {
    @Test
    void theLessonsVectorExampleExportsItsArraysAndItsError() throws Exception {
        Scenario s = ScenarioFormat.read(NumpyExportTest.class.getResourceAsStream("/assets/presets/lesson-vector.json"));
        String py = NumpyExport.script(s, Trace.evaluate(s.inputs()));
        assertTrue(py.contains("x = np.array([0.057618, 0.04088931])"), py);
        assertTrue(py.contains("t = np.array([1, 0])"), "t keeps its integer dtype");
        assertTrue(py.contains("W1 = np.array([[0.07086644, 0.71153285, 0.0462262], [0.35796734, 0.58845011, 0.47938425]])"));
        assertTrue(py.contains("app_error = ('affine2', 'backward', 'shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)')"), py);
        assertTrue(py.contains("'forward loss': np.array(0.8264812010335935)"), py);
        assertTrue(py.contains("def backward(self, dout):"));
    }

    @Test
    void aCompletePassExportsEveryGradient() throws Exception {
        Scenario s = ScenarioFormat.read(NumpyExportTest.class.getResourceAsStream("/assets/presets/batch-of-4.json"));
        String py = NumpyExport.script(s, Trace.evaluate(s.inputs()));
        for (String g : new String[] {"'grad W1'", "'grad b1'", "'grad W2'", "'grad b2'", "'backward affine1'"}) assertTrue(py.contains(g), g);
        assertTrue(py.contains("app_error = None"));
    }

    @Test
    void aDeeperNetExportsEachLayerKindOnceAndItsLayerList() throws Exception {
        Scenario s = ScenarioFormat.read(org.backpropviz.engine.NumpyFixtures.resourceDir("reference-cases/deep").resolve("case-008.json"));
        String py = NumpyExport.script(s, Trace.evaluate(s.inputs()));
        assertTrue(py.contains("layers = [('affine1', Affine(W1, b1)), ('relu1', Relu()), ('affine2', Affine(W2, b2)), ('sigmoid2', Sigmoid()),"
                + " ('affine3', Affine(W3, b3)), ('sigmoid3', Sigmoid()), ('affine4', Affine(W4, b4))]"), py);
        assertEquals(1, py.split("class Sigmoid:", -1).length - 1, "each class once");
        assertTrue(py.contains("        out = 1 / (1 + np.exp(-x))"));
        assertTrue(py.contains("W4 = np.array(") && py.contains("'grad W4'"));
        String repo = NumpyExport.script(s.withInputs(s.inputs().withNetwork(s.inputs().network().withAffine(org.backpropviz.engine.Affine.Variant.REPOSITORY))));
        assertTrue(repo.contains("        x = x.reshape(x.shape[0], -1)"), repo);
    }
}
