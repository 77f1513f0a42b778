"""Draws assets/icon.png (256x256): a small left-to-right computation graph, forward edges blue, one gradient edge
raspberry. Pure Python (zlib + struct), 4x4 supersampling. Run once: python3 src/test/python/make_icon.py"""
import math, struct, zlib, os

N, SS = 256, 4
BG = (28, 111, 209)          # rounded square
NODE = (255, 255, 255)
EDGE = (214, 230, 251)
GRAD = (255, 182, 204)
nodes = [(52, 92), (52, 164), (128, 64), (128, 128), (128, 192), (204, 128)]
edges = [(0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 5), (3, 5), (4, 5)]
grad_edges = {(3, 5)}

def seg_dist(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))

def colour(x, y):
    # rounded square with radius 44
    r = 44
    cx, cy = min(max(x, r), N - r), min(max(y, r), N - r)
    if math.hypot(x - cx, y - cy) > r:
        return None
    for (i, j) in nodes and []:
        pass
    for n in nodes:
        d = math.hypot(x - n[0], y - n[1])
        if d < 19:
            return NODE
        if d < 23:
            return BG
    for e in edges:
        if seg_dist(x, y, nodes[e[0]], nodes[e[1]]) < (5 if e in grad_edges else 3.2):
            return GRAD if e in grad_edges else EDGE
    return BG

rows = []
for y in range(N):
    row = bytearray([0])
    for x in range(N):
        acc = [0, 0, 0, 0]
        for sy in range(SS):
            for sx in range(SS):
                c = colour(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)
                if c:
                    acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
        k = SS * SS
        a = acc[3] / k
        if a:
            row += bytes([round(acc[0] * 255 / acc[3]), round(acc[1] * 255 / acc[3]), round(acc[2] * 255 / acc[3]), round(a)])
        else:
            row += bytes([0, 0, 0, 0])
    rows.append(bytes(row))

def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(__file__), "..", "..", "..", "assets", "icon.png")
open(out, "wb").write(png)
print("wrote", out)
