"""NumPy's time for the pass that `java -jar target/backprop-visualizer.jar bench` times.

One full forward+backward of the book's two-layer net (the lesson's layers: Affine, ReLU, softmax,
cross-entropy with 1e-7, SoftmaxWithLoss.backward), all four parameter gradients and dx, on random
data, timed in groups of passes long enough for the clock; prints the same JSON as `bench`.

    python3 src/test/python/bench_numpy.py --batch 100 --in 784 --hidden 50 --classes 10
"""
import argparse
import json
import time

import numpy as np

from gen_numpy_cases import cross_entropy_error, softmax  # the lesson's functions, written once


def one_pass(x, W1, b1, W2, b2, t):
    a1 = np.dot(x, W1) + b1
    mask = a1 <= 0
    z1 = a1.copy()
    z1[mask] = 0
    a2 = np.dot(z1, W2) + b2
    y = softmax(a2)
    loss = cross_entropy_error(y, t)
    da2 = (y - t) / t.shape[0]
    dz1 = np.dot(da2, W2.T)
    dW2 = np.dot(z1.T, da2)
    db2 = np.sum(da2, axis=0)
    da1 = dz1.copy()
    da1[mask] = 0
    dx = np.dot(da1, W1.T)
    dW1 = np.dot(x.T, da1)
    db1 = np.sum(da1, axis=0)
    return loss, dx, dW1, db1, dW2, db2


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--in", dest="inp", type=int, default=784)
    p.add_argument("--hidden", type=int, default=50)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--seconds", type=float, default=3)
    a = p.parse_args()
    rng = np.random.default_rng(42)
    x = rng.standard_normal((a.batch, a.inp))
    W1 = 0.01 * rng.standard_normal((a.inp, a.hidden))
    b1 = np.zeros(a.hidden)
    W2 = 0.01 * rng.standard_normal((a.hidden, a.classes))
    b2 = np.zeros(a.classes)
    t = np.zeros((a.batch, a.classes))
    t[np.arange(a.batch), rng.integers(0, a.classes, a.batch)] = 1

    group = 1
    warm_end = time.perf_counter() + a.seconds / 3
    while True:
        t0 = time.perf_counter()
        for _ in range(group):
            one_pass(x, W1, b1, W2, b2, t)
        if time.perf_counter() - t0 < 200e-6:
            group *= 2
        if time.perf_counter() > warm_end:
            break
    samples = []
    end = time.perf_counter() + a.seconds * 2 / 3
    while len(samples) < 5 or time.perf_counter() < end:
        t0 = time.perf_counter()
        for _ in range(group):
            one_pass(x, W1, b1, W2, b2, t)
        samples.append((time.perf_counter() - t0) / group * 1e6)
    print(json.dumps({"batch": a.batch, "in": a.inp, "hidden": a.hidden, "classes": a.classes,
                      "median_us": round(float(np.median(samples)), 3), "min_us": round(min(samples), 3),
                      "samples": len(samples), "passes_per_sample": group, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
