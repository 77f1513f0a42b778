package org.backpropviz.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's numerical gradient, a central difference {@code (f(p + h) - f(p - h)) / 2h} over one element at a
 * time, and its comparison with the backprop gradients, for every weight and bias of the inputs' network (the loss is
 * the network's forward pass, layer by layer). The caller's arrays are never modified: each perturbed parameter is a
 * fresh copy.
 */
public final class GradientCheck {
    /** The book's step. */
    public static final double H = 1e-4;

    private GradientCheck() {}

    /** The loss of the forward pass. @throws OpFailure where NumPy would raise */
    public static double loss(NetInputs in) {
        return Trace.forwardOnly(in, SoftmaxWithLoss.LOSS).item();
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

    /** Numerical gradients of W1, b1, …, Wn, bn, in that order. */
    public static Map<Param, NDArray> numerical(NetInputs in, double h) {
        Map<Param, NDArray> out = new LinkedHashMap<>();
        for (Param p : in.trainable()) out.put(p, numerical(in, p, h));
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

    /**
     * One parameter's comparison.
     *
     * @param backprop the backprop gradient
     * @param numerical the central difference
     * @param difference {@code |backprop - numerical|} per cell (NumPy broadcasting), or null when they cannot broadcast
     * @param maxAbs the largest absolute difference
     * @param maxRel the largest {@code |b - n| / max(|b|, |n|)} over cells where either is above 1e-12; NaN when the
     *     backprop gradient's shape differs from the parameter's
     * @param nearKink per cell of the parameter: true where a ReLU input lies within the perturbation of zero, so the
     *     central difference straddles the kink (Wk and bk, when a ReLU follows Affine layer k)
     * @param finer the central difference again with a step ten times smaller ({@code h / 10}): where it differs from
     *     {@code numerical} by more than the two should, h is too large for the difference to approximate the derivative
     * @param roundingError an estimate of what float64 rounding alone can put into {@code numerical} at this h (see
     *     {@link GradientCheck#roundingError}); infinite where {@code p + h} and {@code p - h} round to the same number
     */
    public record ParamCheck(Param param, NDArray backprop, NDArray numerical, NDArray difference, double maxAbs, double maxRel,
                             boolean[] nearKink, NDArray finer, double roundingError) {
        public boolean anyNearKink() {
            for (boolean b : nearKink) if (b) return true;
            return false;
        }

        /**
         * True when the central difference itself is inaccurate at this h: its estimate moves, from h to h / 10, by more
         * than {@code abs} and by more than {@code rel} of its size in some cell, so its curvature term is not negligible.
         */
        public boolean stepTooLarge(double abs, double rel) {
            for (int i = 0; i < numerical.size(); i++) {
                double a = numerical.flat(i), b = finer.flat(i), d = Math.abs(a - b);
                if (d > abs && d > rel * Math.max(Math.abs(a), Math.abs(b))) return true;
            }
            return false;
        }
    }

    /**
     * The whole check.
     *
     * @param params W1, b1, …, Wn, bn in that order
     * @param smallestTargetProbability the smallest softmax probability of a row's target class: below about 1e-5
     *     the {@code 1e-7} inside the cross-entropy's log makes backprop and the central difference disagree
     * @param softTargets t has rows that are not one-hot: the loss scores only {@code argmax(t)} while the gradient
     *     sends {@code y - t}, so the gradient is not the loss's derivative
     * @param vectorTAsBatch a 1-D t divides the gradient by its length while the loss divides by 1
     */
    public record Report(List<ParamCheck> params, double smallestTargetProbability, boolean softTargets, boolean vectorTAsBatch,
                         double h) {
        /** True when the 1e-7 in the log is large against a target probability (1e-7 / p above 1 %). */
        public boolean tinyTargetProbability() {
            return smallestTargetProbability < 1e-5;
        }
    }

    /**
     * Checks every parameter. @throws IllegalStateException when the forward or backward pass stops at an error
     * (the caller shows that error instead)
     */
    public static Report check(NetInputs in, double h) {
        Trace t = Trace.evaluate(in);
        if (!t.isComplete()) throw new IllegalStateException(t.error().map(EngineError::message).orElse("incomplete"));
        List<ParamCheck> out = new java.util.ArrayList<>();
        for (Param p : in.trainable()) {
            NDArray bp = t.grad(p).orElseThrow(), num = numerical(in, p, h);
            NDArray diff;
            try {
                diff = Np.subtract(bp, num);
                double[] v = diff.toFlatArray();
                for (int i = 0; i < v.length; i++) v[i] = Math.abs(v[i]);
                diff = NDArray.of(diff.shape(), v);
            } catch (NumpyException e) {
                diff = null;
            }
            double maxRel = bp.sameShape(num) ? 0 : Double.NaN; // cells of different shapes have no relative error
            if (diff != null && bp.sameShape(num)) {
                for (int i = 0; i < num.size(); i++) {
                    double b = bp.flat(i), n = num.flat(i);
                    double scale = Math.max(Math.abs(b), Math.abs(n));
                    if (scale > 1e-12) maxRel = Math.max(maxRel, diff.flat(i) / scale);
                }
            }
            out.add(new ParamCheck(p, bp, num, diff, maxAbsDifference(bp, num), maxRel, nearKink(t, p, h),
                    numerical(in, p, h / 10), roundingError(in.get(p), num, h, t.loss().orElse(Double.NaN))));
        }
        NDArray target = in.t();
        NDArray y = t.forward(SoftmaxWithLoss.SOFTMAX).orElseThrow();
        boolean sameSize = target.size() == y.size();
        boolean vectorT = t.warnings().stream().anyMatch(w -> w.kind() == EngineWarning.Kind.VECTOR_T_AS_BATCH);
        return new Report(out, smallestTargetProbability(t), sameSize && !oneHot(target), vectorT, h);
    }

    /**
     * What float64 rounding alone can put into the central difference {@code (L(p + h) - L(p - h)) / 2h} of each cell of
     * {@code param}: the loss's last digit over the step (each of the two losses is rounded), plus the share of the step
     * lost when {@code p ± h} is rounded, times the gradient. The book's "rounding error" (§4.3.1: {@code np.float32(1e-50)}
     * is {@code 0.0}): positive infinity where {@code p + h} and {@code p - h} are the same number, so the difference is
     * 0 whatever the gradient. NaN for a NaN loss. Neither argument is modified.
     */
    static double roundingError(NDArray param, NDArray numerical, double h, double loss) {
        double lossDigits = Math.ulp(loss) / h, worst = lossDigits;
        for (int i = 0; i < param.size(); i++) {
            double v = param.flat(i), step = (v + h) - (v - h);
            if (step == 0) return Double.POSITIVE_INFINITY;
            worst = Math.max(worst, Math.abs(step - 2 * h) / (2 * h) * Math.abs(numerical.flat(i)) + lossDigits);
        }
        return worst;
    }

    private static boolean oneHot(NDArray t) {
        int rows = t.rank() == 2 ? t.rows() : 1, cols = t.size() / rows;
        for (int r = 0; r < rows; r++) {
            int ones = 0;
            for (int c = 0; c < cols; c++) {
                double v = t.flat(r * cols + c);
                if (v == 1) ones++;
                else if (v != 0) return false;
            }
            if (ones != 1) return false;
        }
        return true;
    }

    /** Cells of Wk or bk whose ±h moves some input of the ReLU after Affine layer k across zero (or onto it). */
    private static boolean[] nearKink(Trace t, Param p, double h) {
        NetInputs in = t.inputs();
        NDArray param = in.get(p);
        boolean[] kink = new boolean[param.size()];
        Affine.Layer layer = in.network().affine(p.layer());
        boolean reluNext = in.network().after(layer).filter(l -> l instanceof ActivationLayer a && a.kind() == Relu.KIND).isPresent();
        NDArray a1 = t.forward(layer.node()).orElseThrow();
        if (!reluNext || a1.rank() == 0) return kink;
        NDArray x = t.inputOf(layer).orElseThrow();
        if (layer.variant() == Affine.Variant.REPOSITORY) x = Affine.flatten(x);
        int hidden = a1.cols(), rows = a1.rows();
        for (int cell = 0; cell < kink.length; cell++) {
            int j = param.rank() == 2 ? cell % param.cols() : cell;   // the hidden unit this cell feeds
            int i = param.rank() == 2 ? cell / param.cols() : -1;      // W1's input row
            if (j >= hidden) continue;
            for (int n = 0; n < rows && !kink[cell]; n++) {
                double reach = p.role() == Param.Role.B ? h : (i >= 0 && i < x.cols() ? Math.abs(x.get(Math.min(n, x.rows() - 1), i)) * h : 0);
                kink[cell] = Math.abs(a1.get(n, j)) <= reach;
            }
        }
        return kink;
    }

    private static double smallestTargetProbability(Trace t) {
        NDArray y = t.forward(SoftmaxWithLoss.SOFTMAX).orElseThrow(), target = t.inputs().t();
        NDArray y2 = y.rank() == 1 ? y.reshape(1, y.size()) : y;
        double smallest = 1;
        if (target.size() == y.size()) {
            NDArray t2 = target.rank() == 2 ? target : target.reshape(1, target.size());
            int[] labels = Np.argmaxAxis1(t2);
            for (int r = 0; r < Math.min(labels.length, y2.rows()); r++) smallest = Math.min(smallest, y2.get(r, labels[r]));
        } else {
            for (int r = 0; r < Math.min(target.size(), y2.rows()); r++) {
                int c = (int) target.flat(r);
                if (c < 0) c += y2.cols(); // -1 is the last class, as in NumPy's indexing
                if (c >= 0 && c < y2.cols()) smallest = Math.min(smallest, y2.get(r, c));
            }
        }
        return smallest;
    }
}
