package org.backpropviz.app.learn;

import java.util.Locale;
import org.backpropviz.engine.NDArray;
import org.backpropviz.engine.NetInputs;
import org.backpropviz.engine.Shapes;

/** A trained network written as a NumPy script in the book's style. */
final class NumpyExport {
    private NumpyExport() {}

    static String script(NetInputs n, String data, double lr, int iterations) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Two-layer net trained by Backprop Visualizer on ").append(data)
                .append(String.format(Locale.ROOT, " (lr %s, %d iterations)%n", Shapes.number(lr), iterations));
        sb.append("import numpy as np\n\n");
        array(sb, "W1", n.W1());
        array(sb, "b1", n.b1());
        array(sb, "W2", n.W2());
        array(sb, "b2", n.b2());
        sb.append("\n# the next mini-batch\n");
        array(sb, "x", n.x());
        array(sb, "t", n.t());
        sb.append("""

                def softmax(x):
                    x = x - np.max(x, axis=-1, keepdims=True)
                    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


                def predict(x):
                    a1 = np.dot(x, W1) + b1
                    z1 = np.maximum(0, a1)
                    a2 = np.dot(z1, W2) + b2
                    return softmax(a2)


                y = predict(x)
                print("predicted:", np.argmax(y, axis=1))
                print("accuracy on this batch:", np.mean(np.argmax(y, axis=1) == t))
                """);
        return sb.toString();
    }

    private static void array(StringBuilder sb, String name, NDArray a) {
        String values = Shapes.toNumpyText(a);
        if (a.isInteger()) values = values.replace(".0", "");
        sb.append(name).append(" = np.array(").append(values).append(")  # shape ").append(a.shapeString()).append('\n');
    }
}
