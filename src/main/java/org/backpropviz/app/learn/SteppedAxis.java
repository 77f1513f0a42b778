package org.backpropviz.app.learn;

/**
 * The training charts' axis ranges. While a run is going, an x axis goes from 0 to a round number (1, 2, 2.5 or 5
 * times a power of ten) at or above the last x of its data, and it fits the data once the run holds still: an axis
 * that moved its upper end, and so all its ticks, with every new point re-laid out and re-drew the charts' axes at
 * every frame; the stepped one changes about three times for every tenfold growth of the run. A y axis with data goes
 * from 0 to the same kind of round number at or above its highest y. No JavaFX.
 */
final class SteppedAxis {
    private static final double[] STEPS = {1, 2, 2.5, 5};
    private static final double[] TICKS = {0.2, 0.5, 0.5, 1};

    /** The x axis's extent while there is no data. */
    private static final double EMPTY = 10;

    /** An axis from {@code lower} to {@code upper} with a tick every {@code tick}. */
    record Range(double lower, double upper, double tick) {
        /** How many ticks there are from lower to upper, both ends included. */
        int ticks() {
            return (int) Math.floor((upper - lower) / tick + 1e-9) + 1;
        }

        /** The i-th tick's value. */
        double tickValue(int i) {
            return lower + i * tick;
        }
    }

    private SteppedAxis() {}

    /** The x axis while a run goes: 0 to the round number at or above {@code lastX} (NaN when there is no data). */
    static Range stepped(double lastX) {
        double[] bound = roundUp(Double.isNaN(lastX) ? 1 : Math.max(lastX, 1));
        return new Range(0, bound[0], bound[1]);
    }

    /**
     * The x axis when the run holds still: up to the data's last x (NaN when there is none: 0 to 10), rounded up to
     * a tick, with at most five ticks of a round unit (an autoranging axis picked units whose labels collided in a
     * narrow chart: {@code 1,0001,5002,000} at 1024 px).
     */
    static Range fitted(double lastX) {
        double last = Double.isNaN(lastX) ? EMPTY : Math.max(1, lastX);
        double unit = roundUp(Math.max(1, last / 5))[0];
        return new Range(0, Math.ceil(last / unit - 1e-9) * unit, unit);
    }

    /** A y axis from 0 to the round number at or above {@code maxY}; {@code empty} when maxY is not above 0. */
    static Range above(double maxY, Range empty) {
        if (!(maxY > 0) || !Double.isFinite(maxY)) return empty;
        double[] bound = roundUp(maxY);
        return new Range(0, bound[0], bound[1]);
    }

    /** The smallest 1, 2, 2.5 or 5 × 10^k at or above {@code x} (x &gt; 0), and its tick unit. */
    static double[] roundUp(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (int i = 0; i < STEPS.length; i++) {
            if (STEPS[i] * p >= x) return new double[] {STEPS[i] * p, TICKS[i] * p};
        }
        return new double[] {10 * p, 2 * p};
    }
}
