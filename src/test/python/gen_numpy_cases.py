#!/usr/bin/env python3
"""Generate NumPy ground-truth test data for the Backprop Visualizer engine.

The Java engine must reproduce NumPy exactly (values and error messages) for the
two-layer net of "Deep Learning from Scratch", chapter 5:

    x -> Affine1 -> ReLU1 -> Affine2 -> SoftmaxWithLoss(t)

This script runs that net with NumPy on many scenarios and writes, into
src/test/resources/numpy/:

  np-<kind>-<nnn>.json           a scenario: x, W1, b1, W2, b2, t (JSON nesting = rank)
  np-<kind>-<nnn>.expected.json  what NumPy computed for it (same format as the shared
                                 reference cases, plus gradcheck / gradcheck_numerical / sgd)
  ops.json                       single NumPy operations (dot, +, -, .T, sum(axis=0))

Before writing anything it replays the shared reference cases (if the folder exists)
and checks that this implementation reproduces every one of them.

Usage (from the repository root):

    python3 src/test/python/gen_numpy_cases.py [--shared DIR] [--check-only]

The output is deterministic: fixed seeds, no timestamps, stable key order.
Java tests read the committed files and never need Python.
"""

import argparse
import glob
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT_DIR = os.path.join(REPO, "src", "test", "resources", "numpy")
DEFAULT_SHARED_DIR = "/work/shared/reference-cases"

SEED = 20240605          # seed for the network scenarios
OPS_SEED = 7             # seed for ops.json
H_NUM = 1e-4             # step of the central-difference numerical gradient
LR = 0.1                 # learning rate of the one SGD step
PARAM_NAMES = ("W1", "b1", "W2", "b2")


# ---------------------------------------------------------------------------
# The lesson's layers, written exactly as the book/lesson does (order matters:
# it decides which values exist when NumPy raises).
# ---------------------------------------------------------------------------

def softmax(x):
    """Book's common/functions.py softmax: subtract the row max, then normalise."""
    x = x - np.max(x, axis=-1, keepdims=True)
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """Book's cross-entropy: 1-D inputs become one row; one-hot t becomes labels."""
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size


class Affine:
    """out = x.W + b, without the book's later reshape of x."""

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        # Same order as the lesson: dx first, then dW, then db.  If dW raises, dx was
        # computed but the node as a whole failed, so the caller lists nothing of it.
        dx = np.dot(dout, self.W.T)
        dW = np.dot(self.x.T, dout)
        db = np.sum(dout, axis=0)
        return dx, dW, db


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()          # never mutate the incoming gradient
        dx[self.mask] = 0
        return dx


class SoftmaxWithLoss:
    """Only the backward lives here; the forward is run step by step by run_network so
    that a failure is attributed to the `softmax` or the `loss` node."""

    def __init__(self):
        self.y = None
        self.t = None

    def backward(self, dout=1):
        batch_size = self.t.shape[0]          # the ORIGINAL t, not its argmax
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


# ---------------------------------------------------------------------------
# Loading, error classification, JSON conversion.
# ---------------------------------------------------------------------------

def load_arrays(scenario):
    """x, W1, b1, W2, b2 as float arrays; t as NumPy infers it from the JSON
    (ints written as ints -> int64, anything written with a decimal point -> float64)."""
    arrs = {k: np.array(scenario[k], dtype=float) for k in ("x",) + PARAM_NAMES}
    arrs["t"] = np.array(scenario["t"])
    return arrs


def error_message(exc):
    """NumPy's message verbatim: str(exc), trailing space included (the broadcast messages end with one)."""
    return str(exc)


def error_kind(exc):
    """The Python exception class NumPy raised: ValueError, IndexError, AxisError, TypeError, ..."""
    return type(exc).__name__


def error_category(exc):
    """'shape' for np.dot alignment and broadcasting errors (the operands' own shapes disagree), else 'other'."""
    msg = str(exc)
    if isinstance(exc, ValueError):
        if msg.startswith("shapes ") and " not aligned: " in msg:
            return "shape"
        if msg.startswith("operands could not be broadcast together"):
            return "shape"
        if msg.startswith("non-broadcastable output operand"):
            return "shape"
    return "other"


def legacy_error(error):
    """An error record as the shared reference cases write it: message with its trailing space stripped, and
    kind 'shape' in place of the class for shape errors (no category)."""
    return {"node": error["node"], "phase": error["phase"], "message": error["message"].rstrip(),
            "kind": "shape" if error["category"] == "shape" else error["kind"]}


