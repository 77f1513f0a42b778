#!/usr/bin/env python3
"""Generate NumPy ground truth for networks of any depth (the layers issue).

A network is the book's list of layers:

    x -> Affine1 -> act1 -> Affine2 -> ... -> AffineN -> SoftmaxWithLoss(t)

with n >= 1 Affine layers, each activation ReLU or Sigmoid, and every Affine either
the lesson's (np.dot(x, W) + b) or the book repository's (x reshaped to
(x.shape[0], -1) in forward, dx reshaped back to x's shape in backward).

This script runs the book's layer code with NumPy on many scenarios and writes,
into src/test/resources/numpy-deep/:

  deep-<kind>-<nnn>.json           a scenario: x, W1, b1, ..., Wn, bn, t, and
                                   "activations" / "affine" when not the defaults
  deep-<kind>-<nnn>.expected.json  what NumPy computed (format below)

Before writing anything it replays the shared sample of deeper cases
(/work/shared/reference-cases/deep, or --shared DIR; skipped if missing) and
writes nothing unless it reproduces every one of them: values within 1e-12
relative, messages to the character.

Usage (from the repository root):

    python3 src/test/python/gen_deep_cases.py [--shared DIR] [--check-only]

Deterministic: fixed seeds, stable key order. Java tests read the committed files.
"""

import argparse
import glob
import json
import os
import sys
import traceback
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT_DIR = os.path.join(REPO, "src", "test", "resources", "numpy-deep")
DEFAULT_SHARED_DIR = "/work/shared/reference-cases/deep"
SEED = 20260605
H_NUM = 1e-4


# ---------------------------------------------------------------------------
# The book's layers. Each line is written as the engine's source listing writes
# it, so that the line NumPy raised on can be compared with the engine's.
# ---------------------------------------------------------------------------

def softmax(x):
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Affine:
    """The lesson's Affine (the book's printed section 5.6.2)."""
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis = 0)
        return dx


class RepositoryAffine:
    """The book repository's Affine (common/layers.py)."""
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.original_x_shape = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        out = np.dot(self.x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        dx = dx.reshape(*self.original_x_shape)
        return dx


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0
        return dx


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}


# ---------------------------------------------------------------------------
# Running a scenario.
# ---------------------------------------------------------------------------

def depth_of(scenario):
    n = 0
    while "W%d" % (n + 1) in scenario:
        n += 1
    return n


def load(scenario):
    """x and the parameters as float arrays; t as NumPy infers it from the JSON."""
    n = depth_of(scenario)
    arrays = {"x": np.array(scenario["x"], dtype=float)}
    for k in range(1, n + 1):
        arrays["W%d" % k] = np.array(scenario["W%d" % k], dtype=float)
        arrays["b%d" % k] = np.array(scenario["b%d" % k], dtype=float)
    arrays["t"] = np.array(scenario["t"])
    return n, arrays


def build(scenario, arrays, n):
    """The layer list, as the book's network keeps it: [(name, layer, k or None)]."""
    acts = scenario.get("activations", ["relu"] * (n - 1))
    affine = RepositoryAffine if scenario.get("affine", "lesson") == "repository" else Affine
    layers = []
    for k in range(1, n + 1):
        layers.append(("affine%d" % k, affine(arrays["W%d" % k], arrays["b%d" % k]), k))
        if k < n:
            layers.append(("%s%d" % (acts[k - 1], k), ACTIVATIONS[acts[k - 1]](), None))
    return layers


