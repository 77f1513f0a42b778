package org.backpropviz.engine;

import java.util.Map;

/** One step of stochastic gradient descent, {@code param -= lr * grad}, with NumPy's in-place rules. */
public final class Sgd {
    private Sgd() {}

    /**
     * Returns the inputs with every weight and bias (W1, b1, …, Wn, bn) replaced by {@code param - lr * grad}; {@code in}
     * is not modified.
     * As NumPy's in-place {@code -=}, a gradient may broadcast to its parameter's shape but not change it.
     *
     * @throws OpFailure naming the parameter, when NumPy's {@code -=} would raise
     */
    public static NetInputs update(NetInputs in, Map<Param, NDArray> grads, double lr) {
        NetInputs out = in;
        for (Param p : in.trainable()) {
            NDArray grad = grads.get(p);
            if (grad == null) throw new IllegalStateException("no gradient for " + p.label() + ": run the backward pass first");
            NDArray step = Np.scale(grad, lr);
            NDArray param = in.get(p);
            out = out.with(p, OpFailure.guard(() -> minus(param, step), e -> OpFailure.at(e, p.label() + " -= lr * d" + p.label(), Operand.of(p.label(), param), Operand.of("lr * d" + p.label(), step))));
        }
        return out;
    }

    /** {@code param -= step} as NumPy does it in place. */
    static NDArray minus(NDArray param, NDArray step) {
        int[] shape;
        try {
            shape = Np.broadcastShape(param.shape(), step.shape());
        } catch (NumpyException e) {
            throw NumpyException.shape("operands could not be broadcast together with shapes " + Shapes.compact(param.shape())
                    + " " + Shapes.compact(step.shape()) + " " + Shapes.compact(param.shape()) + " ", param.shape(), step.shape());
        }
        if (!java.util.Arrays.equals(shape, param.shape())) {
            throw NumpyException.shape("non-broadcastable output operand with shape " + Shapes.compact(param.shape())
                    + " doesn't match the broadcast shape " + Shapes.compact(shape), param.shape(), step.shape());
        }
        return Np.subtract(param, step);
    }
}