def to_json(value):
    """ndarray -> nested lists, NumPy scalar / 0-d array -> plain Python number."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


# ---------------------------------------------------------------------------
# One full forward + backward pass, recording what was computed before any error.
# ---------------------------------------------------------------------------

def run_network(arrs):
    """Returns (record, grads) where record is the expected.json core
    ({forward, backward, grads[, error]}) and grads the raw NumPy gradients
    (complete only if no error occurred)."""
    forward, backward, grads = {}, {}, {}
    record = {"forward": forward, "backward": backward, "grads": grads}

    affine1 = Affine(arrs["W1"], arrs["b1"])
    relu1 = Relu()
    affine2 = Affine(arrs["W2"], arrs["b2"])
    last = SoftmaxWithLoss()

    node, phase = None, "forward"
    try:
        node = "affine1"
        a1 = affine1.forward(arrs["x"])
        forward["affine1"] = a1
        node = "relu1"
        z1 = relu1.forward(a1)
        forward["relu1"] = z1
        node = "affine2"
        a2 = affine2.forward(z1)
        forward["affine2"] = a2
        node = "softmax"
        last.t = arrs["t"]
        last.y = softmax(a2)
        forward["softmax"] = last.y
        node = "loss"
        forward["loss"] = cross_entropy_error(last.y, last.t)

        phase = "backward"
        node = "softmax"
        da2 = last.backward(1)
        backward["softmax"] = da2
        node = "affine2"
        dz1, grads["W2"], grads["b2"] = affine2.backward(da2)
        backward["affine2"] = dz1
        node = "relu1"
        da1 = relu1.backward(dz1)
        backward["relu1"] = da1
        node = "affine1"
        dx, grads["W1"], grads["b1"] = affine1.backward(da1)
        backward["affine1"] = dx
    except Exception as exc:  # NumPy raised: record where and what
        record["error"] = {"node": node, "phase": phase, "message": error_message(exc),
                           "kind": error_kind(exc), "category": error_category(exc)}

    raw_grads = dict(grads)
    for section in (forward, backward, grads):
        for key in section:
            section[key] = to_json(section[key])
    return record, raw_grads


def forward_loss(arrs):
    """The loss of the same forward pass (used by the numerical gradient)."""
    a1 = Affine(arrs["W1"], arrs["b1"]).forward(arrs["x"])
    z1 = Relu().forward(a1)
    a2 = Affine(arrs["W2"], arrs["b2"]).forward(z1)
    return cross_entropy_error(softmax(a2), arrs["t"])


def numerical_gradient(loss_fn, param, h=H_NUM):
    """Central differences, one element at a time, restoring each element afterwards.
    `param` is modified in place while probing (as in the book), so loss_fn must read it."""
    grad = np.zeros_like(param)
    for idx in np.ndindex(param.shape):       # () for a 0-d array: one probe
        original = param[idx]
        param[idx] = float(original) + h
        loss_plus = loss_fn()
        param[idx] = float(original) - h
        loss_minus = loss_fn()
        param[idx] = original
        grad[idx] = (loss_plus - loss_minus) / (2 * h)
    return grad


def expected_for(scenario, extras=True):
    """Everything that goes into NAME.expected.json."""
    arrs = load_arrays(scenario)
    record, grads = run_network(arrs)
    if not extras or "error" in record:
        return record

    # Gradient check against the book's numerical gradient.
    probe = load_arrays(scenario)             # fresh copies, perturbed in place
    gradcheck, numerical = {}, {}
    for name in PARAM_NAMES:
        num = numerical_gradient(lambda: forward_loss(probe), probe[name])
        numerical[name] = to_json(num)
        try:
            gradcheck[name] = float(np.abs(grads[name] - num).max())
        except Exception:
            pass                                # shapes not broadcastable: omit the key
    record["gradcheck"] = gradcheck
    record["gradcheck_numerical"] = numerical

    # One SGD step with in-place NumPy semantics: param -= lr * grad.
    sgd = {}
    for name in PARAM_NAMES:
        param = load_arrays(scenario)[name]
        try:
            param -= LR * grads[name]
            sgd[name] = to_json(param)
        except Exception as exc:
            sgd[name] = {"error": error_message(exc)}
    record["sgd"] = sgd
    return record


# ---------------------------------------------------------------------------
# Check against the shared reference cases.
# ---------------------------------------------------------------------------

def compare(ours, theirs, path, problems, stats, rel_tol=1e-12):
    """Structural comparison; numbers within rel_tol relative, everything else equal."""
    if isinstance(theirs, dict):
        if not isinstance(ours, dict):
            problems.append(f"{path}: expected an object")
            return
        if list(ours.keys()) != list(theirs.keys()):
            problems.append(f"{path}: keys {list(ours.keys())} != {list(theirs.keys())}")
        for key in theirs:
            if key in ours:
                compare(ours[key], theirs[key], f"{path}.{key}", problems, stats, rel_tol)
    elif isinstance(theirs, list):
        if not isinstance(ours, list) or len(ours) != len(theirs):
            problems.append(f"{path}: shape differs")
            return
        for i, (a, b) in enumerate(zip(ours, theirs)):
            compare(a, b, f"{path}[{i}]", problems, stats, rel_tol)
    elif isinstance(theirs, (int, float)) and not isinstance(theirs, bool):
        if isinstance(ours, (list, dict, str)) or ours is None:
            problems.append(f"{path}: expected a number")
            return
        stats["numbers"] += 1
        if ours == theirs:
            stats["exact"] += 1
            return
        rel = abs(ours - theirs) / max(abs(ours), abs(theirs))
        stats["max_rel"] = max(stats["max_rel"], rel)
        if rel > rel_tol:
            problems.append(f"{path}: {ours!r} != {theirs!r} (rel {rel:.3g})")
    else:
        if ours != theirs:
            problems.append(f"{path}: {ours!r} != {theirs!r}")


def check_shared(shared_dir):
    files = sorted(glob.glob(os.path.join(shared_dir, "*.expected.json")))
    if not files:
        print(f"[check] no shared reference cases in {shared_dir}; skipped")
        return True
    stats = {"numbers": 0, "exact": 0, "max_rel": 0.0}
    failed = []
    for exp_path in files:
        scen_path = exp_path[: -len(".expected.json")] + ".json"
        with open(scen_path) as f:
            scenario = json.load(f)
        with open(exp_path) as f:
            expected = json.load(f)
        ours = expected_for(scenario, extras=False)
        if "error" in ours:                     # the shared cases keep the older form of an error
            ours["error"] = legacy_error(ours["error"])
        problems = []
        compare(ours, expected, os.path.basename(exp_path), problems, stats)
        if problems:
            failed.append((os.path.basename(exp_path), problems))
    print(f"[check] shared reference cases: {len(files)} files, "
          f"{len(files) - len(failed)} reproduced, {len(failed)} differ; "
          f"{stats['numbers']} numbers compared, {stats['exact']} bit-identical, "
          f"max relative difference {stats['max_rel']:.3g}")
    for name, problems in failed:
        print(f"[check]   {name}:")
        for p in problems[:10]:
            print(f"[check]     {p}")
    return not failed


# ---------------------------------------------------------------------------
# Scenario construction helpers.
# ---------------------------------------------------------------------------

rng = np.random.default_rng(SEED)


def r6(a):
    """Round to 6 decimals like the shared cases; +0.0 turns -0.0 into 0.0."""
    return (np.round(np.asarray(a, dtype=float), 6) + 0.0).tolist()


def randn(*shape, scale=1.0):
    return r6(rng.standard_normal(shape) * scale)


def uniform(*shape):
    return r6(rng.random(shape))


def zeros(*shape):
    return np.zeros(shape).tolist()


def labels(n, c):
    return rng.integers(0, c, size=n).tolist()


def onehot(label_list, c):
    return [[1 if j == k else 0 for j in range(c)] for k in label_list]


def dims(lo=2, hi=6):
    """Random (N, D, H, C) with N in 1..hi and the rest in lo..hi."""
    n = int(rng.integers(1, hi + 1))
    d, h, c = (int(v) for v in rng.integers(lo, hi + 1, size=3))
    return n, d, h, c


def scen(x, W1, b1, W2, b2, t):
    return {"x": x, "W1": W1, "b1": b1, "W2": W2, "b2": b2, "t": t}


def plain(n, d, h, c, t=None):
    """A generic random net (std 1 weights, random biases), one-hot t by default."""
    if t is None:
        t = onehot(labels(n, c), c)
    return scen(randn(n, d), randn(d, h), randn(h), randn(h, c), randn(c), t)


# ---------------------------------------------------------------------------
# The scenarios, grouped by kind.  Each builder returns a list of scenario dicts.
# ---------------------------------------------------------------------------

def kind_book():
    """Book-style init: weights 0.01 * N(0,1), zero biases, inputs in [0,1), one-hot t.
    A draw that puts an affine1 output within 2h*max(1,|x|) of the ReLU kink is redrawn:
    central differences across a kink are not a test of the gradient."""
    cases = []
    for i in range(20):
        n = i % 10 + 1
        while True:
            d, h, c = (int(v) for v in rng.integers(2, 11, size=3))
            x, W1 = uniform(n, d), randn(d, h, scale=0.01)
            a1 = np.dot(np.array(x), np.array(W1))
            margin = 2 * H_NUM * max(1.0, float(np.abs(np.array(x)).max()))
            if np.abs(a1).min() > margin:
                break
        cases.append(scen(x, W1, zeros(h), randn(h, c, scale=0.01), zeros(c),
                          onehot(labels(n, c), c)))
    return cases


def kind_label():
    """Integer labels t (1-D ints)."""
    cases = []
    for _ in range(3):                            # random labels, one forced to C-1
        n, d, h, c = dims()
        n = max(n, 2)
        t = labels(n, c)
        t[int(rng.integers(0, n))] = c - 1
        cases.append(plain(n, d, h, c, t=t))
    n, d, h, c = 4, 3, 4, 5                        # every label at the edge C-1
    cases.append(plain(n, d, h, c, t=[c - 1] * n))
    n, d, h, c = 1, 4, 3, 3                        # batch of one, label [k]
    cases.append(plain(n, d, h, c, t=[2]))
    n, d, h, c = 3, 3, 4, 3                        # label == C: IndexError in the loss
    cases.append(plain(n, d, h, c, t=[0, 3, 1]))
    n, d, h, c = 2, 2, 3, 4                        # label far beyond C
    cases.append(plain(n, d, h, c, t=[10, 1]))
    return cases


def kind_bias():
    """Bias shapes other than (H,) that broadcast fine."""
    cases = []
    n, d, h, c = 3, 4, 5, 3                        # b1 (1,H)
    cases.append(scen(randn(n, d), randn(d, h), randn(1, h), randn(h, c), randn(c),
                      onehot(labels(n, c), c)))
    n, d, h, c = 1, 3, 4, 2                        # b1 (1,H), batch 1
    cases.append(scen(randn(n, d), randn(d, h), randn(1, h), randn(h, c), randn(c),
                      onehot(labels(n, c), c)))
    n, d, h, c = 4, 2, 3, 4                        # b1 (1,H) and b2 (1,C)
    cases.append(scen(randn(n, d), randn(d, h), randn(1, h), randn(h, c), randn(1, c),
                      onehot(labels(n, c), c)))
    n, d, h, c = 2, 3, 3, 3                        # b2 (1,C) only, integer labels
    cases.append(scen(randn(n, d), randn(d, h), randn(h), randn(h, c), randn(1, c),
                      labels(n, c)))
    n, d, h, c = 3, 2, 4, 3                        # b1 (N,H): one bias row per sample
    cases.append(scen(randn(n, d), randn(d, h), randn(n, h), randn(h, c), randn(c),
                      onehot(labels(n, c), c)))
    n, d, h, c = 3, 4, 3, 2                        # b1 (1,1) with H > 1
    cases.append(scen(randn(n, d), randn(d, h), randn(1, 1), randn(h, c), randn(c),
                      onehot(labels(n, c), c)))
    return cases


def kind_vec():
    """1-D x: the forward works; the backward dW = x.T . dout is a 1-D.1-D dot."""
    cases = []

    def vec(d, h, c, t=None):
        if t is None:
            t = onehot([int(rng.integers(0, c))], c)[0]
        return scen(randn(d), randn(d, h), randn(h), randn(h, c), randn(c), t)

    cases.append(vec(4, 3, 2))                    # H != C: affine2 dW fails
    cases.append(vec(5, 3, 3))                    # H == C, D != H: affine1 dW fails
    cases.append(vec(3, 3, 3))                    # D == H == C: scalar dW1, dW2
    cases.append(vec(4, 4, 4))                    # again, size 4
    cases.append(vec(2, 2, 3))                    # D == H, H != C: affine2 dW fails
    cases.append(vec(1, 1, 2))                    # length-1 x
    cases.append(vec(3, 3, 3, t=[0.2, 0.5, 0.3]))  # 1-D soft target, all succeed
    return cases


def kind_dot():
    """np.dot alignment errors in the forward, every reachable (rank, rank) pair."""
    cases = []
    # affine1: x . W1
    cases.append(scen(randn(3, 4), randn(5, 3), randn(3), randn(3, 2), randn(2), onehot([0, 1, 1], 2)))
    cases.append(scen(randn(4), randn(3, 4), randn(4), randn(4, 2), randn(2), [0, 1]))
    cases.append(scen(randn(3, 4), randn(5), randn(3), randn(3, 2), randn(2), onehot([1, 0, 1], 2)))
    cases.append(scen(randn(4), randn(5), randn(3), randn(3, 2), randn(2), [1, 0]))
    # affine2: relu1 . W2, with relu1 of rank 2 or 1
    cases.append(scen(randn(2, 3), randn(3, 4), randn(4), randn(3, 2), randn(2), onehot([0, 1], 2)))
    cases.append(scen(randn(3), randn(3, 4), randn(4), randn(5, 2), randn(2), [0, 1]))
    cases.append(scen(randn(2, 3), randn(3, 4), randn(4), randn(3), randn(2), onehot([1, 1], 2)))
    cases.append(scen(randn(3), randn(3, 4), randn(4), randn(2), randn(2), [1, 0]))
    return cases


def kind_bcast():
    """Bias broadcasting errors (and one bias shape that silently changes the batch)."""
    cases = []
    cases.append(scen(randn(3, 2), randn(2, 4), randn(3), randn(4, 2), randn(2), onehot([0, 1, 0], 2)))
    cases.append(scen(randn(1, 3), randn(3, 4), randn(2), randn(4, 3), randn(3), onehot([2], 3)))
    cases.append(scen(randn(2, 3), randn(3, 3), randn(3), randn(3, 4), randn(5), onehot([3, 0], 4)))
    cases.append(scen(randn(3, 2), randn(2, 4), randn(2, 4), randn(4, 2), randn(2), onehot([0, 0, 1], 2)))
    cases.append(scen(randn(3, 2), randn(2, 4), randn(4, 1), randn(4, 2), randn(2), onehot([1, 0, 1], 2)))
    # (1,H) + (H,1) -> (H,H): the batch grows from 1 to H, then t no longer fits
    cases.append(scen(randn(1, 2), randn(2, 4), randn(4, 1), randn(4, 3), randn(3), onehot([1], 3)))
    cases.append(scen(randn(2, 3), randn(3, 3), randn(3), randn(3, 3), randn(3, 1), onehot([1, 2], 3)))
    cases.append(scen(randn(3), randn(3, 4), randn(3), randn(4, 2), randn(2), [0, 1]))
    return cases


def kind_huge():
    """Scores in the thousands: softmax saturates to exact 0 and 1."""
    cases = []
    n, d, h, c = 3, 4, 5, 3                        # t on random classes
    cases.append(scen(randn(n, d, scale=1000.0), randn(d, h), randn(h), randn(h, c),
                      randn(c), onehot(labels(n, c), c)))
    # t on the winning class (y == 1 exactly: loss = -log(1 + 1e-7) < 0)
    x, W1, b1, W2, b2 = randn(2, 3, scale=1000.0), randn(3, 4), randn(4), randn(4, 3), randn(3)
    s = Affine(np.array(W2), np.array(b2)).forward(
        Relu().forward(Affine(np.array(W1), np.array(b1)).forward(np.array(x))))
    cases.append(scen(x, W1, b1, W2, b2, onehot(np.argmax(s, axis=1).tolist(), 3)))
    # t on the losing class (y == 0 exactly: loss = -log(1e-7))
    cases.append(scen(x, W1, b1, W2, b2, onehot(np.argmin(s, axis=1).tolist(), 3)))
    n, d, h, c = 4, 2, 3, 4                        # huge scores, integer labels
    cases.append(scen(randn(n, d, scale=3000.0), randn(d, h), randn(h), randn(h, c),
                      randn(c), labels(n, c)))
    # a tie between two huge scores: two classes get exactly 0.5
    cases.append(scen([[2000.0, 1000.0]], [[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0],
                      [[1.0, 1.0, 0.5], [1.0, 1.0, -1.0]], [0.0, 0.0, 0.0], [[0, 1, 0]]))
    return cases


def kind_soft():
    """Soft targets (rows sum to 1, not one-hot): the loss uses argmax, backward y - t."""
    def soft_rows(n, c, denom=20):
        rows = []
        for _ in range(n):
            counts = rng.multinomial(denom, np.ones(c) / c)
            rows.append([float(k) / denom for k in counts])
        return rows

    cases = []
    for _ in range(2):
        n, d, h, c = dims()
        cases.append(plain(n, d, h, c, t=soft_rows(n, c)))
    n, d, h, c = 1, 3, 4, 4                        # single row
    cases.append(plain(n, d, h, c, t=soft_rows(n, c)))
    n, d, h, c = 3, 2, 3, 3                        # label smoothing
    cases.append(plain(n, d, h, c, t=[[0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9]]))
    n, d, h, c = 2, 3, 3, 3                        # ties: argmax picks the first maximum
    cases.append(plain(n, d, h, c, t=[[0.5, 0.5, 0.0], [0.0, 0.4, 0.6]]))
    return cases


def kind_zeros():
    """Entries exactly 0 at the ReLU input (mask uses x <= 0, so 0 is masked)."""
    cases = []
    # a zero x row with zero b1: that whole row of affine1 is 0
    x = randn(3, 3)
    x[1] = [0.0, 0.0, 0.0]
    cases.append(scen(x, randn(3, 4), zeros(4), randn(4, 2), randn(2), onehot([0, 1, 1], 2)))
    # a zero W1 column with a zero b1 entry: that column of affine1 is 0
    W1 = randn(2, 4)
    for row in W1:
        row[2] = 0.0
    b1 = randn(4)
    b1[2] = 0.0
    cases.append(scen(randn(3, 2), W1, b1, randn(4, 3), randn(3), onehot([2, 0, 1], 3)))
    # all-zero W1 and b1: relu1 is all 0, affine2 == b2
    cases.append(scen(randn(2, 3), zeros(3, 3), zeros(3), randn(3, 2), randn(2), onehot([1, 0], 2)))
    # exact cancellations with binary fractions: 0.5 - 0.5 and 0.75 - 0.75
    cases.append(scen([[1.0, 1.0], [0.5, 0.25]], [[0.5, 0.5, 1.0], [-0.5, 1.0, -2.0]],
                      [0.0, -0.75, 0.0], [[1.0, -1.0], [0.5, 0.25], [-0.5, 2.0]], [0.0, 0.0],
                      onehot([0, 1], 2)))
    # zero W2 and b2: every score 0, softmax uniform 1/C
    cases.append(scen(randn(2, 3), randn(3, 2), randn(2), zeros(2, 4), zeros(4), onehot([3, 1], 4)))
    # 1-D zero x with zero b1
    cases.append(scen(zeros(3), randn(3, 3), zeros(3), randn(3, 3), randn(3), [0, 0, 1]))
    return cases


def kind_pitfall():
    """Odd but legal-looking inputs where NumPy does something surprising."""
    cases = []
    # y (1,C) with a 1-D one-hot t: t.size == y.size, argmax(axis=1) on 1-D -> AxisError
    cases.append(scen(randn(1, 3), randn(3, 4), randn(4), randn(4, 3), randn(3), [0, 1, 0]))
    # 1-D y with integer label [k]: loss works, backward dx[arange(1), t] -> too many indices
    cases.append(scen(randn(3), randn(3, 3), randn(3), randn(3, 3), randn(3), [2]))
    # integer labels with the wrong batch: fancy indexing shape mismatch in the loss
    cases.append(plain(3, 2, 3, 4, t=[1, 2]))
    # one-hot t with the wrong batch (C != N): treated as labels, shape mismatch
    cases.append(plain(3, 2, 3, 4, t=onehot([1, 2], 4)))
    # one-hot t with the wrong batch and C == N: the loss "works", backward fails
    cases.append(plain(3, 2, 4, 3, t=onehot([1, 2], 3)))
    # t of shape (C,1) with y (1,C): same size, loss works, y - t is (C,C)
    cases.append(plain(1, 2, 3, 3, t=[[0], [1], [0]]))
    # integer labels as a column (N,1): y[arange(N), t] broadcasts to (N,N)
    cases.append(plain(3, 2, 3, 4, t=[[1], [0], [3]]))
    # t (3,2) for y (2,3): same size, argmax gives 3 labels for a batch of 2
    cases.append(plain(2, 2, 3, 3, t=[[1, 0], [0, 1], [1, 0]]))
    # t (2,2) for y (1,4): loss works, backward y - t cannot broadcast
    cases.append(plain(1, 3, 2, 4, t=[[0, 1], [0, 0]]))
    # t (1,6) for y (2,3): argmax 1 < 3, loss works, backward y - t cannot broadcast
    cases.append(plain(2, 2, 3, 3, t=[[0, 1, 0, 0, 0, 0]]))
    # rank-0 (scalar) biases: forward broadcasts, db has shape (H,), SGD in place fails
    cases.append(scen(randn(3, 2), randn(2, 4), 0.5, randn(4, 3), randn(3), onehot([0, 2, 1], 3)))
    cases.append(scen(randn(2, 3), randn(3, 3), randn(3), randn(3, 2), -0.25, onehot([1, 0], 2)))
    cases.append(scen(randn(2, 2), randn(2, 3), 0.1, randn(3, 3), 0.2, [2, 1]))
    # rank-0 t: the loss works, backward self.t.shape[0] -> tuple index out of range
    cases.append(plain(1, 3, 3, 4, t=2))
    cases.append(scen(randn(3), randn(3, 4), randn(4), randn(4, 3), randn(3), 1))
    # negative labels: -1 wraps to the last class; -C-1 is out of bounds
    cases.append(plain(2, 3, 4, 3, t=[-1, 0]))
    cases.append(plain(2, 3, 4, 3, t=[1, -4]))
    # labels written as floats: arrays used as indices must be integers
    cases.append(plain(2, 3, 3, 3, t=[0.0, 2.0]))
    # 1-D x . 1-D W1 gives a NumPy scalar; + 0-d b1 keeps it a scalar; relu's
    # out[mask] = 0 on numpy.float64 -> TypeError
    cases.append(scen(randn(3), randn(3), 0.5, randn(3), randn(3), [1, 0, 0]))
    # 1-D x . 1-D W1 + b1 (H,) -> (H,); with H == D everything is a scalar dot
    cases.append(scen(randn(3), randn(3), randn(3), randn(3, 3), randn(3), [0, 0, 1]))
    # 1-D x . 1-D W1 + b1 (H,) with H != D: affine1 backward fails already in dx
    cases.append(scen(randn(3), randn(3), randn(4), randn(4, 2), randn(2), [0, 1]))
    # scalar W2: dot(z1, s) == z1 * s, dW2 comes back (H,H); SGD in place fails
    cases.append(scen(randn(2, 3), randn(3, 3), randn(3), 0.75, randn(3), onehot([0, 2], 3)))
    # a single class: y == 1 exactly, loss = -log(1 + 1e-7) < 0, all gradients 0
    cases.append(plain(2, 2, 3, 1, t=[[1], [1]]))
    return cases


def kind_verbatim():
    """NumPy's messages to the last character: its broadcasting messages end with a space."""
    cases = []
    # affine1: np.dot(x, W1) (1,2) + b1 (3,)
    cases.append(scen(randn(1, 2), randn(2, 2), randn(3), randn(2, 3), randn(3), onehot([1], 3)))
    # affine2: np.dot(z1, W2) (2,3) + b2 (2,)
    cases.append(scen(randn(2, 3), randn(3, 4), randn(4), randn(4, 3), randn(2), onehot([0, 2], 3)))
    # the loss: y[np.arange(2), t] with 3 labels
    cases.append(plain(2, 3, 4, 3, t=[1, 0, 2]))
    # softmax backward: (y - t) with y (1,4) and t (2,2) (same size, so the loss takes argmax)
    cases.append(plain(1, 3, 2, 4, t=[[0, 1], [1, 0]]))
    # affine1 backward: np.dot(dout, W1.T) fine, then dW1 = np.dot(x.T, dout) fails (x (3,), dout (4,))
    cases.append(scen(randn(3), randn(3, 4), randn(4), randn(4, 4), randn(4), [0, 0, 1, 0]))
    # b1 (1,1): the forward broadcasts; db1 (4,) cannot go back into b1 in place (SGD's message)
    cases.append(scen(randn(2, 3), randn(3, 4), randn(1, 1), randn(4, 3), randn(3), onehot([2, 0], 3)))
    return cases


