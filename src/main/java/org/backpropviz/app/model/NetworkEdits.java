package org.backpropviz.app.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backpropviz.engine.Activation;
import org.backpropviz.engine.Affine;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Network;
import org.backpropviz.engine.Param;
import org.backpropviz.scenario.Scenario;

/**
 * The changes the Network menu makes to a scenario, each a new scenario (nothing is modified): a hidden layer added
 * or removed before the output layer, an activation switched, the other Affine. New weights are initialised as the
 * book's {@code TwoLayerNet} does, {@code 0.01 * np.random.randn(rows, cols)} (from a fixed seed, so the same change
 * gives the same numbers), new biases are zeros.
 */
public final class NetworkEdits {
    /** The most Affine layers the window offers (the graph still fits). */
    public static final int MAX_DEPTH = 6;
    /** The seed of new weights. */
    static final long SEED = 42;

    private NetworkEdits() {}

    /** The width of the last hidden layer (the input's width for a single Affine layer): a new layer's default. */
    public static int lastHiddenWidth(Scenario s) {
        Network n = s.inputs().network();
        return s.get(Param.w(n.depth())).dim(0);
    }

    /**
     * Adds a hidden layer of {@code width} units just before the output layer, with the activation of the last
     * hidden layer (ReLU for a net that had none). The output layer keeps its W when its rows still fit, else gets a
     * new one of {@code (width, outputs)}; it keeps its b.
     */
    public static Scenario addHiddenLayer(Scenario s, int width) {
        NetInputs in = s.inputs();
        Network n = in.network();
        if (n.depth() >= MAX_DEPTH) throw new IllegalArgumentException("at most " + MAX_DEPTH + " Affine layers");
        if (width < 1) throw new IllegalArgumentException("a layer has at least one unit, not " + width);
        int depth = n.depth();
        NDArray lastW = in.get(Param.w(depth));
        NDArray lastB = in.get(Param.b(depth));
        int rows = lastW.dim(0);
        int outputs = lastW.dim(1);
        Map<Param, NDArray> arrays = copy(in, depth - 1);
        arrays.put(Param.w(depth), randn(rows, width, depth));
        arrays.put(Param.b(depth), NDArray.full(new int[] {width}, 0.0));
        arrays.put(Param.w(depth + 1), width == rows ? lastW : randn(width, outputs, depth + 1));
        arrays.put(Param.b(depth + 1), lastB);
        Network next = n.withDepth(depth + 1);
        return s.withInputs(new NetInputs(next, arrays));
    }

    /**
     * Removes the last hidden layer (its W, b and activation). The output layer keeps its W when its rows still fit
     * the layer before, else gets a new one; it keeps its b.
     */
    public static Scenario removeHiddenLayer(Scenario s) {
        NetInputs in = s.inputs();
        Network n = in.network();
        int depth = n.depth();
        if (depth < 2) throw new IllegalArgumentException("a network keeps at least one Affine layer");
        NDArray lastW = in.get(Param.w(depth));
        NDArray lastB = in.get(Param.b(depth));
        int rows = in.get(Param.w(depth - 1)).dim(0);
        Map<Param, NDArray> arrays = copy(in, depth - 2);
        arrays.put(Param.w(depth - 1), lastW.dim(0) == rows ? lastW : randn(rows, lastW.dim(1), depth - 1));
        arrays.put(Param.b(depth - 1), lastB);
        return s.withInputs(new NetInputs(n.withDepth(depth - 1), arrays));
    }

    /** The activation after Affine layer {@code k} switched to {@code a}. */
    public static Scenario withActivation(Scenario s, int k, Activation a) {
        return s.withInputs(s.inputs().withNetwork(s.inputs().network().withActivation(k, a)));
    }

    /** Every Affine layer the variant {@code v}. */
    public static Scenario withAffine(Scenario s, Affine.Variant v) {
        return s.withInputs(s.inputs().withNetwork(s.inputs().network().withAffine(v)));
    }

    /** x, t and the first {@code layers} layers' W and b. */
    private static Map<Param, NDArray> copy(NetInputs in, int layers) {
        Map<Param, NDArray> out = new HashMap<>();
        out.put(Param.X, in.x());
        out.put(Param.T, in.t());
        for (int k = 1; k <= layers; k++) {
            out.put(Param.w(k), in.get(Param.w(k)));
            out.put(Param.b(k), in.get(Param.b(k)));
        }
        return out;
    }

    /** {@code 0.01 * np.random.randn(rows, cols)}, from a seed fixed per layer. */
    static NDArray randn(int rows, int cols, int layer) {
        Random r = new Random(SEED + layer);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = 0.01 * r.nextGaussian();
        return NDArray.of(new int[] {rows, cols}, v);
    }

    /** The hidden widths, for a menu: {@code 2 → 3 → 3}. */
    public static String shapeText(Scenario s) {
        NetInputs in = s.inputs();
        List<String> dims = new ArrayList<>();
        Network n = in.network();
        NDArray w1 = in.get(Param.W1);
        dims.add(Integer.toString(w1.dim(0)));
        for (int k = 1; k <= n.depth(); k++) dims.add(Integer.toString(in.get(Param.w(k)).dim(1)));
        return String.join(" → ", dims);
    }
}
