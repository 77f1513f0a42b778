package org.backpropviz.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * The book's numerical gradient, a central difference {@code (f(p + h) - f(p - h)) / 2h} over one element at a
 * time, and its comparison with the backprop gradients. The caller's arrays are never modified: each perturbed
 * parameter is a fresh copy.
 */
public final class GradientCheck {
    /** The book's step. */
    public static final double H = 1e-4;

    private GradientCheck() {}

    /** The loss of the forward pass. @throws OpFailure where NumPy would raise */
    public static double loss(NetInputs in) {
        Affine affine1 = new Affine(in.W1(), in.b1(), "W1", "b1");
        Affine affine2 = new Affine(in.W2(), in.b2(), "W2", "b2");
        NDArray y = SoftmaxWithLoss.softmax(affine2.forward(Relu.forward(affine1.forward(in.x()))));
        return SoftmaxWithLoss.loss(y, in.t()).item();
    }

    /** dL/dp by central differences with step h, one array the shape of p. */
    public static NDArray numerical(NetInputs in, Param p, double h) {
        NDArray param = in.get(p);
        double[] grad = new double[param.size()];
        for (int i = 0; i < grad.length; i++) {
            double v = param.flat(i);
            double fxh1 = loss(in.with(p, param.withFlat(i, v + h)));
            double fxh2 = loss(in.with(p, param.withFlat(i, v - h)));
            grad[i] = (fxh1 - fxh2) / (2 * h);
        }
        return NDArray.of(param.shape(), grad);
    }

    /** Numerical gradients of W1, b1, W2, b2. */
    public static Map<Param, NDArray> numerical(NetInputs in, double h) {
        Map<Param, NDArray> out = new EnumMap<>(Param.class);
        for (Param p : Param.TRAINABLE) out.put(p, numerical(in, p, h));
        return out;
    }

    /**
     * {@code max(abs(backprop - numerical))} with NumPy broadcasting (a backprop gradient of another shape is
     * compared as NumPy would); NaN when the two cannot be broadcast together.
     */
    public static double maxAbsDifference(NDArray backprop, NDArray numerical) {
        NDArray d;
        try {
            d = Np.subtract(backprop, numerical);
        } catch (NumpyException e) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < d.size(); i++) {
            double v = Math.abs(d.flat(i));
            if (Double.isNaN(v)) return Double.NaN;
            max = Math.max(max, v);
        }
        return max;
    }
}
