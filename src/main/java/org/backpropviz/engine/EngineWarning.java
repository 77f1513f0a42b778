package org.backpropviz.engine;

import java.util.List;

/**
 * Something NumPy computes without complaint that a learner should still notice.
 *
 * @param node the node it is about ({@code affine1}, {@code relu1}, {@code sigmoid2}, …)
 * @param kind what it is
 * @param message an English explanation (the app shows its own translation built from {@code kind} and {@code args})
 * @param args the values the explanation names (shapes, counts), for translations
 */
public record EngineWarning(String node, Kind kind, String message, List<String> args) {
    public enum Kind {
        /** A gradient whose shape differs from its parameter's (e.g. a scalar dW from a 1-D x). args: grad, its shape, param, its shape */
        GRAD_SHAPE,
        /** A 1-D t whose length is taken as the batch size. args: t's shape, the divisor */
        VECTOR_T_AS_BATCH,
        /** Every output of the ReLU is zero. args: none */
        DEAD_RELU,
        /** A value that is NaN or infinite. args: what */
        NON_FINITE,
        /** NumPy's RuntimeWarning {@code overflow encountered in exp} (a Sigmoid's {@code np.exp(-x)} of x below about −709). args: none */
        EXP_OVERFLOW
    }

    public EngineWarning {
        args = List.copyOf(args);
    }
}
