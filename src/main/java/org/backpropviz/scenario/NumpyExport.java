package org.backpropviz.scenario;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.LinkedHashSet;
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
 * network's layer list as the book's {@code predict} does. The scenario's name and description (which may come
 * from a hostile file, or a CSV file's name) appear only as the string literals {@code name = '…'} and
 * {@code description = '…'} made by {@link #pythonString}: running the script never runs them.
 */
public final class NumpyExport {
    private NumpyExport() {}

    /**
     * The script without the app's results: it rebuilds the arrays, runs the lesson's layers and prints the loss, the
     * predicted classes and every gradient with its shape (for a trained network, where nothing is to be compared).
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
        // no text from the scenario (or a file's name) ever goes into a comment or into code: only into a literal
        py.append("# Backprop Visualizer export\n");
        py.append("# Rebuilds the arrays, runs the lesson's layers, and checks NumPy agrees with the app.\n");
        py.append("import numpy as np\n\n");
        py.append("name = ").append(pythonString(s.name())).append('\n');
        py.append("description = ").append(pythonString(s.description())).append('\n');
        Network net = s.inputs().network();
        for (Param p : net.params()) py.append(p.label()).append(" = ").append(array(s.get(p))).append('\n');
        py.append("lr = ").append(number(s.learningRate().orElse(0.1))).append("\n\n");
        py.append(layers(net));
        if (trace == null) return py.append(PRINT).toString();
        py.append("\n# What the app computed\n");
        py.append("app = {\n");
        trace.forwardValues().forEach((node, a) -> entry(py, "forward " + node, a));
        trace.backwardValues().forEach((node, a) -> entry(py, "backward " + node, a));
        trace.grads().forEach((p, a) -> entry(py, "grad " + p.label(), a));
        py.append("}\n");
        trace.error().ifPresentOrElse(
                e -> py.append("app_error = (").append(pythonString(e.node())).append(", ").append(pythonString(e.phase().id())).append(", ")
                        .append(pythonString(e.message())).append(")\n"),
                () -> py.append("app_error = None\n"));
        py.append(RUN);
        return py.toString();
    }

    /** Something that writes a script's text. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /**
     * Writes {@code script} to {@code out} (UTF-8) whole or not at all: into a new hidden temporary file in the same
     * folder, forced to the disk, then renamed to {@code out}, replacing an older file of that name. A write that fails
     * or is interrupted leaves {@code out} as it was and never a half-written script under its name. The folder must
     * exist; it is not made.
     */
    public static void write(Path out, String script) throws IOException {
        write(out, w -> w.write(script));
    }

    static void write(Path out, Content content) throws IOException {
        Path target = out.toAbsolutePath();
        Path tmp = newTemporaryFile(target.getParent());
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 Writer w = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), -1))) {
                content.writeTo(w);
                w.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file with a short random name in {@code dir}, with the permissions a new file gets there. */
    private static Path newTemporaryFile(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path p = dir.resolve(".export-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
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

    private static void entry(StringBuilder py, String key, NDArray a) {
        py.append("    ").append(pythonString(key)).append(": ").append(array(a)).append(",\n");
    }

    /**
     * The one way a text reaches a script: as a single-quoted Python string literal that decodes back to exactly
     * {@code s} and is inert whatever {@code s} holds. Quotes and backslashes are escaped; so is every character that
     * could end a line or hide what the line says: control characters (\r, \n, NUL, \f, \v, \x1c-\x1e, \x85, ...),
     * U+2028 and U+2029, format characters (bidirectional overrides, zero-width characters, the BOM), lone surrogates,
     * private-use and unassigned code points. Other text, accented letters, Korean or Japanese for instance, stays
     * as it is, readable.
     */
    public static String pythonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) out.append((char) c);
                    else if (c < 0x100 && Character.getType(c) == Character.CONTROL) out.append(String.format(Locale.ROOT, "\\x%02x", c));
                    else if (!inert(c)) out.append(String.format(Locale.ROOT, c > 0xffff ? "\\U%08x" : "\\u%04x", c));
                    else out.appendCodePoint(c);
                }
            }
        });
        return out.append('\'').toString();
    }

    /** Whether code point {@code c} (not ASCII) may stand as itself in a script: a visible character or a plain space. */
    private static boolean inert(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
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
            for name, layer in layers:
                if name in params:
                    w, b = params[name]
                    print('d%s %s =\\n%s' % (w, np.shape(layer.dW), layer.dW))
                    print('d%s %s =\\n%s' % (b, np.shape(layer.db), layer.db))
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
                assert app_error is not None and app_error[:2] == where and app_error[2] == str(e), app_error

            for key, value in app.items():
                assert key in numpy, key
                assert np.shape(numpy[key]) == np.shape(value) and np.allclose(numpy[key], value, rtol=1e-9, atol=1e-12), key
            if where is None:
                print('loss:', numpy['forward loss'])
                for w, b in params.values():
                    print('d%s %s =\\n%s' % (w, np.shape(numpy['grad ' + w]), numpy['grad ' + w]))
                    print('d%s %s =\\n%s' % (b, np.shape(numpy['grad ' + b]), numpy['grad ' + b]))
            print('NumPy agrees with the app on %d arrays' % len(app))
            """;
}