def kind_tlabel():
    """A 1-D (or 0-d) t of labels as the book's cross_entropy_error and SoftmaxWithLoss.backward take it:
    -1 is the last class; a float t cannot index (IndexError at the loss); out-of-range labels."""
    cases = []
    cases.append(plain(2, 3, 4, 3, t=[-1, 0]))             # -1 is the last class
    cases.append(plain(3, 2, 3, 3, t=[2, -1, -3]))         # -3 is the first of three
    cases.append(plain(1, 3, 2, 4, t=[-1]))                # a batch of one
    cases.append(scen(randn(3), randn(3, 4), randn(4), randn(4, 3), randn(3), [-1]))  # 1-D y: backward fails
    cases.append(plain(2, 3, 4, 3, t=[0.5, 1.5]))          # float labels: IndexError at the loss
    cases.append(plain(2, 3, 4, 3, t=[-1.0, 0.0]))         # whole but float: the same IndexError
    cases.append(plain(1, 2, 3, 3, t=1.5))                 # a 0-d float t
    cases.append(plain(2, 3, 4, 3, t=[0, 5]))              # out of range
    cases.append(plain(2, 3, 4, 3, t=[-4, 1]))             # out of range, negative
    cases.append(plain(1, 2, 3, 3, t=[-0.5, 0.5, 1.0]))    # t.size == y.size: argmax(axis=1) of a 1-D t
    cases.append(scen(randn(3), randn(3, 3), randn(3), randn(3, 3), randn(3), [0.2, -0.3, 1.1]))  # 1-D y, 1-D soft t
    cases.append(scen(randn(3), randn(3, 3), randn(3), randn(3, 3), randn(3), [0.5]))  # 1-D y, one float label
    cases.append(plain(1, 3, 3, 4, t=-1))                  # a 0-d int t: the loss works, the backward's t.shape[0] fails
    return cases


