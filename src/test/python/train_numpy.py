"""The book's training loop (ch05 train_neuralnet.py) on the data that `train --data digits|iris` trains on.

The yardstick for `java -jar target/backprop-visualizer.jar train`: the book's layers (common/layers.py: Affine, Relu,
Sigmoid, SoftmaxWithLoss with the labels as indices), its network's gradient() (forward, then backward through the
layers in reverse) and its update `params[key] -= learning_rate * grad[key]`, with the train command's defaults and
the trainer's own split, scaling, initial weights and batch order: java.util.Random is re-implemented below, so the
batches are the same rows in the same order and the weights start from the same numbers (NumPy's exp and log may
round differently from Java's in the last place, so the losses agree to about 1e-12, not to the bit). Each epoch
ends as the trainer's does: the accuracies on the training and the test set, then a new batch order.

Prints one JSON object per epoch and then the totals, as `train` does: "seconds" is the training loop (the epochs'
accuracies included, the data's loading not), "process_seconds" the whole process from Python's start (its
interpreter and NumPy's import included), "iterations_per_second" the loop's.

    python3 src/test/python/train_numpy.py --data digits
    python3 src/test/python/train_numpy.py --data iris
    python3 src/test/python/train_numpy.py --data digits --hidden 50,50 --activation sigmoid
"""
import argparse
import gzip
import json
import os
import time

import numpy as np

MASK48 = (1 << 48) - 1


class JavaRandom:
    """java.util.Random: the same 48-bit generator, so the same permutations and Gaussians as the trainer's."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK48
        self.next_gaussian = None

    def _next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK48
        r = self.seed >> (48 - bits)
        return r - (1 << 32) if r >= 1 << 31 else r  # (int) in Java: only 32 bits can turn negative

    def next_int(self, bound):
        r = self._next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            if u - r + m < 1 << 31:  # Java's overflow test: u - r + m stays a positive int
                return r
            u = self._next(31)

    def next_double(self):
        return ((self._next(26) << 27) + self._next(27)) * (1.0 / (1 << 53))

    def next_gaussian_value(self):
        if self.next_gaussian is not None:
            g, self.next_gaussian = self.next_gaussian, None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        multiplier = np.sqrt(-2 * np.log(s) / s)
        self.next_gaussian = v2 * multiplier
        return v1 * multiplier

    def permutation(self, n):
        """The trainer's Fisher-Yates shuffle (Dataset.permutation)."""
        p = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.next_int(i + 1)
            p[i], p[j] = p[j], p[i]
        return np.array(p)


