package org.backpropviz.app.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Makes a graph's engine evaluations fail, for tests of what the window does then (no memory is really exhausted). */
public final class EngineFaults {
    private EngineFaults() {}

    /**
     * The next {@code count} evaluations of {@code m} on its worker throw what {@code fault} makes (an
     * OutOfMemoryError, say); later ones compute the chain as usual. Call on the FX thread.
     */
    public static void failNext(GraphViewModel m, int count, Supplier<? extends Throwable> fault) {
        AtomicInteger left = new AtomicInteger(count);
        m.setEvaluator(in -> {
            if (left.getAndDecrement() > 0) throw EngineFaults.<RuntimeException>sneaky(fault.get());
            return GraphViewModel.chainOf(in);
        });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