KINDS = [
    ("book", kind_book),
    ("label", kind_label),
    ("bias", kind_bias),
    ("vec", kind_vec),
    ("dot", kind_dot),
    ("bcast", kind_bcast),
    ("huge", kind_huge),
    ("soft", kind_soft),
    ("zeros", kind_zeros),
    ("pitfall", kind_pitfall),
    ("verbatim", kind_verbatim),
    ("tlabel", kind_tlabel),
]


# ---------------------------------------------------------------------------
# ops.json: single NumPy operations.
# ---------------------------------------------------------------------------

def ops_cases():
    ops_rng = np.random.default_rng(OPS_SEED)

    def arr(*shape):
        """Values with 3 decimals (for shape () a 0-d array)."""
        return np.round(ops_rng.uniform(-2.0, 2.0, size=shape), 3) + 0.0

    def enc(a):
        a = np.asarray(a)
        return {"shape": list(a.shape), "data": a.ravel().tolist()}

    unary = {"T": lambda a: a.T, "sum0": lambda a: np.sum(a, axis=0)}
    binary = {"dot": np.dot, "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "isub": isub}

    specs = [
        # np.dot: 0-D with anything is a multiplication
        ("dot", (), ()), ("dot", (), (3,)), ("dot", (3,), ()), ("dot", (), (2, 3)),
        ("dot", (2, 3), ()),
        # 1-D . 1-D -> scalar
        ("dot", (3,), (3,)), ("dot", (1,), (1,)), ("dot", (2,), (3,)), ("dot", (4,), (1,)),
        # 1-D . 2-D
        ("dot", (2,), (2, 3)), ("dot", (1,), (1, 4)), ("dot", (2,), (3, 2)),
        ("dot", (3,), (1, 3)),
        # 2-D . 1-D
        ("dot", (2, 3), (3,)), ("dot", (3, 1), (1,)), ("dot", (2, 3), (2,)),
        ("dot", (1, 3), (1,)),
        # 2-D . 2-D
        ("dot", (2, 3), (3, 4)), ("dot", (1, 3), (3, 1)), ("dot", (3, 1), (1, 3)),
        ("dot", (1, 1), (1, 1)), ("dot", (2, 3), (2, 3)), ("dot", (4, 4), (5, 6)),
        ("dot", (3, 1), (3, 1)),
        # broadcasting add
        ("add", (3, 4), (4,)), ("add", (3, 4), (1, 4)), ("add", (3,), (2, 1)),
        ("add", (3, 1), (1, 4)), ("add", (), (2, 3)), ("add", (2, 3), ()), ("add", (), ()),
        ("add", (2, 3), (2, 3)), ("add", (1,), (3,)), ("add", (3, 1), (3,)),
        ("add", (1, 4), (4, 1)), ("add", (4, 3), (2,)), ("add", (3, 4), (3,)),
        ("add", (2, 3), (3, 2)), ("add", (3,), (4,)), ("add", (2, 3), (4, 1)),
        ("add", (4,), (2, 3)),
        # broadcasting sub
        ("sub", (3, 4), (4,)), ("sub", (1, 4), (4, 1)), ("sub", (3,), (2, 1)),
        ("sub", (), (3,)), ("sub", (2, 3), (1, 3)), ("sub", (2, 3), (3, 2)),
        ("sub", (1, 4), (2, 2)), ("sub", (3, 4), (3,)),
        # transpose
        ("T", (),), ("T", (3,),), ("T", (2, 3),), ("T", (1, 3),), ("T", (3, 1),),
        # sum over axis 0
        ("sum0", (),), ("sum0", (4,),), ("sum0", (1,),), ("sum0", (2, 3),),
        ("sum0", (1, 4),), ("sum0", (4, 1),),
        # SGD's in-place param -= step: the step may broadcast to param's shape, not change it
        ("isub", (2, 3), (3,)), ("isub", (2, 3), (2, 1)), ("isub", (), ()), ("isub", (3,), ()),
        ("isub", (4,), (3,)), ("isub", (2, 4), (3,)), ("isub", (4,), (4, 4)), ("isub", (), (3,)),
        ("isub", (1, 3), (2, 3)), ("isub", (4, 1), (4,)),
    ]

    cases = []
    for spec in specs:
        op, shapes = spec[0], spec[1:]
        operands = [arr(*s) for s in shapes]
        case = {"op": op, "name": op + " " + " ".join(
            "(" + ",".join(str(n) for n in s) + ("," if len(s) == 1 else "") + ")"
            for s in shapes)}
        for label, operand in zip(("a", "b"), operands):
            case[label] = enc(operand)
            case[label + "_shape"] = list(operand.shape)
        try:
            if op in unary:
                result = unary[op](operands[0])
            else:
                result = binary[op](operands[0], operands[1])
            case["result"] = enc(result)
            case["result_shape"] = list(np.shape(result))
        except Exception as exc:
            case["error"] = error_message(exc)
            case["kind"] = error_kind(exc)
            case["category"] = error_category(exc)
        cases.append(case)

    # Integer labels: the loss's y[np.arange(batch_size), t] and the backward's dx[np.arange(batch_size), t] -= 1.
    # NumPy checks every index of axis 0 before any of axis 1, and -1 is the last class.
    label_specs = [
        ("label_loss", (2, 3), [-1, 0]), ("label_loss", (2, 3), [0, 5]), ("label_loss", (2, 3), [-4, 1]),
        ("label_loss", (2, 3), [1, 0, 2]), ("label_loss", (1, 3), [2, -1, 0, -3]), ("label_loss", (3,), [-1]),
        ("label_backward", (2, 3), [-1, 0]), ("label_backward", (2, 3), [2, -3]),
        ("label_backward", (2, 3), [7, 0, 0]), ("label_backward", (1, 3), [5, 1]),
        ("label_backward", (1, 3), [-1, 2]), ("label_backward", (3,), [-1]),
    ]
    for op, y_shape, t_list in label_specs:
        y = softmax(arr(*y_shape))              # probabilities, as the loss receives them
        t = np.array(t_list)
        case = {"op": op, "name": op + " " + str(tuple(y_shape)).replace(" ", "") + " " + str(t_list).replace(" ", ""),
                "a": enc(y), "a_shape": list(y.shape), "b": enc(t), "b_shape": list(t.shape), "b_integer": True}
        try:
            result = cross_entropy_error(y, t) if op == "label_loss" else label_backward(y, t)
            case["result"] = enc(result)
            case["result_shape"] = list(np.shape(result))
        except Exception as exc:
            case["error"] = error_message(exc)
            case["kind"] = error_kind(exc)
            case["category"] = error_category(exc)
        cases.append(case)
    return cases


def isub(a, b):
    """param -= step, in place as SGD does it (on a copy: a 0-d param stays a 0-d array)."""
    a = np.array(a, copy=True)
    a -= b
    return a


def label_backward(y, t):
    """SoftmaxWithLoss.backward for labels: batch_size = t.shape[0]; dx[np.arange(batch_size), t] -= 1."""
    last = SoftmaxWithLoss()
    last.y, last.t = y, t
    return last.backward(1)


# ---------------------------------------------------------------------------
# Writing and summarising.
# ---------------------------------------------------------------------------

def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, allow_nan=False)     # compact, shortest round-trip floats
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=DEFAULT_SHARED_DIR,
                        help="folder of the shared reference cases to check against")
    parser.add_argument("--check-only", action="store_true",
                        help="only check the shared reference cases")
    args = parser.parse_args()

    print(f"NumPy {np.__version__}")
    if not check_shared(args.shared):
        print("implementation does not reproduce the shared reference cases; nothing written")
        return 1
    if args.check_only:
        return 0

    os.makedirs(OUT_DIR, exist_ok=True)
    for old in glob.glob(os.path.join(OUT_DIR, "np-*.json")):   # drop stale cases
        os.remove(old)

    errors = {}              # (kind, message) -> list of case names
    book_max = 0.0
    n_cases = 0
    for kind, builder in KINDS:
        for i, scenario in enumerate(builder()):
            name = f"np-{kind}-{i:03d}"
            expected = expected_for(scenario)
            write_json(os.path.join(OUT_DIR, name + ".json"), scenario)
            write_json(os.path.join(OUT_DIR, name + ".expected.json"), expected)
            n_cases += 1
            if "error" in expected:
                e = expected["error"]
                errors.setdefault((e["kind"], e["message"]), []).append(
                    f"{name}:{e['node']}/{e['phase']}")
            if kind == "book":
                book_max = max([book_max] + list(expected["gradcheck"].values()))
            sgd_errors = [v["error"] for v in expected.get("sgd", {}).values()
                          if isinstance(v, dict)]
            for msg in sgd_errors:
                errors.setdefault(("sgd", msg), []).append(name)

    ops = ops_cases()
    with open(os.path.join(OUT_DIR, "ops.json"), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(c, allow_nan=False) for c in ops) + "\n]\n")

    print(f"wrote {n_cases} scenarios ({2 * n_cases} files) and ops.json "
          f"({len(ops)} ops, {sum('error' in c for c in ops)} errors) to {OUT_DIR}")
    print(f"book-style cases: max |backprop - numerical| = {book_max:.3g}")
    print("errors produced (kind: message <- cases):")
    for (kind, msg), names in sorted(errors.items()):
        print(f"  [{kind}] {msg!r}  <- {', '.join(names)}")
    print("ops errors:")
    for c in ops:
        if "error" in c:
            print(f"  [{c['kind']}/{c['category']}] {c['name']}: {c['error']!r}")
    if book_max >= 1e-6:
        print("WARNING: a book-style gradient check is not below 1e-6")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
