package org.backpropviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A network as a list of layers: its steps, its graph, and what each step records of its layer's source. */
class NetworkTest {
    static final NDArray X = NDArray.vector(0.057618, 0.04088931);
    static final NDArray W1 = NDArray.matrix(new double[][] {{0.07086644, 0.71153285, 0.0462262}, {0.35796734, 0.58845011, 0.47938425}});
    static final NDArray B1 = NDArray.vector(0.1, -0.2, 0.3);
    static final NDArray W2 = NDArray.matrix(new double[][] {{0.5, -0.4}, {0.3, 0.8}, {-0.6, 0.2}});
    static final NDArray B2 = NDArray.vector(0.0, 0.1);
    static final NDArray BATCH = NDArray.matrix(new double[][] {{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}, {0.7, 0.8}});
    static final NDArray LABELS = NDArray.vector(1, 0, 1, 1).asInteger();

    static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::toString).toList();
    }

    @Test
    void theLessonsNetHasTheNineStepsAndFiveNodesOfBefore() {
        assertEquals(Step.ORDER, Network.LESSON.steps());
        assertEquals(Step.NODES, Network.LESSON.nodes().stream().map(NodeId::name).toList());
        assertEquals(List.of(Param.X, Param.W1, Param.B1, Param.W2, Param.B2, Param.T), Network.LESSON.params());
        assertEquals(Param.TRAINABLE, Network.LESSON.trainable());
        assertEquals("affine1 → relu1 → affine2 → softmax → loss", Network.LESSON.toString());
        assertTrue(new NetInputs(X, W1, B1, W2, B2, LABELS).network().isLesson());
    }

    @Test
    void aDeeperNetStepsForwardLayerByLayerAndBackInReverse() {
        Network n = Network.of(List.of(Sigmoid.KIND, Relu.KIND), Affine.Variant.REPOSITORY);
        assertEquals(3, n.depth());
        assertEquals(List.of("affine1 forward", "sigmoid1 forward", "affine2 forward", "relu2 forward", "affine3 forward",
                "softmax forward", "loss forward", "softmax backward", "affine3 backward", "relu2 backward", "affine2 backward",
                "sigmoid1 backward", "affine1 backward"), names(n.steps()));
        assertEquals(List.of("x", "W1", "b1", "W2", "b2", "W3", "b3", "t"), n.params().stream().map(Param::label).toList());
        assertEquals("affine1 → sigmoid1 → affine2 → relu2 → affine3 → softmax → loss (repository Affine)", n.toString());
        assertEquals(new Affine.Layer(2, Affine.Variant.REPOSITORY), n.affine(2));
        assertEquals(new ActivationLayer(Relu.KIND, 2), n.layerOf(new NodeId("relu", 2)));
        assertEquals(n, Network.LESSON.withDepth(3).withActivation(1, Sigmoid.KIND).withAffine(Affine.Variant.REPOSITORY));
        assertEquals(Network.uniform(1, Relu.KIND, Affine.Variant.LESSON), Network.LESSON.withDepth(1));
        assertEquals(List.of("affine1 forward", "softmax forward", "loss forward", "softmax backward", "affine1 backward"),
                names(Network.LESSON.withDepth(1).steps()));
    }

    @Test
    void theGraphDrawsTheLessonsNetAsBefore() {
        Graph g = Network.LESSON.graph();
        assertEquals(List.of("x", "W1", "b1", "affine1", "relu1", "W2", "b2", "affine2", "softmax", "t", "loss"),
                g.nodes().stream().map(Graph.Node::id).toList());
        assertEquals(List.of("edge-x-affine1", "edge-W1-affine1", "edge-b1-affine1", "edge-affine1-relu1", "edge-relu1-affine2",
                "edge-W2-affine2", "edge-b2-affine2", "edge-affine2-softmax", "edge-softmax-loss", "edge-t-loss"),
                g.edges().stream().map(Graph.Edge::id).toList());
        assertEquals(new Card("Affine2", "x·W2 + b2"), g.op(new NodeId("affine", 2)).card());
        assertEquals(new Card("ReLU", "max(0, x)"), g.op(new NodeId("relu", 1)).card());
        Graph deep = Network.of(List.of(Sigmoid.KIND, Sigmoid.KIND), Affine.Variant.LESSON).graph();
        assertEquals(List.of("x", "W1", "b1", "affine1", "sigmoid1", "W2", "b2", "affine2", "sigmoid2", "W3", "b3", "affine3", "softmax", "t", "loss"),
                deep.nodes().stream().map(Graph.Node::id).toList());
        assertEquals(new Card("Sigmoid", "1 / (1 + exp(−x))"), deep.op(new NodeId("sigmoid", 2)).card());
    }

    @Test
    void anErrorsOperandsFindTheirEdgesByRole() {
        Trace t = Trace.evaluate(new NetInputs(X, W1, B1, W2, B2, NDArray.vector(1, 0).asInteger()));
        EngineError e = t.error().orElseThrow();
        assertEquals("dW2 = np.dot(x.T, dout)", e.expression());
        Graph g = t.network().graph();
        NodeId at = t.last().orElseThrow().id();
        assertEquals(List.of("edge-relu1-affine2"), g.edgesOf(at, e.operands().get(0).role()).stream().map(Graph.Edge::id).toList());
        assertEquals(List.of("edge-affine2-softmax"), g.edgesOf(at, e.operands().get(1).role()).stream().map(Graph.Edge::id).toList());
        assertEquals(List.of("edge-relu1-affine2", "edge-W2-affine2"),
                g.edgesOf(at, Operand.Role.PRODUCT).stream().map(Graph.Edge::id).toList());
        assertEquals(List.of("edge-t-loss"), g.edgesOf(SoftmaxWithLoss.SOFTMAX, Operand.Role.TARGET).stream().map(Graph.Edge::id).toList());
        assertEquals(List.of("edge-softmax-loss"), g.edgesOf(SoftmaxWithLoss.LOSS, Operand.Role.INPUT).stream().map(Graph.Edge::id).toList());
    }

    @Test
    void eachStepRecordsTheLinesItRanWithTheirShapesAndTheLineThatFailed() {
        Trace start = Trace.start(new NetInputs(X, W1, B1, W2, B2, NDArray.vector(1, 0).asInteger()));
        assertTrue(start.execution().isEmpty());
        Execution affine1 = start.step().execution().orElseThrow();
        assertEquals(List.of("self.x = x", "out = np.dot(x, self.W) + self.b", "return out"),
                affine1.lines().stream().map(l -> l.line().code().strip()).toList());
        Execution.Line out = affine1.lines().get(1);
        assertEquals("[x (2,), self.W (2, 3), self.b (3,), out (3,)]", out.variables().toString());
        assertEquals(Operand.Role.WEIGHT, out.variables().get(1).role());
        assertEquals(11, out.line().number());
        assertFalse(out.failed());

        Trace failed = start.runAll();
        Execution e = failed.execution().orElseThrow();
        assertEquals(Step.AFFINE2_BACKWARD, e.step());
        Execution.Line at = e.failed().orElseThrow();
        assertEquals("        self.dW = np.dot(self.x.T, dout)", at.line().code());
        assertEquals("[self.x.T (3,), dout (2,)]", at.variables().toString());
        assertEquals(List.of("dx = np.dot(dout, self.W.T)", "self.dW = np.dot(self.x.T, dout)"),
                e.lines().stream().map(l -> l.line().code().strip()).toList());
        PythonSource listing = failed.network().layerOf(e.step().id()).source();
        assertTrue(listing.contains(at.line()));
        assertEquals(SourceLine.Part.BACKWARD, at.line().part());
        assertEquals(5, listing.part(SourceLine.Part.BACKWARD).size());
    }

    @Test
    void theSourcesAreTheLessonsWithItsKoreanComments() {
        String ko = Network.LESSON.affine(1).source().text(true);
        assertTrue(ko.contains("    def __init__(self, W, b):  # 가중치와 바이어스\n"), ko);
        assertTrue(ko.contains("        dx = np.dot(dout, self.W.T)  # Shape을 고려하여, 역전파의 이전 입력신호 dout과 W의 전치행렬을 내적한다.\n"), ko);
        assertTrue(ko.contains("        self.db = np.sum(dout, axis = 0)  # Bias는 역전파의 입력신호를"), ko);
        String en = Network.LESSON.affine(1).source().text(false);
        assertTrue(en.contains("    def __init__(self, W, b):  # the weights and the bias\n"), en);
        String swl = new SoftmaxWithLoss.Layer().source().text(true);
        assertTrue(swl.contains("        self.loss = None  # 손실\n") && swl.contains("    def forward(self, x, t):  # 입력 x와 정답레이블 t를 인자로 받는다.\n"), swl);
        assertTrue(swl.contains("            dx = (self.y - self.t) / batch_size\n"), swl);
        String sig = Sigmoid.KIND.source().text(false);
        assertTrue(sig.contains("        out = 1 / (1 + np.exp(-x))\n") && sig.contains("        dx = dout * (1.0 - self.out) * self.out"), sig);
        String repo = Network.LESSON.withAffine(Affine.Variant.REPOSITORY).affine(1).source().text(false);
        assertTrue(repo.contains("        x = x.reshape(x.shape[0], -1)") && repo.contains("        dx = dx.reshape(*self.original_x_shape)"), repo);
    }

    @Test
    void theFormulasOfTheLessonsNetKeepTheirText() {
        Trace t = Trace.evaluate(new NetInputs(BATCH, W1, B1, W2, B2, LABELS));
        assertTrue(t.isComplete());
        Layer affine1 = t.network().affine(1), affine2 = t.network().affine(2);
        List<String> a1 = affine1.formulas(new NodeId("affine", 1), t).stream().map(Formula::text).toList();
        assertEquals(List.of("out = x · W1 + b1 : (4, 3) = (4, 2) · (2, 3) + (3,)", "dx = dout · W1ᵀ : (4, 2) = (4, 3) · (3, 2)",
                "dW1 = xᵀ · dout : (2, 3) = (2, 4) · (4, 3)", "db1 = Σ₀ dout : (3,) = Σ₀ (4, 3)"), a1);
        assertEquals("dx = dout · W2ᵀ : (4, 3) = (4, 2) · (2, 3)", affine2.formulas(new NodeId("affine", 2), t).get(1).text());
        NodeId relu = new NodeId("relu", 1);
        assertEquals(List.of("out = max(0, x) : (4, 3) = (4, 3)", "dx = dout ⊙ [x > 0] : (4, 3) = (4, 3) ⊙ (4, 3)"),
                t.network().layerOf(relu).formulas(relu, t).stream().map(Formula::text).toList());
        Layer swl = t.network().layerOf(SoftmaxWithLoss.SOFTMAX);
        assertEquals(List.of("y = exp(a) / Σ exp(a) : (4, 2) = (4, 2)", "dx = (y − t) / t.shape[0] : (4, 2) = ((4, 2) − (4,)) / 4"),
                swl.formulas(SoftmaxWithLoss.SOFTMAX, t).stream().map(Formula::text).toList());
        assertEquals("L = −Σ t·log(y + 1e-7) / batch : () ← (4, 2), (4,)", swl.formulas(SoftmaxWithLoss.LOSS, t).get(0).text());
        assertEquals(List.of("affine.forward", "affine.dx", "affine.dW", "affine.db"),
                affine1.formulas(new NodeId("affine", 1), t).stream().map(Formula::key).toList());
    }

    @Test
    void theRepositoryAffineReshapesAOneDimensionalXIntoABatchOfRows() {
        Network repo = Network.LESSON.withAffine(Affine.Variant.REPOSITORY);
        NetInputs in = new NetInputs(X, W1, B1, W2, B2, NDArray.vector(1, 0).asInteger()).withNetwork(repo);
        Trace t = Trace.evaluate(in);
        EngineError e = t.error().orElseThrow();
        assertEquals("affine1", e.node());
        assertEquals("shapes (2,1) and (2,3) not aligned: 1 (dim 1) != 2 (dim 0)", e.message());
        Execution ex = t.execution().orElseThrow();
        assertEquals(List.of("self.original_x_shape = x.shape", "x = x.reshape(x.shape[0], -1)", "self.x = x", "out = np.dot(self.x, self.W) + self.b"),
                ex.lines().stream().map(l -> l.line().code().strip()).toList());
        assertEquals("[x (2, 1)]", ex.lines().get(1).variables().toString());
        // with W1 of one row, the (2,) x is a batch of two samples of one feature, and dx takes x's shape back
        NetInputs ok = in.with(Param.W1, NDArray.matrix(new double[][] {{0.07086644, 0.71153285, 0.0462262}}));
        Trace done = Trace.evaluate(ok);
        assertTrue(done.isComplete(), done.error().map(EngineError::message).orElse(""));
        assertEquals("(2, 3)", done.forward("affine1").orElseThrow().shapeString());
        assertEquals("(2,)", done.backward("affine1").orElseThrow().shapeString());
        assertEquals("(1, 3)", done.grad(Param.W1).orElseThrow().shapeString());
        Layer a1 = done.network().affine(1);
        assertEquals("x = x.reshape(N, −1) : (2, 1) ← (2,)", a1.formulas(new NodeId("affine", 1), done).get(0).text());
        // a 0-D x has no shape[0]
        EngineError scalar = Trace.evaluate(in.with(Param.X, NDArray.scalar(2))).error().orElseThrow();
        assertEquals("tuple index out of range", scalar.message());
        assertEquals("x = x.reshape(x.shape[0], -1)", scalar.expression());
    }

    @Test
    void aSigmoidThatOverflowsWarnsAsNumpyDoesAndGivesZero() {
        Network n = Network.of(List.of(Sigmoid.KIND), Affine.Variant.LESSON);
        NDArray big = NDArray.matrix(new double[][] {{-800, 1, 0}, {2, -3, 4}});
        Trace t = Trace.evaluate(new NetInputs(NDArray.matrix(new double[][] {{1, 0}}), big, B1, W2, B2, NDArray.vector(1).asInteger()).withNetwork(n));
        assertTrue(t.isComplete());
        assertEquals(0.0, t.forward("sigmoid1").orElseThrow().flat(0));
        EngineWarning w = t.warnings().stream().filter(x -> x.kind() == EngineWarning.Kind.EXP_OVERFLOW).findFirst().orElseThrow();
        assertEquals("sigmoid1", w.node());
        assertEquals("overflow encountered in exp", w.message());
    }

    @Test
    void paramsAreValuesOrderedAsAScenarioListsThem() {
        assertEquals(Param.w(12), Param.byLabel("W12"));
        assertTrue(Param.w(1) == Param.W1 && Param.byLabel("b2") == Param.B2, "one instance each, as the enum had");
        assertTrue(Network.LESSON.withDepth(3).trainable().get(2) == Param.W2);
        assertEquals(Param.B2, Param.byLabel("b2"));
        for (String bad : new String[] {"W0", "w1", "W01", "B1", "W", "Wx", "W12345"}) assertNull(Param.byLabel(bad), bad);
        List<Param> sorted = new java.util.ArrayList<>(List.of(Param.T, Param.b(3), Param.W1, Param.X, Param.w(3), Param.B1));
        java.util.Collections.sort(sorted);
        assertEquals("[x, W1, b1, W3, b3, t]", sorted.toString());
        assertThrows(IllegalArgumentException.class, () -> new NetInputs(X, W1, B1, W2, B2, LABELS).with(Param.w(3), W1));
        assertThrows(IllegalArgumentException.class, () -> NetInputs.of(Network.LESSON, X, List.of(W1, B1), LABELS));
        assertEquals(Sigmoid.KIND, Activations.byId("sigmoid"));
        assertEquals("relu or sigmoid", Activations.names());
    }
}
