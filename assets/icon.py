#!/usr/bin/env python3
"""Render assets/icon.svg's shapes into the PNG sizes Tauri needs (src-tauri/icons/).

Pure standard library (no ImageMagick or Pillow needed): the icon is a few
rectangles and circles, drawn here with 4x4 supersampling. Keep the shapes in
step with icon.svg, which is the source of truth for the design.
Run: python3 assets/icon.py
"""
import os
import struct
import zlib

BG = (0x1F, 0x3A, 0x5F)
LANE = (0xC9, 0xD6, 0xE8)
MARK = (0xF2, 0xB1, 0x34)
# (kind, colour, params) in the SVG's 64x64 user space, painted in order.
SHAPES = [
    ("rrect", BG, (2, 2, 60, 60, 12)),
    ("rrect", LANE, (10, 17, 44, 4, 2)),
    ("rrect", LANE, (10, 30, 44, 4, 2)),
    ("rrect", LANE, (10, 43, 44, 4, 2)),
    ("circle", MARK, (18, 19, 5)),
    ("circle", MARK, (34, 32, 5)),
    ("circle", MARK, (48, 45, 5)),
]


def inside(kind, p, x, y):
    if kind == "circle":
        cx, cy, r = p
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    rx, ry, w, h, rad = p
    if not (rx <= x <= rx + w and ry <= y <= ry + h):
        return False
    qx = min(max(x, rx + rad), rx + w - rad)
    qy = min(max(y, ry + rad), ry + h - rad)
    return (x - qx) ** 2 + (y - qy) ** 2 <= rad * rad


def render(size):
    ss = 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(ss):
                for sx in range(ss):
                    x = (px + (sx + 0.5) / ss) * 64 / size
                    y = (py + (sy + 0.5) / ss) * 64 / size
                    colour = None
                    for kind, c, p in SHAPES:
                        if inside(kind, p, x, y):
                            colour = c
                    if colour:
                        acc[0] += colour[0]
                        acc[1] += colour[1]
                        acc[2] += colour[2]
                        acc[3] += 1
            n = ss * ss
            a = acc[3]
            if a:
                row += bytes([round(acc[0] / a), round(acc[1] / a), round(acc[2] / a), round(255 * a / n)])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "src-tauri", "icons")
    os.makedirs(out, exist_ok=True)
    for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(render(size))


if __name__ == "__main__":
    main()
