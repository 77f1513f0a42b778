package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A chart line's points: kept as they come while few, then in columns of a doubling width with their extremes. */
class ChartSeriesTest {

    @Test
    void fewPointsAreKeptAsTheyCame() {
        ChartSeries s = new ChartSeries(512);
        for (int i = 1; i <= 100; i++) s.add(i, 1.0 / i);
        assertEquals(100, s.columns());
        assertEquals(100, s.added());
        assertEquals(1, s.columnWidth());
        List<double[]> p = s.pointList();
        assertEquals(100, p.size());
        assertArrayEquals(new double[] {1, 1}, p.get(0));
        assertArrayEquals(new double[] {100, 0.01}, p.get(99));
        assertEquals(1, s.maxY());
        assertEquals(0.01, s.minY());
    }

    @Test
    void aMillionIterationsKeepAtMostTheColumnsAndTheirSpikes() {
        ChartSeries s = new ChartSeries(512);
        for (int i = 1; i <= 1_000_000; i++) {
            double y = 0.5 + 0.01 * Math.sin(i);
            if (i == 123_457) y = 9; // one spike
            if (i == 765_432) y = -3; // one dip
            s.add(i, y);
        }
        assertEquals(1_000_000, s.added());
        assertTrue(s.columns() <= 512 && s.columns() > 256, "columns " + s.columns());
        assertEquals(2048, s.columnWidth(), "doubled until 1,000,000 / width fits in 512 columns");
        List<double[]> p = s.pointList();
        assertTrue(p.size() <= 2 * s.columns() + 1, p.size() + " points");
        assertTrue(p.stream().anyMatch(q -> q[0] == 123_457 && q[1] == 9), "the spike is drawn at its iteration");
        assertTrue(p.stream().anyMatch(q -> q[0] == 765_432 && q[1] == -3), "so is the dip");
        for (int i = 1; i < p.size(); i++) assertTrue(p.get(i)[0] > p.get(i - 1)[0], "increasing x at " + i);
        assertArrayEquals(new double[] {1_000_000, 0.5 + 0.01 * Math.sin(1_000_000)}, p.get(p.size() - 1), "the line ends at the last point");
        assertEquals(9, s.maxY());
        assertEquals(-3, s.minY());
    }

    @Test
    void aColumnDrawsItsLowAndHighPointsInTheOrderTheyCame() {
        ChartSeries s = new ChartSeries(2);
        s.add(0, 5);
        s.add(1, 7); // high
        s.add(2, 1); // low: columns [0, 1] [2] [.. → width 2, then [0,1] [2,3]
        s.add(3, 4);
        assertEquals(2, s.columns());
        assertEquals(2, s.columnWidth());
        List<double[]> p = s.pointList();
        // column 0: low (0, 5) then high (1, 7); column 1: low (2, 1) then high (3, 4); the last point is the high
        assertEquals(4, p.size());
        assertArrayEquals(new double[] {0, 5}, p.get(0));
        assertArrayEquals(new double[] {1, 7}, p.get(1));
        assertArrayEquals(new double[] {2, 1}, p.get(2));
        assertArrayEquals(new double[] {3, 4}, p.get(3));
        s.add(4, 6);
        s.add(5, 2); // width 4: [0..3] low (2, 1) high (1, 7); [4..5] high (4, 6) low (5, 2)
        assertEquals(4, s.columnWidth());
        p = s.pointList();
        assertArrayEquals(new double[] {1, 7}, p.get(0), "the high came first");
        assertArrayEquals(new double[] {2, 1}, p.get(1));
        assertArrayEquals(new double[] {4, 6}, p.get(2));
        assertArrayEquals(new double[] {5, 2}, p.get(3));
    }

    @Test
    void aDivergedLossIsLeftOutAndANewRunStartsEmpty() {
        ChartSeries s = new ChartSeries(8);
        s.add(1, 2.3);
        s.add(2, Double.NaN);
        s.add(3, Double.POSITIVE_INFINITY);
        assertEquals(1, s.added());
        assertEquals(1, s.lastX());
        assertThrows(IllegalArgumentException.class, () -> s.add(0, 1), "x only grows within a run");
        s.clear();
        assertTrue(s.isEmpty());
        assertEquals(0, s.columns());
        assertTrue(Double.isNaN(s.lastX()));
        assertEquals(0, s.pointList().size());
        s.add(0, 1);
        assertEquals(1, s.pointList().size());
    }
}
