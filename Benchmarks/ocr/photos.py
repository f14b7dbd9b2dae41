#!/usr/bin/env python3
"""OCR on hard photos: `parley ocr` against the `tesseract` command on images made here with
Pillow and numpy (seeded, so every run makes the same ones):

  no text   walls, tiles, a cracked ceiling, a cluttered room, at 1600×1200 and 4032×3024: what
            a tenant photographs to show damage. Counted: characters each program returns
            (the right answer is none) and Parley's time.
  hard text a till receipt (ground truth known) blurred, faded, low-contrast, shadowed, small,
            white on black, turned 7°; a door sign inside a cluttered room. Counted: character
            error rate against the text printed.

    python3 Benchmarks/ocr/photos.py [--parley .build/release/parley] [--keep DIR]
Needs: pip install pillow numpy; tesseract-ocr (the command) for the comparison.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from compare import rates  # the same CER as the standard set's comparison (quotes folded, blanks collapsed)

FONTS = "/usr/share/fonts/truetype/dejavu/"
RECEIPT = ["KIGALI HEIGHTS MART", "KG 7 Ave, Kigali", "TIN 102345678", "Date: 12/03/2026 14:22",
           "Bread 1,200", "Milk 1L 1,000", "Eggs x12 3,600", "Soap 2,500", "SUBTOTAL 8,300",
           "VAT 18% 1,494", "TOTAL RWF 9,794", "CASH 10,000", "CHANGE 206", "Thank you, come again"]
RECEIPT_LAYOUT = ["KIGALI HEIGHTS MART", "KG 7 Ave, Kigali", "TIN 102345678", "Date: 12/03/2026 14:22",
                  "Bread            1,200", "Milk 1L          1,000", "Eggs x12         3,600", "Soap             2,500",
                  "SUBTOTAL         8,300", "VAT 18%          1,494", "TOTAL RWF        9,794", "CASH            10,000",
                  "CHANGE             206", "Thank you, come again"]
SIGN = ["FLAT 4B", "No parking here"]


def make(out):
    rng = np.random.default_rng(7)

    def smooth(h, w, scale):
        small = rng.random((max(2, h // scale), max(2, w // scale)))
        return np.array(Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)).astype(float) / 255

    def save(array, name):
        Image.fromarray(np.clip(array, 0, 255).astype(np.uint8)).save(os.path.join(out, name), quality=85)

    def noisy(img, sigma):
        a = np.array(img).astype(float)
        return Image.fromarray(np.clip(a + rng.normal(0, sigma, a.shape), 0, 255).astype(np.uint8))

    items = []
    for w, h in [(1600, 1200), (4032, 3024)]:
        base = 200 + 20 * smooth(h, w, 200)[..., None] * np.array([1, 0.95, 0.9])
        save(np.where((smooth(h, w, 300) > 0.6)[..., None], base * 0.7, base) + rng.normal(0, 6, (h, w, 3)), f"wall-stain-{w}.jpg")
        img = Image.new("RGB", (w, h), (230, 230, 225))
        d = ImageDraw.Draw(img)
        for x in range(0, w, w // 12): d.line([(x, 0), (x, h)], fill=(150, 150, 150), width=max(2, w // 400))
        for y in range(0, h, w // 12): d.line([(0, y), (w, y)], fill=(150, 150, 150), width=max(2, w // 400))
        save(np.array(img).astype(float) * (0.8 + 0.3 * smooth(h, w, 150)[..., None]) + rng.normal(0, 5, (h, w, 3)), f"tiles-{w}.jpg")
        img = Image.new("RGB", (w, h), (120, 100, 80))
        d = ImageDraw.Draw(img)
        for _ in range(60):
            x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
            d.rectangle([x0, y0, x0 + int(rng.integers(20, w // 3)), y0 + int(rng.integers(20, h // 3))], fill=tuple(int(c) for c in rng.integers(0, 255, 3)))
        for _ in range(200):
            d.line([tuple(int(v) for v in rng.integers(0, w, 2)), tuple(int(v) for v in rng.integers(0, h, 2))],
                   fill=tuple(int(c) for c in rng.integers(0, 255, 3)), width=int(rng.integers(1, 6)))
        save(np.array(img.filter(ImageFilter.GaussianBlur(2))).astype(float) + rng.normal(0, 8, (h, w, 3)), f"clutter-{w}.jpg")
        img = Image.fromarray((215 + 15 * smooth(h, w, 100)).astype(np.uint8)).convert("RGB")
        d = ImageDraw.Draw(img)
        for _ in range(8):
            x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
            for _ in range(300):
                nx, ny = x + int(rng.integers(-15, 16)), y + int(rng.integers(-15, 16))
                d.line([(x, y), (nx, ny)], fill=(70, 65, 60), width=2)
                x, y = nx, ny
        save(np.array(img).astype(float) + rng.normal(0, 5, (h, w, 3)), f"crack-{w}.jpg")
    for name in sorted(os.listdir(out)):
        items.append(("no text", name, ""))

    def render(font, size, w, h, fg=30, bg=235, x0=60, y0=60):
        img = Image.new("L", (w, h), bg)
        d = ImageDraw.Draw(img)
        f = ImageFont.truetype(FONTS + font, size)
        for i, line in enumerate(RECEIPT_LAYOUT): d.text((x0, y0 + i * size * 1.5), line, fill=fg, font=f)
        return img

    def shadow(img):
        a = np.array(img).astype(float)
        return Image.fromarray(np.clip(a * np.linspace(0.45, 1.0, a.shape[1])[None, :], 0, 255).astype(np.uint8))

    hard = {
        "receipt-blur2.jpg": noisy(render("DejaVuSansMono.ttf", 28, 800, 1300).filter(ImageFilter.GaussianBlur(2.0)), 8),
        "receipt-blur3.jpg": noisy(render("DejaVuSansMono.ttf", 30, 800, 1400).filter(ImageFilter.GaussianBlur(3.0)), 6),
        "receipt-lowcontrast.jpg": noisy(render("DejaVuSansMono.ttf", 26, 760, 1200, fg=150, bg=190), 10),
        "receipt-shadow.jpg": noisy(shadow(render("DejaVuSansMono.ttf", 26, 760, 1200)), 8),
        "receipt-small.jpg": noisy(render("DejaVuSansMono.ttf", 13, 420, 650, x0=20, y0=20), 5),
        "receipt-faded.jpg": noisy(render("DejaVuSansMono.ttf", 24, 700, 1100, fg=170, bg=225).filter(ImageFilter.GaussianBlur(1.2)), 12),
        "receipt-dark.jpg": noisy(render("DejaVuSans.ttf", 26, 760, 1200, fg=230, bg=25), 6),
        "receipt-turned7.jpg": noisy(render("DejaVuSansMono.ttf", 26, 900, 1300, x0=120).rotate(7, fillcolor=235), 6),
    }
    for name, img in hard.items():
        img.convert("RGB").save(os.path.join(out, name), quality=80)
        items.append(("hard text", name, "\n".join(RECEIPT)))
    room = Image.open(os.path.join(out, "clutter-1600.jpg")).convert("L")
    d = ImageDraw.Draw(room)
    d.rectangle([500, 400, 1100, 700], fill=230)
    d.text((540, 440), SIGN[0], fill=20, font=ImageFont.truetype(FONTS + "DejaVuSans-Bold.ttf", 90))
    d.text((540, 580), SIGN[1], fill=20, font=ImageFont.truetype(FONTS + "DejaVuSans.ttf", 40))
    room.convert("RGB").save(os.path.join(out, "sign-in-clutter.jpg"), quality=85)
    items.append(("hard text", "sign-in-clutter.jpg", "\n".join(SIGN)))
    return items


def cer(reference, hypothesis):
    return rates(reference, hypothesis)[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parley", default=".build/release/parley")
    parser.add_argument("--keep", help="write the images here and keep them")
    args = parser.parse_args()
    out = args.keep or tempfile.mkdtemp(prefix="parley-photos-")
    os.makedirs(out, exist_ok=True)
    items = make(out)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    print("| image | kind | tesseract chars | tesseract CER | parley chars | parley CER | parley ms | chosen pass |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    sums = {}
    for kind, name, truth in items:
        path = os.path.join(out, name)
        t = subprocess.run(["tesseract", path, "stdout"], capture_output=True, text=True, env=env).stdout.strip()
        start = time.time()
        line = subprocess.run([args.parley, "ocr", path], capture_output=True, text=True).stdout.splitlines()[0]
        result = json.loads(line)
        text = result.get("text", "")
        chosen = result["attempts"][result["chosenAttempt"]] if result.get("attempts") else {}
        tc, pc = (cer(truth, t), cer(truth, text)) if truth else (None, None)
        s = sums.setdefault(kind, [0, 0, 0, 0, 0.0, 0.0, 0])
        s[0] += 1; s[1] += len(t); s[2] += len(text); s[3] += result.get("milliseconds", 0)
        if truth: s[4] += tc; s[5] += pc
        s[6] = max(s[6], result.get("milliseconds", 0))
        fmt = lambda v: "" if v is None else f"{v:.3f}"
        print(f"| {name} | {kind} | {len(t)} | {fmt(tc)} | {len(text)} | {fmt(pc)} | {result.get('milliseconds', 0):.0f} | "
              f"psm {chosen.get('psm')} {chosen.get('preprocessing')} |")
    print()
    print("| kind | images | tesseract chars | parley chars | tesseract mean CER | parley mean CER | parley mean ms | parley max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind, (n, tch, pch, ms, tcer, pcer, mx) in sums.items():
        cers = (f"{tcer / n:.3f} | {pcer / n:.3f}") if kind == "hard text" else " | "
        print(f"| {kind} | {n} | {tch} | {pch} | {cers} | {ms / n:.0f} | {mx:.0f} |")
    if not args.keep:
        for name in os.listdir(out): os.remove(os.path.join(out, name))
        os.rmdir(out)


if __name__ == "__main__":
    sys.exit(main())
