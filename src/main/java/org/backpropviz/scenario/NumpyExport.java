package org.backpropviz.scenario;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.backpropviz.engine.Affine;
import org.backpropviz.engine.Layer;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.Network;
import org.backpropviz.engine.Param;
import org.backpropviz.engine.SoftmaxWithLoss;
import org.backpropviz.engine.Trace;

/**
 * A scenario and what the engine computed for it, as a Python script that rebuilds the arrays with NumPy, runs the
 * lesson's layers, and checks that NumPy finds the same values ({@code np.allclose}) or raises the same error. The
 * script defines each layer kind of the network once, from its own source ({@link Layer#source()}), and walks the
 * network's layer list as the book's {@code predict} does.
 */
public final class NumpyExport {
    private NumpyExport() {}

    /**
     * The script without the app's results: it rebuilds the arrays, runs the lesson's layers and prints the loss, the
     * predicted classes and the gradients' shapes (for a trained network, where nothing is to be compared).
     */
    public static String script(Scenario s) {
        return script(s, null);
    }

    /**
     * The script's text. {@code trace} is the evaluated scenario (any number of steps done), whose values the script
     * checks against NumPy's; null for none.
     */
    public static String script(Scenario s, Trace trace) {
        StringBuilder py = new StringBuilder();
        py.append("# Backprop Visualizer export").append(s.name().isEmpty() ? "" : ": " + s.name()).append('\n');
        py.append("# Rebuilds the arrays, runs the lesson's layers, and checks NumPy agrees with the app.\n");
        py.append("import numpy as np\n\n");
        Network net = s.inputs().network();
        for (Param p : net.params()) py.append(p.label()).append(" = ").append(array(s.get(p))).append('\n');
        py.append("lr = ").append(number(s.learningRate().orElse(0.1))).append("\n\n");
        py.append(layers(net));
        if (trace == null) return py.append(PRINT).toString();
        py.append("\n# What the app computed\n");
        py.append("app = {\n");
        trace.forwardValues().forEach((node, a) -> py.append("    'forward ").append(node).append("': ").append(array(a)).append(",\n"));
        trace.backwardValues().forEach((node, a) -> py.append("    'backward ").append(node).append("': ").append(array(a)).append(",\n"));
        trace.grads().forEach((p, a) -> py.append("    'grad ").append(p.label()).append("': ").append(array(a)).append(",\n"));
        py.append("}\n");
        trace.error().ifPresentOrElse(
                e -> py.append("app_error = (").append(quote(e.node())).append(", ").append(quote(e.phase().id())).append(", ")
                        .append(quote(e.message())).append(")\n"),
                () -> py.append("app_error = None\n"));
        py.append(RUN);
        return py.toString();
    }

    /** An array as NumPy code: {@code np.array([[1.0, 2.0]])}; integer arrays keep their integer dtype. */
    static String array(NDArray a) {
        String text = a.toString();
        if (a.isInteger()) text = text.replace(".0", "");
        return "np.array(" + text.replace("nan", "np.nan").replace("inf", "np.inf") + ")";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * The layer classes the network uses, each once, as their sources print them (English comments), and the
     * network as a list: {@code layers} in forward order, {@code last} the SoftmaxWithLoss, {@code params} the names of
     * each Affine layer's W and b.
     */
    private static String layers(Network net) {
        StringBuilder py = new StringBuilder("# The lesson's layers (Deep Learning from Scratch, chapter 5)\n");
        Set<String> written = new LinkedHashSet<>();
        for (Layer l : net.layers()) {
            if (written.add(l.pythonClass())) py.append(l.source().text(false)).append('\n');
        }
        py.append("layers = [");
        String sep = "";
        for (Layer l : net.layers()) {
            if (l instanceof SoftmaxWithLoss.Layer) continue;
            py.append(sep).append("('").append(l.nodes().get(0).name()).append("', ").append(l.pythonConstructor()).append(')');
            sep = ", ";
        }
        py.append("]\nlast = SoftmaxWithLoss()\nparams = {");
        sep = "";
        for (int k = 1; k <= net.depth(); k++) {
            Affine.Layer a = net.affine(k);
            py.append(sep).append("'").append(a.node().name()).append("': ('").append(a.weights().label()).append("', '")
                    .append(a.bias().label()).append("')");
            sep = ", ";
        }
        return py.append("}\n").toString();
    }

    private static final String PRINT = """

            a = x
            for name, layer in layers:
                a = layer.forward(a)
            print('loss:', last.forward(a, t))
            print('predicted classes:', np.argmax(softmax(a), axis=-1))
            dout = last.backward(1)
            for name, layer in reversed(layers):
                dout = layer.backward(dout)
            print('gradient shapes:', ', '.join('d%s %s, d%s %s' % (w, np.shape(layer.dW), b, np.shape(layer.db))
                                                for name, layer in layers if name in params for w, b in [params[name]]))
            """;

    private static final String RUN = """

            numpy = {}
            where = None
            try:
                a = x
                for name, layer in layers:
                    where = (name, 'forward'); numpy['forward ' + name] = a = layer.forward(a)
                where = ('softmax', 'forward'); last.t = t; numpy['forward softmax'] = last.y = softmax(a)
                where = ('loss', 'forward'); numpy['forward loss'] = last.loss = cross_entropy_error(last.y, last.t)
                where = ('softmax', 'backward'); numpy['backward softmax'] = dout = last.backward(1)
                for name, layer in reversed(layers):
                    where = (name, 'backward'); dout = layer.backward(dout)
                    numpy['backward ' + name] = dout
                    if name in params:
                        numpy['grad ' + params[name][0]], numpy['grad ' + params[name][1]] = layer.dW, layer.db
                where = None
            except Exception as e:
                print('NumPy raised at %s (%s): %s' % (where[0], where[1], e))
                assert app_error is not None and app_error[:2] == where and app_error[2] == str(e).strip(), app_error

            for key, value in app.items():
                assert key in numpy, key
                assert np.shape(numpy[key]) == np.shape(value) and np.allclose(numpy[key], value, rtol=1e-9, atol=1e-12), key
            print('NumPy agrees with the app on %d arrays' % len(app))
            """;
}