# the book's common/functions.py and common/layers.py (the parts a TwoLayerNet or MultiLayerNet uses)
def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Sigmoid:
    def forward(self, x):
        self.out = 1 / (1 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        return cross_entropy_error(self.y, t)

    def backward(self):
        batch_size = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        return dx / batch_size


class Net:
    """The book's TwoLayerNet (one hidden layer) or MultiLayerNet: Affine, activation, …, Affine, SoftmaxWithLoss."""

    def __init__(self, params, activations):
        self.params = params
        self.affines = [Affine(params["W%d" % k], params["b%d" % k]) for k in range(1, len(activations) + 2)]
        self.layers = []
        for k, affine in enumerate(self.affines):
            self.layers.append(affine)
            if k < len(activations):
                self.layers.append(Relu() if activations[k] == "relu" else Sigmoid())
        self.last = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last.forward(self.predict(x), t)

    def accuracy(self, x, t):
        return np.sum(np.argmax(self.predict(x), axis=1) == t) / float(x.shape[0])

    def gradient(self, x, t):
        loss = self.loss(x, t)
        dout = self.last.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads = {}
        for k, affine in enumerate(self.affines, 1):
            grads["W%d" % k], grads["b%d" % k] = affine.dW, affine.db
        return loss, grads


DEFAULTS = {  # TrainConfig.defaults: hidden, lr, batch, epochs (seed 1, init std 0.01, test fraction 0.2, scaled)
    "iris": (10, 0.2, 10, 300),
    "digits": (50, 0.5, 50, 60),
}


def load(name):
    """The built-in data set as DatasetFormat reads it: features, then the label; a first line that is not numbers is
    a header."""
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.join(here, "..", "..", "..", "assets", "datasets")
    path = os.path.join(folder, "digits.csv.gz" if name == "digits" else "iris.csv")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    first = lines[0].split(",")
    try:
        float(first[0]), float(first[-1])
    except ValueError:
        lines = lines[1:]
    data = np.array([[float(c) for c in line.split(",")] for line in lines])
    return data[:, :-1], data[:, -1].astype(int)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", choices=sorted(DEFAULTS), required=True)
    p.add_argument("--hidden", help="hidden sizes, e.g. 50 or 50,50 (default: the train command's)")
    p.add_argument("--activation", default="relu", choices=["relu", "sigmoid"])
    p.add_argument("--epochs", type=int)
    p.add_argument("--quiet", action="store_true", help="print only the totals")
    a = p.parse_args()
    hidden, lr, batch, epochs = DEFAULTS[a.data]
    hidden_sizes = [int(h) for h in a.hidden.split(",")] if a.hidden else [hidden]
    epochs = a.epochs or epochs
    seed, init_std, test_fraction = 1, 0.01, 0.2

    x, labels = load(a.data)
    # Dataset.split: the first round(n · fraction) rows of a seeded permutation are the test set
    perm = JavaRandom(seed).permutation(len(labels))
    n_test = int(np.floor(len(labels) * test_fraction + 0.5))
    x_test, t_test = x[perm[:n_test]], labels[perm[:n_test]]
    x_train, t_train = x[perm[n_test:]], labels[perm[n_test:]]
    lo, hi = x_train.min(), x_train.max()  # Dataset.scaledLike: one range over all the training features
    rng = hi - lo if hi > lo else 1
    x_train, x_test = (x_train - lo) / rng, (x_test - lo) / rng
    batch = min(batch, len(t_train))

    rnd = JavaRandom(seed * 31 + 7)
    widths = [x.shape[1]] + hidden_sizes + [int(labels.max()) + 1]
    params = {}
    for k in range(1, len(widths)):
        w = np.array([rnd.next_gaussian_value() for _ in range(widths[k - 1] * widths[k])])
        params["W%d" % k] = init_std * w.reshape(widths[k - 1], widths[k])
        params["b%d" % k] = np.zeros(widths[k])
    net = Net(params, [a.activation] * len(hidden_sizes))
    order = rnd.permutation(len(t_train))

    t0 = time.perf_counter()
    iterations = 0
    for epoch in range(1, epochs + 1):
        losses = []
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            loss, grad = net.gradient(x_train[rows], t_train[rows])
            for key in params:
                params[key] -= lr * grad[key]
            losses.append(loss)
            iterations += 1
        train_acc = net.accuracy(x_train, t_train)
        test_acc = net.accuracy(x_test, t_test)
        if not a.quiet:
            print(json.dumps({"epoch": epoch, "loss": float(np.mean(losses)), "train_acc": train_acc, "test_acc": test_acc}))
        order = rnd.permutation(len(t_train))
    seconds = time.perf_counter() - t0
    print(json.dumps({"done": True, "data": a.data, "train_rows": len(t_train), "test_rows": len(t_test),
                      "hidden": hidden_sizes, "activation": a.activation, "lr": lr, "batch": batch, "epochs": epochs,
                      "iterations": iterations, "loss": float(np.mean(losses)), "train_acc": train_acc,
                      "test_acc": test_acc, "seconds": round(seconds, 3),
                      "iterations_per_second": round(iterations / seconds),
                      "process_seconds": round(process_seconds(), 2)}))


def process_seconds():
    """Seconds since this process started (Python's start-up and NumPy's import included), in clock ticks."""
    with open("/proc/self/stat") as f:
        started = int(f.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
    with open("/proc/uptime") as f:
        return float(f.read().split()[0]) - started


if __name__ == "__main__":
    main()
