package org.backpropviz.app.learn;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.backpropviz.app.fx.AfterThisFrame;

/**
 * A chart's x axis that, while a run is going, goes from 0 to a round number (1, 2, 2.5 or 5 times a power of
 * ten) at or above the last x of its data, and fits the data (autoranging) once the run holds still. An
 * autoranging axis moves its upper end, and so all its ticks, with every new point: during a training run that
 * re-laid out and re-drew the charts' axes at every frame. The stepped one changes about three times for every
 * tenfold growth of the run. The data must come in increasing x, as iterations and epochs do. FX thread only.
 */
final class SteppedAxis {
    private static final double[] STEPS = {1, 2, 2.5, 5};
    private static final double[] TICKS = {0.2, 0.5, 0.5, 1};

    /** The axis's extent while there is no data. */
    private static final double EMPTY = 10;

    private SteppedAxis() {}

    /**
     * Makes {@code axis} follow the last x of {@code data} in round steps while {@code running} is true, and fit
     * the data otherwise (three frames after the run stops, so as not to add to the frames that show its results).
     * The listener on {@code data} (a model's list) goes with {@code listeners}.
     */
    static void follow(NumberAxis axis, ObservableList<XYChart.Data<Number, Number>> data, ObservableBooleanValue running,
            org.backpropviz.app.view.Disposer listeners) {
        axis.setForceZeroInRange(false);
        axis.setLowerBound(0);
        listeners.listen(data, (ListChangeListener<XYChart.Data<Number, Number>>) c -> {
            if (running.get()) step(axis, data);
        });
        running.addListener((o, was, now) -> {
            if (now) {
                axis.setAutoRanging(false);
                step(axis, data);
            } else {
                // after the frames that show the run's end, its results and their images (see TrainingResultsPane)
                AfterThisFrame.run(3, () -> {
                    if (!running.get()) fit(axis, data);
                });
            }
        });
        axis.setAutoRanging(false);
        if (running.get()) step(axis, data);
        else fit(axis, data); // before the first run: 0 to 10, not an empty 0 to 100
        // an unmodifiable view or a binding holds its listeners only as long as someone holds it: the axis does
        axis.getProperties().put(SteppedAxis.class, List.of(data, running));
    }

    private static void step(NumberAxis axis, ObservableList<XYChart.Data<Number, Number>> data) {
        double last = data.isEmpty() ? 0 : data.get(data.size() - 1).getXValue().doubleValue();
        double[] bound = roundUp(Math.max(last, 1));
        if (bound[0] == axis.getUpperBound() && bound[1] == axis.getTickUnit()) return;
        axis.setUpperBound(bound[0]);
        axis.setTickUnit(bound[1]);
    }

    /**
     * Fits the axis to the data's last x, rounded up to a tick, with at most five ticks of a round unit: an
     * autoranging axis picks units whose labels collide in a narrow chart ({@code 1,0001,5002,000} at 1024 px).
     */
    static void fit(NumberAxis axis, ObservableList<XYChart.Data<Number, Number>> data) {
        axis.setAutoRanging(false);
        double last = data.isEmpty() ? EMPTY : Math.max(1, data.get(data.size() - 1).getXValue().doubleValue());
        double unit = roundUp(Math.max(1, last / 5))[0];
        axis.setTickUnit(unit);
        axis.setUpperBound(Math.ceil(last / unit) * unit);
    }

    /** The smallest 1, 2, 2.5 or 5 × 10^k at or above {@code x} (x ≥ 1), and its tick unit. */
    static double[] roundUp(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (int i = 0; i < STEPS.length; i++) {
            if (STEPS[i] * p >= x) return new double[] {STEPS[i] * p, TICKS[i] * p};
        }
        return new double[] {10 * p, 2 * p};
    }
}