def to_json(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def error_kind(exc):
    """'shape' for np.dot alignment and broadcasting errors, else the class name."""
    msg = str(exc)
    if isinstance(exc, ValueError) and ((msg.startswith("shapes ") and " not aligned: " in msg)
                                        or msg.startswith("operands could not be broadcast together")):
        return "shape"
    return type(exc).__name__


def failing_line(exc):
    """The line of the layer method (forward or backward) that raised, without indentation."""
    here = os.path.abspath(__file__)
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == here and frame.name in ("forward", "backward"):
            line = frame.line
    return line


class Recorder:
    """Runs one node's computation, keeping NumPy's warnings with the node's name."""

    def __init__(self):
        self.warnings = []

    def run(self, node, fn):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                return fn()
            finally:
                for w in caught:
                    entry = {"node": node, "message": str(w.message)}
                    if entry not in self.warnings:
                        self.warnings.append(entry)


def run(scenario):
    """The expected record: forward, backward, grads in the order computed, error, warnings."""
    n, arrays = load(scenario)
    layers = build(scenario, arrays, n)
    last = SoftmaxWithLoss()
    forward, backward, grads = {}, {}, {}
    record = {"forward": forward, "backward": backward, "grads": grads}
    rec = Recorder()
    node, phase = None, "forward"
    try:
        a = arrays["x"]
        for name, layer, _ in layers:
            node = name
            a = rec.run(name, lambda: layer.forward(a))
            forward[name] = a
        # SoftmaxWithLoss.forward, one drawn node per line that computes something
        node = "softmax"
        try:
            rec.run("softmax", lambda: last.forward(a, arrays["t"]))
        except Exception:
            if last.y is not None:
                forward["softmax"] = last.y
                node = "loss"
            raise
        forward["softmax"] = last.y
        node = "loss"
        forward["loss"] = last.loss

        phase = "backward"
        node = "softmax"
        dout = rec.run("softmax", lambda: last.backward(1))
        backward["softmax"] = dout
        for name, layer, k in reversed(layers):
            node = name
            dout = rec.run(name, lambda: layer.backward(dout))
            backward[name] = dout
            if k is not None:   # the node as a whole succeeded: its gradients count
                grads["W%d" % k] = layer.dW
                grads["b%d" % k] = layer.db
    except Exception as exc:
        record["error"] = {"node": node, "phase": phase, "message": str(exc), "kind": error_kind(exc),
                           "exception": type(exc).__name__, "line": (failing_line(exc) or "").split("#")[0].strip()}
    raw = {k: np.array(v, dtype=float) for k, v in grads.items()}
    for section in (forward, backward, grads):
        for key in section:
            section[key] = to_json(section[key])
    record["warnings"] = rec.warnings
    return record, raw


def loss_of(scenario, arrays):
    n = depth_of(scenario)
    a = arrays["x"]
    for _, layer, _ in build(scenario, arrays, n):
        a = layer.forward(a)
    return SoftmaxWithLoss().forward(a, arrays["t"])


def numerical_gradients(scenario):
    """The book's central differences (h = 1e-4) of the loss, for every W and b."""
    n, arrays = load(scenario)
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for k in range(1, n + 1):
            for name in ("W%d" % k, "b%d" % k):
                param = arrays[name]
                grad = np.zeros_like(param)
                for idx in np.ndindex(param.shape):
                    original = param[idx]
                    param[idx] = float(original) + H_NUM
                    plus = loss_of(scenario, arrays)
                    param[idx] = float(original) - H_NUM
                    minus = loss_of(scenario, arrays)
                    param[idx] = original
                    grad[idx] = (plus - minus) / (2 * H_NUM)
                out[name] = to_json(grad)
    return out


def expected_for(scenario, gradcheck):
    record, _ = run(scenario)
    if gradcheck and "error" not in record:
        record["gradcheck_numerical"] = numerical_gradients(scenario)
    return record


# ---------------------------------------------------------------------------
# The shared sample must be reproduced first.
# ---------------------------------------------------------------------------

def compare(ours, theirs, path, problems, rel_tol=1e-12):
    if isinstance(theirs, dict):
        if not isinstance(ours, dict) or list(ours.keys()) != list(theirs.keys()):
            problems.append("%s: keys %s != %s" % (path, list(ours.keys()) if isinstance(ours, dict) else ours, list(theirs.keys())))
            return
        for key in theirs:
            compare(ours[key], theirs[key], path + "." + key, problems, rel_tol)
    elif isinstance(theirs, list):
        if not isinstance(ours, list) or len(ours) != len(theirs):
            problems.append("%s: shape differs" % path)
            return
        for i, (a, b) in enumerate(zip(ours, theirs)):
            compare(a, b, "%s[%d]" % (path, i), problems, rel_tol)
    elif isinstance(theirs, float) or (isinstance(theirs, int) and not isinstance(theirs, bool)):
        if not isinstance(ours, (int, float)) or isinstance(ours, bool):
            problems.append("%s: expected a number" % path)
        elif ours != theirs and abs(ours - theirs) > rel_tol * max(abs(ours), abs(theirs)):
            problems.append("%s: %r != %r" % (path, ours, theirs))
    elif ours != theirs:
        problems.append("%s: %r != %r" % (path, ours, theirs))


def check_shared(shared_dir):
    files = sorted(glob.glob(os.path.join(shared_dir, "*.expected.json")))
    if not files:
        print("[check] no shared deep cases in %s; skipped" % shared_dir)
        return True
    bad = 0
    for exp_path in files:
        with open(exp_path[: -len(".expected.json")] + ".json") as f:
            scenario = json.load(f)
        with open(exp_path) as f:
            expected = json.load(f)
        ours, _ = run(scenario)
        core = {"forward": ours["forward"], "grads": ours["grads"]}
        if "error" in ours:
            core["error"] = {k: ours["error"][k] for k in ("node", "phase", "message")}
        problems = []
        compare(core, expected, os.path.basename(exp_path), problems)
        if problems:
            bad += 1
            print("[check] %s:\n  %s" % (os.path.basename(exp_path), "\n  ".join(problems[:5])))
    print("[check] %d shared deep cases, %d reproduced" % (len(files), len(files) - bad))
    return bad == 0


# ---------------------------------------------------------------------------
# The cases.
# ---------------------------------------------------------------------------

class Maker:
    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def normal(self, *shape, scale=1.0):
        return np.round(self.rng.normal(0.0, scale, size=shape), 6)

    def widths(self, n, lo=1, hi=5):
        return [int(self.rng.integers(lo, hi + 1)) for _ in range(n + 1)]

    def acts(self, n, choice=None):
        return [choice or str(self.rng.choice(["relu", "sigmoid"])) for _ in range(n - 1)]

    def labels(self, batch, classes, one_hot, floats=False):
        labels = self.rng.integers(0, classes, size=batch)
        if not one_hot:
            return [int(v) for v in labels]
        rows = [[(1.0 if floats else 1) if c == l else (0.0 if floats else 0) for c in range(classes)] for l in labels]
        return rows

    def net(self, widths, acts=None, affine=None, batch=3, x=None, t=None, scale=1.0):
        n = len(widths) - 1
        s = {"x": x if x is not None else self.normal(batch, widths[0]).tolist()}
        for k in range(1, n + 1):
            s["W%d" % k] = self.normal(widths[k - 1], widths[k], scale=scale).tolist()
            s["b%d" % k] = self.normal(widths[k]).tolist()
        if acts is not None:
            s["activations"] = acts
        if affine is not None:
            s["affine"] = affine
        s["t"] = t if t is not None else self.labels(batch, widths[-1], bool(self.rng.integers(0, 2)))
        return s


def cases():
    """(kind, scenario, gradcheck) triples, deterministic."""
    m = Maker(SEED)
    out = []

    # Complete passes: 1 to 4 layers, ReLU and Sigmoid, both Affines, labels and one-hot t.
    for n in (1, 2, 3, 4):
        for affine in ("lesson", "repository"):
            for i in range(6):
                w = m.widths(n)
                w[-1] = max(w[-1], 2)  # one class would make a 1-D t of labels look one-hot (see "label")
                batch = int(m.rng.integers(1, 6))
                one_hot = i % 2 == 1
                acts = m.acts(n, choice="relu" if i == 0 else ("sigmoid" if i == 1 else None))
                s = m.net(w, acts=acts if (n > 1 and i != 0) else None, affine=affine if i % 3 else None, batch=batch,
                          t=m.labels(batch, w[-1], one_hot, floats=(i == 5)))
                if affine == "repository":
                    s["affine"] = "repository"
                out.append(("ok", s, n <= 3))

    # 1-D x: the lesson's Affine takes it as a vector; the repository's as a batch of one-feature rows.
    for i in range(12):
        n = 1 + i % 4
        affine = "repository" if i % 2 else "lesson"
        d = int(m.rng.integers(2, 5))
        w = [1 if (affine == "repository" and i % 4 != 3) else d] + m.widths(n)[1:]
        x = m.normal(d).tolist()
        batch = d if affine == "repository" else 1
        one_hot = affine == "lesson" and i % 3 != 0
        t = m.labels(1, w[-1], True)[0] if one_hot else m.labels(batch, w[-1], False)
        s = m.net(w, acts=m.acts(n), affine=affine, x=x, t=t)
        out.append(("vec", s, False))

    # The lesson's (2,) input through the lesson's net with the repository's Affine.
    lesson_x = [0.057618, 0.04088931]
    lesson_W = [[0.07086644, 0.71153285, 0.0462262], [0.35796734, 0.58845011, 0.47938425]]
    out.append(("vec", {"x": lesson_x, "W1": lesson_W, "b1": [0.1, -0.2, 0.3], "W2": [[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]],
                        "b2": [0.0, 0.1], "affine": "repository", "t": [1, 0]}, False))
    out.append(("vec", {"x": lesson_x, "W1": [lesson_W[0]], "b1": [0.1, -0.2, 0.3], "W2": [[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]],
                        "b2": [0.0, 0.1], "affine": "repository", "t": [1, 0]}, False))

    # Forward mismatches: a W whose rows do not match, or a bias that does not broadcast, at a random layer.
    for i in range(24):
        n = 1 + i % 4
        w = m.widths(n, 2, 5)
        s = m.net(w, acts=m.acts(n), affine="repository" if i % 3 == 0 else None, batch=int(m.rng.integers(1, 5)))
        k = 1 + int(m.rng.integers(0, n))
        if i % 2 == 0:
            rows = w[k - 1] + 1 + int(m.rng.integers(0, 2))
            s["W%d" % k] = m.normal(rows, w[k]).tolist()
        else:
            s["b%d" % k] = m.normal(w[k] + 1 + int(m.rng.integers(0, 2))).tolist()
        out.append(("fwd", s, False))

    # Backward mismatches: a 2-D bias that grows the batch, a bias that widens a (1, 1) product, a 1-D x deeper down.
    for i in range(18):
        n = 1 + i % 4
        w = m.widths(n, 2, 4)
        kind = i % 3
        if kind == 0:    # batch of 1, bias (m, h) at layer k: forward broadcasts, dW cannot
            batch, grow = 1, int(m.rng.integers(2, 4))
            s = m.net(w, acts=m.acts(n), affine="repository" if i % 2 else None, batch=batch,
                      t=m.labels(grow, w[-1], bool(i % 2)))
            k = 1 + int(m.rng.integers(0, n))
            s["b%d" % k] = m.normal(grow, w[k]).tolist()
        elif kind == 1:  # W_k with one column and a longer bias: (batch, 1) + (c,) broadcasts to (batch, c)
            w[-1] = int(m.rng.integers(2, 4))
            batch = int(m.rng.integers(1, 3))
            s = m.net(w, acts=m.acts(n), batch=batch, t=m.labels(batch, w[-1], bool(i % 2)))
            s["W%d" % n] = m.normal(w[n - 1], 1).tolist()
        else:            # 1-D x through the lesson's Affine: forward works, some dW does not
            x = m.normal(w[0]).tolist()
            s = m.net(w, acts=m.acts(n), x=x, t=m.labels(1, w[-1], True)[0])
        out.append(("bwd", s, False))

    # Sigmoid saturates and overflows: NumPy warns "overflow encountered in exp", the output is exactly 0 or 1.
    for i in range(10):
        n = 2 + i % 3
        w = m.widths(n, 2, 4)
        batch = int(m.rng.integers(1, 4))
        s = m.net(w, acts=["sigmoid"] * (n - 1) if i % 2 == 0 else m.acts(n), affine="repository" if i % 4 == 1 else None,
                  batch=batch, scale=3000.0 if i < 7 else 30.0, t=m.labels(batch, w[-1], bool(i % 2)))
        out.append(("sig", s, False))

    # A 0-D x: the repository's x.shape[0] raises; the lesson's np.dot scales W by it.
    for i in range(4):
        n = 1 + i % 2
        w = [int(m.rng.integers(1, 4)), int(m.rng.integers(1, 4)), int(m.rng.integers(2, 4))][: n + 1]
        s = m.net(w, acts=m.acts(n), affine="repository" if i < 2 else None, x=float(m.normal(1)[0]),
                  t=m.labels(w[0], w[-1], False))
        out.append(("scalar", s, False))

    # The repository's dx.reshape(*original_x_shape): a 1-D W makes a 1-D output, whose dx cannot take x's shape back.
    for i in range(8):
        d = int(m.rng.integers(2, 4))
        batch = d if i % 2 == 0 else d + 1
        c = int(m.rng.integers(2, 4))
        s = {"x": m.normal(batch, d).tolist(), "W1": m.normal(d).tolist(), "b1": float(m.normal(1)[0]),
             "W2": m.normal(1, c).tolist(), "b2": m.normal(c).tolist()}
        if i % 4 >= 2:
            s["activations"] = ["sigmoid"]
        s["affine"] = "repository"
        s["t"] = m.labels(batch, c, bool(i % 3 == 0))
        out.append(("reshape", s, False))

    # Targets the loss refuses: a label beyond the classes, a one-hot t of another batch or width.
    for i in range(10):
        n = 1 + i % 3
        w = m.widths(n, 2, 4)
        batch = int(m.rng.integers(2, 4))
        s = m.net(w, acts=m.acts(n), affine="repository" if i % 2 else None, batch=batch)
        if i % 3 == 0:
            s["t"] = [w[-1] + int(m.rng.integers(0, 3))] + m.labels(batch - 1, w[-1], False)
        elif i % 3 == 1:
            s["t"] = m.labels(batch + 1, w[-1], True)
        else:
            s["t"] = m.labels(batch, w[-1] + 1, True)
        out.append(("label", s, False))
    return out


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED_DIR)
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args()
    if not check_shared(args.shared):
        print("the shared deep cases are not reproduced: nothing written")
        return 1
    if args.check_only:
        return 0
    os.makedirs(OUT_DIR, exist_ok=True)
    for old in glob.glob(os.path.join(OUT_DIR, "deep-*.json")):
        os.remove(old)
    counts, outcomes = {}, {"complete": 0, "forward error": 0, "backward error": 0}
    for kind, scenario, gradcheck in cases():
        counts[kind] = counts.get(kind, 0) + 1
        name = "deep-%s-%03d" % (kind, counts[kind] - 1)
        expected = expected_for(scenario, gradcheck)
        err = expected.get("error")
        outcomes["complete" if err is None else err["phase"] + " error"] += 1
        write_json(os.path.join(OUT_DIR, name + ".json"), scenario)
        write_json(os.path.join(OUT_DIR, name + ".expected.json"), expected)
    print("wrote %d cases to %s: %s; %s" % (sum(counts.values()), OUT_DIR, counts, outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
