package org.backpropviz.app.shell;

import static org.backpropviz.app.shell.AppFixture.fx;
import static org.backpropviz.app.shell.AppFixture.load;
import static org.backpropviz.app.shell.AppFixture.waitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import org.backpropviz.app.model.GraphViewModel;
import org.backpropviz.app.model.NetGraph;
import org.backpropviz.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shape label on each edge along the row of operations sits clear of the cards at its ends, however long the
 * shape: a batch of 1000 through 1000 hidden units writes {@code (1000, 1000)}, wider than the lesson's gaps. The
 * lesson's own net keeps its columns where they always were.
 */
@ExtendWith(AppWindow.class)
class GraphSpacingTest {
    private BackpropApp app;
    private GraphViewModel model;

    /** A batch of 1000 through 1000 hidden units: the edges write (1000, 4), (1000, 1000) and (1000, 10). */
    private static Scenario big() {
        return AppFixture.randomNet("big", 5, 0.1, 1000, 4, 1000, 10);
    }

    /** The row's labels that overlap a card, as "label over card", in scene coordinates. */
    private List<String> labelsOverCards() {
        return fx(() -> {
            var g = app.view().graph();
            List<String> out = new ArrayList<>();
            for (NetGraph.Edge e : g.drawn().edges()) {
                Label label = (Label) g.lookup("#shape-" + e.id());
                Bounds lb = label.localToScene(label.getBoundsInLocal());
                for (NetGraph.Node n : g.drawn().nodes()) {
                    var card = g.lookup("#node-" + n.id());
                    if (card.localToScene(card.getBoundsInLocal()).intersects(lb)) {
                        out.add(label.getText() + " on " + e.id() + " over " + n.id());
                    }
                }
            }
            return out;
        });
    }

    @Test
    void longShapeLabelsSitClearOfTheCardsAndTheGraphStillFits(FxRobot robot) {
        robot.interact(() -> {
            app.stage().setWidth(1280);
            app.stage().setHeight(800);
        });
        load(model, big());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("(1000, 1000)", AppFixture.text(robot, "#shape-" + edgeInto("relu1")));
        assertEquals(List.of(), labelsOverCards(), "before the first step");
        robot.type(javafx.scene.input.KeyCode.F5).type(javafx.scene.input.KeyCode.F5); // forward, then backward
        AppFixture.waitIndex(model, 9); // the cards have grown their values' and gradients' heatmaps
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), labelsOverCards(), "after the pass");
        AppFixture.assertWholeGraphInSight(app, "the big net at 1280x800");
    }

    @Test
    void theLessonsNetKeepsItsColumns(FxRobot robot) {
        waitReady(model, 10);
        List<Double> xs = fx(() -> {
            var g = app.view().graph();
            List<Double> out = new ArrayList<>();
            for (NetGraph.Node n : g.drawn().nodes()) {
                if (n.isOp()) out.add(g.lookup("#node-" + n.id()).getLayoutX());
            }
            return out;
        });
        assertFalse(xs.isEmpty());
        for (int i = 0; i < xs.size(); i++) {
            assertEquals((i + 1) * 228.0, xs.get(i), 1e-9, "operation " + i + " at its column of the lesson's drawing");
        }
        assertTrue(labelsOverCards().isEmpty(), "the lesson's labels fit their gaps: " + labelsOverCards());
    }

    private String edgeInto(String op) {
        return fx(() -> app.view().graph().drawn().edges().stream().filter(e -> e.to().id().equals(op))
                .filter(e -> e.from().isOp()).findFirst().orElseThrow().id());
    }
}
