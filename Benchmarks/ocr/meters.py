#!/usr/bin/env python3
"""Seven-segment meter displays: `parley ocr` against the `tesseract` command on displays drawn
here as segment polygons (Pillow, numpy; seeded, so every run draws the same ones): LCD
(dark on grey-green) and LED (red on black), 4–7 digits with and without a decimal point,
digit heights 36–130 px, upright or italic, blurred and noisy, under a printed
"PREPAID METER No. …" label.

Counted: readings exactly right, wrong (a number other than the display's) and none, for
Parley's meterReading with "display": "seven-segment", and whether the command's text holds
the digits.

    python3 Benchmarks/ocr/meters.py [--parley .build/release/parley] [--count 24] [--keep DIR]
Needs: pip install pillow numpy; tesseract-ocr (the command).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SEGMENTS = {"0": "abcdef", "1": "bc", "2": "abdeg", "3": "abcdg", "4": "bcfg", "5": "acdfg", "6": "acdefg",
            "7": "abc", "8": "abcdefg", "9": "abcdfg"}


def digit_polygons(d, x, y, height, slant):
    """The segments of one digit as polygons: cell height `height`, thickness 0.13 of it, a
    small gap between segments, the top leaning right by `slant` of the height."""
    t = height * 0.13
    w, g, h2 = height * 0.55, t * 0.35, height / 2

    def p(px, py):
        return (x + px + slant * (height - py), y + py)
    shapes = {
        "a": [p(g + t / 2, 0), p(w - g - t / 2, 0), p(w - g - t, t), p(g + t, t)],
        "d": [p(g + t, height - t), p(w - g - t, height - t), p(w - g - t / 2, height), p(g + t / 2, height)],
        "g": [p(g + t / 2, h2), p(g + t, h2 - t / 2), p(w - g - t, h2 - t / 2), p(w - g - t / 2, h2), p(w - g - t, h2 + t / 2), p(g + t, h2 + t / 2)],
        "f": [p(0, g + t / 2), p(t, g + t), p(t, h2 - g - t / 2), p(0, h2 - g)],
        "b": [p(w - t, g + t), p(w, g + t / 2), p(w, h2 - g), p(w - t, h2 - g - t / 2)],
        "e": [p(0, h2 + g), p(t, h2 + g + t / 2), p(t, height - g - t), p(0, height - g - t / 2)],
        "c": [p(w - t, h2 + g + t / 2), p(w, h2 + g), p(w, height - g - t / 2), p(w - t, height - g - t)],
    }
    return [shapes[s] for s in SEGMENTS[d]]


def draw_meter(reading, path, height, lcd, slant, noise, blur, rng):
    width = max(900, 140 + int(len(reading) * height * 0.8) + 200)
    image_height = max(600, height + 400)
    img = Image.new("RGB", (width, image_height), (200, 200, 195))
    d = ImageDraw.Draw(img)
    d.rectangle([80, 150, width - 80, 150 + height + 80], fill=(150, 160, 140) if lcd else (15, 15, 15))
    d.text((90, 60), "PREPAID METER  No. 04216635", fill=(40, 40, 40), font=ImageFont.truetype(FONT, 26))
    ink = (25, 30, 25) if lcd else (255, 60, 40)
    x = 140
    for ch in reading:
        if ch == ".":
            d.rectangle([x - int(height * 0.12), 190 + height - int(height * 0.1), x - int(height * 0.02), 190 + height], fill=ink)
            continue
        for polygon in digit_polygons(ch, x, 190, height, slant):
            d.polygon(polygon, fill=ink)
        x += int(height * 0.77)
    d.text((x + 10, 190 + height - 30), "kWh", fill=ink, font=ImageFont.truetype(FONT, 28))
    a = np.array(img.filter(ImageFilter.GaussianBlur(blur))).astype(float) + rng.normal(0, noise, (image_height, width, 3))
    Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(path, quality=85)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parley", default=".build/release/parley")
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--keep", help="write the images here and keep them")
    args = parser.parse_args()
    out = args.keep or tempfile.mkdtemp(prefix="parley-meters-")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(21)
    exact = wrong = none = command = 0
    print("| display | digits px | italic | LCD | parley | tesseract has it |")
    print("|---|---:|---:|---|---|---|")
    for i in range(args.count):
        k = int(rng.integers(4, 8))
        reading = "".join(str(int(v)) for v in rng.integers(0, 10, k))
        if rng.random() < 0.5:
            cut = int(rng.integers(1, k))
            reading = reading[:cut] + "." + reading[cut:]
        height = int(rng.integers(36, 130))
        slant = float(rng.choice([0, 0, 0.1, 0.18]))
        lcd = bool(rng.random() < 0.7)
        path = os.path.join(out, f"{i:02d}.jpg")
        draw_meter(reading, path, height, lcd, slant, float(rng.uniform(3, 10)), float(rng.uniform(0.5, 1.5)), rng)
        result = json.loads(subprocess.run([args.parley, "ocr", path], capture_output=True, text=True).stdout.splitlines()[0])
        got = [e["value"]["reading"] for e in result.get("entities", []) if e["type"] == "meterReading" and e["value"].get("display")]
        t = subprocess.run(["tesseract", path, "stdout"], capture_output=True, text=True, env=dict(os.environ, OMP_THREAD_LIMIT="1")).stdout
        has = reading.replace(".", "") in t.replace(".", "").replace(" ", "")
        exact += got == [reading]
        wrong += bool(got) and got != [reading]
        none += not got
        command += has
        print(f"| {reading} | {height} | {slant} | {lcd} | {got[0] if got else '—'} | {'yes' if has else 'no'} |")
    print()
    print(f"parley: {exact} exact, {wrong} wrong, {none} none of {args.count}; tesseract command: {command} of {args.count} with the digits in its text")
    if not args.keep:
        for name in os.listdir(out):
            os.remove(os.path.join(out, name))
        os.rmdir(out)


if __name__ == "__main__":
    sys.exit(main())
