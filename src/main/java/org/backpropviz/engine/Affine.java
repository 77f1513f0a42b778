package org.backpropviz.engine;

import static org.backpropviz.engine.OpFailure.guard;

/**
 * The book's Affine layer, {@code out = np.dot(x, W) + b}, with no reshape of x.
 *
 * <p>Forward and backward sit side by side: the forward input {@code x} is the cache the backward pass needs.
 * The operand names in errors are the lesson's ({@code x}, {@code W1}, {@code dout}).
 */
public final class Affine {
    /** What {@link #backward} returns: the gradient sent back to the input, and the parameters' gradients. */
    public record Grads(NDArray dx, NDArray dW, NDArray db) {}

    private final NDArray W;
    private final NDArray b;
    private final String w;
    private final String bName;
    private final Limits limits;

    /** @param W the weights, not modified; @param b the bias, not modified; names such as "W1" and "b1" */
    public Affine(NDArray W, NDArray b, String wName, String bName) {
        this(W, b, wName, bName, Limits.current());
    }

    /** An Affine layer whose products and sums refuse results over {@code limits}. */
    public Affine(NDArray W, NDArray b, String wName, String bName, Limits limits) {
        this.W = W;
        this.b = b;
        this.w = wName;
        this.bName = bName;
        this.limits = limits;
    }

    /** {@code out = np.dot(x, W) + b}. x is not modified. */
    public NDArray forward(NDArray x) {
        NDArray xW = guard(() -> Np.dot(x, W, limits), e -> OpFailure.at(e, "np.dot(x, " + w + ")", Operand.of("x", x), Operand.of(w, W)));
        return guard(() -> Np.add(xW, b, limits), e -> OpFailure.at(e, "np.dot(x, " + w + ") + " + bName, Operand.of("np.dot(x, " + w + ")", xW), Operand.of(bName, b)));
    }

    /**
     * The backward pass, in the book's order: {@code dx = np.dot(dout, W.T)}; {@code dW = np.dot(x.T, dout)};
     * {@code db = np.sum(dout, axis=0)}. Neither x nor dout is modified.
     *
     * @param x the input of the forward pass (the cache)
     * @param dout the gradient arriving from the next layer
     */
    public Grads backward(NDArray x, NDArray dout) {
        NDArray dx = guard(() -> Np.dotTransposedB(dout, W, limits), e -> OpFailure.at(e, "dx = np.dot(dout, " + w + ".T)", Operand.of("dout", dout), Operand.transposed(w + ".T", W)));
        NDArray dW = guard(() -> Np.dotTransposedA(x, dout, limits), e -> OpFailure.at(e, "d" + w + " = np.dot(x.T, dout)", Operand.transposed("x.T", x), Operand.of("dout", dout)));
        NDArray db = guard(() -> Np.sumAxis0(dout),
                e -> OpFailure.at(e, "d" + bName + " = np.sum(dout, axis=0)", Operand.of("dout", dout)));
        return new Grads(dx, dW, db);
    }
}
