package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training charts' axes: round upper ends that change a few times a run, not at every point. */
class SteppedAxisTest {
    private static final SteppedAxis.Range EMPTY_LOSS = new SteppedAxis.Range(0, 2.5, 0.5);

    @Test
    void roundUpperEnds() {
        assertArrayEquals(new double[] {1, 0.2}, SteppedAxis.roundUp(1), 1e-12);
        assertArrayEquals(new double[] {2, 0.5}, SteppedAxis.roundUp(1.5), 1e-12);
        assertArrayEquals(new double[] {2.5, 0.5}, SteppedAxis.roundUp(2.1), 1e-12);
        assertArrayEquals(new double[] {5, 1}, SteppedAxis.roundUp(3), 1e-12);
        assertArrayEquals(new double[] {10, 2}, SteppedAxis.roundUp(7), 1e-12);
        assertArrayEquals(new double[] {10, 2}, SteppedAxis.roundUp(10), 1e-12);
        assertArrayEquals(new double[] {2000, 500}, SteppedAxis.roundUp(1740), 1e-9);
        assertArrayEquals(new double[] {250, 50}, SteppedAxis.roundUp(201), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.1}, SteppedAxis.roundUp(0.3), 1e-12);
    }

    @Test
    void aRunOf1740IterationsMovesTheAxisTwelveTimesAndEndsAt2000() {
        List<Double> uppers = new ArrayList<>();
        double upper = SteppedAxis.stepped(Double.NaN).upper();
        assertEquals(1, upper, "a run starts small");
        for (int i = 1; i <= 1740; i++) {
            SteppedAxis.Range r = SteppedAxis.stepped(i);
            assertEquals(0, r.lower());
            if (r.upper() != upper) uppers.add(upper = r.upper());
        }
        assertEquals(List.of(2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0), uppers);
        assertEquals(500, SteppedAxis.stepped(1740).tick());
        assertEquals(5, SteppedAxis.stepped(1740).ticks(), "0, 500, 1,000, 1,500, 2,000");
    }

    @Test
    void aStillRunFitsItsDataInAtMostFiveRoundTicks() {
        assertEquals(new SteppedAxis.Range(0, 10, 2), SteppedAxis.fitted(Double.NaN), "before any run: 0 to 10");
        assertEquals(new SteppedAxis.Range(0, 60, 20), SteppedAxis.fitted(60), "few enough labels not to collide");
        assertEquals(new SteppedAxis.Range(0, 4000, 1000), SteppedAxis.fitted(3600), "3,600 iterations: 0 to 4,000 in five labels");
        assertEquals(new SteppedAxis.Range(0, 40, 10), SteppedAxis.fitted(40));
    }

    @Test
    void aLossAxisGoesFrom0ToARoundNumberAboveTheHighestLoss() {
        assertEquals(EMPTY_LOSS, SteppedAxis.above(Double.NEGATIVE_INFINITY, EMPTY_LOSS), "no data yet");
        assertEquals(new SteppedAxis.Range(0, 2.5, 0.5), SteppedAxis.above(2.303, EMPTY_LOSS), "ln 10");
        assertEquals(new SteppedAxis.Range(0, 0.5, 0.1), SteppedAxis.above(0.31, EMPTY_LOSS));
        assertEquals(6, SteppedAxis.above(0.31, EMPTY_LOSS).ticks());
        assertEquals(new SteppedAxis.Range(0, 50, 10), SteppedAxis.above(41, EMPTY_LOSS), "a diverging run");
    }

    @Test
    void tickLabelsHaveTheUnitsDecimals() {
        assertEquals("1,500", TrainingChart.tickText(1500, 500));
        assertEquals("0.5", TrainingChart.tickText(0.5, 0.5));
        assertEquals("1.0", TrainingChart.tickText(1, 0.1));
        assertEquals("0.05", TrainingChart.tickText(0.05, 0.05));
    }
}
