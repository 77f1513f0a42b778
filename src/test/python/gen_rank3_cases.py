#!/usr/bin/env python3
"""NumPy ground truth for inputs of rank 3 and 4 (issue #16), with gen_deep_cases.py's harness.

Runs the book's layer code (the lesson's and the repository's Affine, Relu, Sigmoid,
SoftmaxWithLoss, as gen_deep_cases.py defines them) on networks whose x has rank 3 or 4,
and writes src/test/resources/numpy-rank3/rank3-<kind>-<nnn>.json and .expected.json in
numpy-deep's format (see numpy-deep/README.md). Deterministic. From the repository root:

    python3 src/test/python/gen_rank3_cases.py
"""

import glob
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_deep_cases as deep  # noqa: E402

OUT_DIR = os.path.join(deep.REPO, "src", "test", "resources", "numpy-rank3")
SEED = 20261206


def cases():
    m = deep.Maker(SEED)
    out = []
    # Complete passes through the repository's Affine: x (N, a, b) or (N, a, b, c), 1 to 3 layers.
    for i in range(16):
        n = 1 + i % 3
        batch = 1 + int(m.rng.integers(0, 3))
        inner = (2, 3) if i % 4 != 3 else (2, 1, 2)
        w = m.widths(n, 2, 4)
        w[0] = int(np.prod(inner))
        w[-1] = max(w[-1], 2)
        x = m.normal(batch, *inner).tolist()
        acts = m.acts(n, choice=("relu" if i % 2 == 0 else "sigmoid"))
        t = m.labels(batch, w[-1], i % 3 == 1)
        out.append(("ok", m.net(w, acts=acts if n > 1 else None, affine="repository", x=x, t=t), n <= 2))
    # Mismatches with a rank-3 x in the repository's Affine: W1 rows not the flattened width, a bias that does not fit.
    for i in range(6):
        n = 1 + i % 3
        batch = 2
        w = m.widths(n, 2, 4)
        w[0] = 6
        s = m.net(w, acts=m.acts(n) if n > 1 else None, affine="repository", x=m.normal(batch, 2, 3).tolist(),
                  t=m.labels(batch, w[-1], i % 2 == 1))
        if i % 2 == 0:
            s["W1"] = m.normal(3 + (i % 3), w[1]).tolist()
        else:
            s["b%d" % n] = m.normal(w[n] + 1).tolist()
        out.append(("mismatch", s, False))
    # The lesson's Affine with a rank-3 x: np.dot keeps the leading axes; whatever NumPy raises later is matched.
    for i in range(6):
        n = 1 + i % 2
        a, b, c = 2, 2 + i % 2, 3
        w = [c] + [int(m.rng.integers(2, 4)) for _ in range(n)]
        s = m.net(w, acts=m.acts(n) if n > 1 else None, x=m.normal(a, b, c).tolist(),
                  t=m.labels(a, min(b, w[-1]), False) if i % 3 != 2 else m.labels(a, w[-1], True))
        out.append(("lesson", s, False))
    return out


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for old in glob.glob(os.path.join(OUT_DIR, "rank3-*.json")):
        os.remove(old)
    counts, outcomes = {}, {}
    for kind, scenario, gradcheck in cases():
        counts[kind] = counts.get(kind, 0) + 1
        name = "rank3-%s-%03d" % (kind, counts[kind] - 1)
        expected = deep.expected_for(scenario, gradcheck)
        err = expected.get("error")
        key = "complete" if err is None else err["phase"] + ": " + err["message"]
        outcomes[key] = outcomes.get(key, 0) + 1
        deep.write_json(os.path.join(OUT_DIR, name + ".json"), scenario)
        deep.write_json(os.path.join(OUT_DIR, name + ".expected.json"), expected)
    print("wrote %d cases to %s: %s" % (sum(counts.values()), OUT_DIR, counts))
    for k, v in outcomes.items():
        print("  %3d  %s" % (v, k))
    return 0


if __name__ == "__main__":
    sys.exit(main())
