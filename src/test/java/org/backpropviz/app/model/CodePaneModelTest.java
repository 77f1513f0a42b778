package org.backpropviz.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backpropviz.app.shell.Presets;
import org.backpropviz.app.model.CodePaneModel.Listing;
import org.backpropviz.app.model.CodePaneModel.Row;
import org.backpropviz.engine.Phase;
import org.backpropviz.engine.Step;
import org.backpropviz.engine.Trace;
import org.junit.jupiter.api.Test;

/** The code pane's listing is a function of the snapshot: which method, which lines ran, their shapes, the failure. */
class CodePaneModelTest {
    private static List<String> code(List<Row> rows) {
        return rows.stream().map(r -> r.line().code().strip()).toList();
    }

    private static Row row(Listing l, String code) {
        return l.rows().stream().filter(r -> r.line().code().strip().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " not in " + code(l.rows())));
    }

    private static String shapes(Row r) {
        return String.join("  ", r.variables().stream().map(Object::toString).toList());
    }

    @Test
    void beforeTheFirstStepTheFirstLayersForwardWithNothingRun() {
        Listing l = CodePaneModel.of(Trace.start(Presets.load("lesson-vector").inputs()));
        assertEquals(Step.AFFINE1_FORWARD, l.step());
        assertFalse(l.ran());
        assertEquals(List.of("class Affine:", "def forward(self, x):", "self.x = x", "out = np.dot(x, self.W) + self.b", "return out"), code(l.rows()));
        assertTrue(l.executed().isEmpty());
        assertFalse(l.rows().get(0).gap());
        assertTrue(l.rows().get(1).gap(), "__init__ is left out between the class line and forward");
    }

    @Test
    void aForwardStepHighlightsTheLinesItRanWithTheRecordedShapes() {
        Listing l = CodePaneModel.of(Trace.start(Presets.load("lesson-vector").inputs()).step());
        assertTrue(l.ran());
        assertEquals("Affine1", l.nodeTitle());
        assertEquals(List.of("self.x = x", "out = np.dot(x, self.W) + self.b", "return out"), code(l.executed()));
        assertEquals("x (2,)  self.W (2, 3)  self.b (3,)  out (3,)", shapes(row(l, "out = np.dot(x, self.W) + self.b")));
        assertNull(row(l, "out = np.dot(x, self.W) + self.b").error());
    }

    @Test
    void aBackwardStepShowsBackwardWithTheBatchsShapes() {
        Trace t = Trace.start(Presets.load("batch-of-4").inputs()).runTo(7);
        assertEquals(Step.AFFINE2_BACKWARD, t.last().orElseThrow());
        Listing l = CodePaneModel.of(t);
        assertEquals(Phase.BACKWARD, l.step().phase());
        assertTrue(code(l.rows()).contains("def backward(self, dout):"));
        assertFalse(code(l.rows()).contains("def forward(self, x):"));
        assertEquals("dout (4, 2)  self.W.T (2, 3)  dx (4, 3)", shapes(row(l, "dx = np.dot(dout, self.W.T)")));
        assertEquals(List.of("dx = np.dot(dout, self.W.T)", "self.dW = np.dot(self.x.T, dout)", "self.db = np.sum(dout, axis = 0)", "return dx"),
                code(l.executed()));
    }

    @Test
    void theLessonsVectorFailsAtDwWithNumpysExceptionLineUnderIt() {
        Trace end = Trace.start(Presets.load("lesson-vector").inputs()).runAll();
        Listing l = CodePaneModel.of(end);
        Row dw = row(l, "self.dW = np.dot(self.x.T, dout)");
        assertTrue(dw.failed());
        assertEquals("ValueError: shapes (3,) and (2,) not aligned: 3 (dim 0) != 2 (dim 0)", dw.error());
        assertEquals("self.x.T (3,)  dout (2,)", shapes(dw));
        assertFalse(row(l, "dx = np.dot(dout, self.W.T)").failed());
        assertFalse(row(l, "self.db = np.sum(dout, axis = 0)").executed(), "nothing after the failing line ran");
        assertEquals(1, l.rows().stream().filter(r -> r.error() != null).count());
    }

    @Test
    void softmaxWithLossShowsItsOwnClass() {
        Trace t = Trace.start(Presets.load("lesson-vector").inputs()).runTo(4);
        Listing l = CodePaneModel.of(t);
        assertEquals(Step.SOFTMAX_FORWARD, l.step());
        assertEquals("class SoftmaxWithLoss:", code(l.rows()).stream().filter(c -> c.startsWith("class ")).findFirst().orElseThrow());
        assertTrue(code(l.executed()).contains("self.y = softmax(x)"), code(l.executed()).toString());
    }

    /** The most rows any listing of a whole pass shows, over every preset, both activations and both Affine variants. */
    static int longestListing() {
        int most = 0;
        for (String name : Presets.KNOWN) {
            if (Presets.opensPlayground(name)) continue;
            var preset = Presets.load(name).inputs();
            int layers = preset.network().activations().size();
            for (org.backpropviz.engine.Activation a : List.<org.backpropviz.engine.Activation>of(
                    org.backpropviz.engine.Relu.KIND, org.backpropviz.engine.Sigmoid.KIND)) {
                for (org.backpropviz.engine.Affine.Variant v : org.backpropviz.engine.Affine.Variant.values()) {
                    var in = preset.withNetwork(org.backpropviz.engine.Network.of(java.util.Collections.nCopies(layers, a), v));
                    Trace t = Trace.start(in);
                    most = Math.max(most, CodePaneModel.of(t).rows().size());
                    while (t.next().isPresent() && t.error().isEmpty()) {
                        t = t.step();
                        most = Math.max(most, CodePaneModel.of(t).rows().size());
                    }
                }
            }
        }
        return most;
    }

    @Test
    void everyListingOfAPassFitsTheSlotsTheCodePaneHasReady() {
        int most = longestListing();
        assertTrue(most >= 7, "SoftmaxWithLoss's listings are the longest: " + most);
        assertTrue(most <= org.backpropviz.app.view.CodePaneView.READY_SLOTS,
                "a listing of " + most + " rows needs new line nodes in the frame of its step");
    }
}
