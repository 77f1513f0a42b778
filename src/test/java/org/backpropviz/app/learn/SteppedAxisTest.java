package org.backpropviz.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training charts' x axes: round upper ends that change a few times a run, not at every point. */
@ExtendWith(ApplicationExtension.class)
class SteppedAxisTest {
    private final ObservableList<XYChart.Data<Number, Number>> points = FXCollections.observableArrayList();
    /** Inverted, and given as a binding nobody else holds, as the view gives the model's state. */
    private final javafx.beans.property.BooleanProperty stopped = new javafx.beans.property.SimpleBooleanProperty(false);
    private NumberAxis x;

    @Start
    void start(Stage stage) {
        x = new NumberAxis();
        SteppedAxis.follow(x, FXCollections.unmodifiableObservableList(points), stopped.not(), new org.backpropviz.app.view.Disposer()); // as the view gets them from the model
        LineChart<Number, Number> chart = new LineChart<>(x, new NumberAxis());
        chart.getData().add(new XYChart.Series<>(FXCollections.unmodifiableObservableList(points)));
        stage.setScene(new Scene(chart, 400, 300));
        stage.show();
    }

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
    }

    @Test
    void aRunOf1740IterationsMovesTheAxisTwelveTimesAndEndsAt2000() throws Exception {
        List<Double> uppers = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            assertFalse(x.isAutoRanging());
            x.upperBoundProperty().addListener((o, a, b) -> uppers.add(b.doubleValue()));
            for (int i = 1; i <= 1740; i++) {
                points.add(new XYChart.Data<>(i, 1.0 / i));
                if (i % 200 == 0) System.gc(); // the axis must keep hearing the unmodifiable view it was given
            }
        }).get();
        assertEquals(List.of(2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0), uppers);
        assertEquals(0, WaitForAsyncUtils.asyncFx(x::getLowerBound).get());
        assertEquals(500, WaitForAsyncUtils.asyncFx(x::getTickUnit).get());
        WaitForAsyncUtils.asyncFx(points::clear).get();
        assertEquals(1, WaitForAsyncUtils.asyncFx(x::getUpperBound).get(), "a new run starts small again");
    }

    @Test
    void whenTheRunStopsTheAxisFitsItsDataAFrameLater() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 1; i <= 60; i++) points.add(new XYChart.Data<>(i, 0.5));
        }).get();
        assertEquals(100, WaitForAsyncUtils.asyncFx(x::getUpperBound).get());
        WaitForAsyncUtils.asyncFx(() -> stopped.set(true)).get();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(x::getUpperBound).get() < 70);
        assertEquals(60, WaitForAsyncUtils.asyncFx(x::getUpperBound).get(), "fitted to the data");
        assertEquals(20, WaitForAsyncUtils.asyncFx(x::getTickUnit).get(), "a round unit, few enough labels not to collide");
        assertFalse(WaitForAsyncUtils.asyncFx(x::isAutoRanging).get(), "autoranging picks units whose labels collide");
        WaitForAsyncUtils.asyncFx(() -> stopped.set(false)).get();
        assertFalse(WaitForAsyncUtils.asyncFx(x::isAutoRanging).get(), "a new run steps again");
        assertEquals(100, WaitForAsyncUtils.asyncFx(x::getUpperBound).get());
        WaitForAsyncUtils.asyncFx(() -> {
            stopped.set(false);
            for (int i = 61; i <= 3600; i++) points.add(new XYChart.Data<>(i, 0.5));
            stopped.set(true);
        }).get();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(x::getUpperBound).get() == 4000);
        assertEquals(1000, WaitForAsyncUtils.asyncFx(x::getTickUnit).get(), "3,600 iterations: 0 to 4,000 in five labels");
    }
}
