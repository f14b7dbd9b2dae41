#!/usr/bin/env python3
"""OCR accuracy: `parley ocr` against the `tesseract` command on the same images, same run.

Images: Tesseract's and pytesseract's test images with ground truth (../shared/data/ocr), the
rotated phototest variants, thumbnail-sized copies (x0.35), and JPEGs made here from real images that carry an EXIF Orientation
tag (pixels stored turned, the tag saying how to turn them back, as phones write them; made with
Leptonica through ctypes and a hand-written APP1 segment: stdlib only).

Character error rate (CER) and word error rate (WER) are edit distances over the ground truth's
length, whitespace collapsed. Both programs run with OMP_THREAD_LIMIT=1 (Parley turns OpenMP
off itself; the command would otherwise spread over all cores).

    python3 Benchmarks/ocr/compare.py [--parley .build/release/parley] [--data ../shared/data/ocr]
"""
import argparse
import ctypes
import json
import os
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


# --- EXIF-rotated JPEGs ------------------------------------------------------------------------

def exif_app1(orientation, make=b"Parley", model=b"Bench", taken=b"2024:03:05 14:22:10",
              gps=((1, 56, 36.12), "S", (30, 3, 33.0), "E", 1567.0)):
    """An APP1 segment: big-endian TIFF, IFD0 {Make, Model, Orientation, ExifIFD, GPS IFD},
    Exif IFD {DateTimeOriginal, OffsetTimeOriginal}, GPS IFD {lat/lon refs and values, altitude}."""
    entries0, entriesx, entriesg = [], [], []
    data = bytearray()
    # Offsets are from the TIFF header; layout: header(8) IFD0 ExifIFD GPSIFD data.
    n0, nx, ng = 5, 2, 6
    ifd_size = lambda n: 2 + 12 * n + 4
    off0 = 8
    offx = off0 + ifd_size(n0)
    offg = offx + ifd_size(nx)
    offd = offg + ifd_size(ng)

    def put(b):
        pos = offd + len(data)
        data.extend(b)
        if len(data) % 2:
            data.append(0)
        return pos

    def ascii_entry(tag, value):
        value = value + b"\0"
        if len(value) <= 4:
            return struct.pack(">HHI", tag, 2, len(value)) + value.ljust(4, b"\0")
        return struct.pack(">HHII", tag, 2, len(value), put(value))

    def rationals(tag, values):
        raw = b"".join(struct.pack(">II", int(round(v * 1000)), 1000) for v in values)
        return struct.pack(">HHII", tag, 5, len(values), put(raw))

    entries0.append(ascii_entry(271, make))
    entries0.append(ascii_entry(272, model))
    entries0.append(struct.pack(">HHIHH", 274, 3, 1, orientation, 0))
    entries0.append(struct.pack(">HHII", 34665, 4, 1, offx))
    entries0.append(struct.pack(">HHII", 34853, 4, 1, offg))
    entriesx.append(ascii_entry(36867, taken))
    entriesx.append(ascii_entry(36881, b"+02:00"))
    lat, lat_ref, lon, lon_ref, alt = gps
    entriesg.append(ascii_entry(1, lat_ref.encode()))
    entriesg.append(rationals(2, lat))
    entriesg.append(ascii_entry(3, lon_ref.encode()))
    entriesg.append(rationals(4, lon))
    entriesg.append(struct.pack(">HHIBBBB", 5, 1, 1, 0, 0, 0, 0))
    entriesg.append(rationals(6, [alt]))

    def ifd(entries):
        return struct.pack(">H", len(entries)) + b"".join(sorted(entries)) + struct.pack(">I", 0)

    tiff = b"MM\0*" + struct.pack(">I", 8) + ifd(entries0) + ifd(entriesx) + ifd(entriesg) + bytes(data)
    body = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def lept():
    lib = ctypes.CDLL("liblept.so.5")
    lib.pixRead.restype = ctypes.c_void_p
    lib.pixRead.argtypes = [ctypes.c_char_p]
    lib.pixRotateOrth.restype = ctypes.c_void_p
    lib.pixRotateOrth.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.pixConvertTo8.restype = ctypes.c_void_p
    lib.pixConvertTo8.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.pixScale.restype = ctypes.c_void_p
    lib.pixScale.argtypes = [ctypes.c_void_p, ctypes.c_float, ctypes.c_float]
    lib.pixWrite.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int]
    lib.pixWriteJpeg.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
    lib.setMsgSeverity.argtypes = [ctypes.c_int]
    lib.setMsgSeverity(6)
    return lib


# Stored turn (clockwise quarter turns applied to the upright image) for each EXIF orientation:
# a viewer applying the tag turns it back upright.
STORED_TURNS = {1: 0, 3: 2, 6: 3, 8: 1}


def make_exif_jpeg(source, destination, orientation, quality=75):
    lib = lept()
    pix = lib.pixConvertTo8(lib.pixRead(source.encode()), 0)
    turned = lib.pixRotateOrth(pix, STORED_TURNS[orientation]) if STORED_TURNS[orientation] else pix
    plain = destination + ".plain.jpg"
    if lib.pixWriteJpeg(plain.encode(), turned, quality, 0) != 0:
        raise RuntimeError("cannot write " + plain)
    jpeg = open(plain, "rb").read()
    os.unlink(plain)
    # After SOI and the JFIF APP0 segment.
    i = 2
    if jpeg[2:4] == b"\xff\xe0":
        i = 4 + struct.unpack(">H", jpeg[4:6])[0]
    with open(destination, "wb") as f:
        f.write(jpeg[:i] + exif_app1(orientation) + jpeg[i:])


def make_small_png(source, destination, factor):
    """A thumbnail-sized copy (small text, as in a forwarded or compressed photo)."""
    lib = lept()
    pix = lib.pixConvertTo8(lib.pixRead(source.encode()), 0)
    small = lib.pixScale(pix, factor, factor)
    if lib.pixWrite(destination.encode(), small, 3) != 0:  # IFF_PNG
        raise RuntimeError("cannot write " + destination)


# --- error rates -------------------------------------------------------------------------------

def edit_distance(a, b):
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def normalize(text):
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    text = text.replace("\u201e", '"').replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\u2014", "-")
    return " ".join(text.split())


def rates(reference, hypothesis):
    r, h = normalize(reference), normalize(hypothesis)
    cer = edit_distance(r, h) / max(1, len(r))
    rw, hw = r.split(), h.split()
    wer = edit_distance(rw, hw) / max(1, len(rw))
    return cer, wer


# --- the run -----------------------------------------------------------------------------------

def images(data, scratch):
    t = os.path.join(data, "tesseract_test")
    p = os.path.join(data, "pytesseract")
    g = os.path.join(data, "gt")
    photo = open(os.path.join(t, "phototest.gold.txt")).read()
    euro = open(os.path.join(t, "eurotext.txt")).read()
    cases = [
        ("phototest.tif", os.path.join(t, "phototest.tif"), photo, "upright"),
        ("phototest-rotated-L.png", os.path.join(t, "phototest-rotated-L.png"), photo, "rotated"),
        ("phototest-rotated-R.png", os.path.join(t, "phototest-rotated-R.png"), photo, "rotated"),
        ("phototest-rotated-180.png", os.path.join(t, "phototest-rotated-180.png"), photo, "rotated"),
        ("eurotext.tif", os.path.join(t, "eurotext.tif"), euro, "upright"),
        ("8071_093.3B.tif", os.path.join(t, "8071_093.3B.tif"), open(os.path.join(t, "8071_093.3B.txt")).read(), "upright"),
        ("8087_054.3B.tif", os.path.join(t, "8087_054.3B.tif"), open(os.path.join(t, "8087_054.3B.txt")).read(), "upright"),
    ]
    for name in ["test.jpg", "test.png", "test.gif", "test.tiff", "test.webp"]:
        cases.append(("pytesseract/" + name, os.path.join(p, name), photo, "upright"))
    cases.append(("pytesseract/test-european.jpg", os.path.join(p, "test-european.jpg"), euro, "upright"))
    cases.append(("pytesseract/test-small.jpg", os.path.join(p, "test-small.jpg"), open(os.path.join(g, "pytesseract_test_small.txt")).read(), "upright"))
    cases.append(("pytesseract/test_la.png", os.path.join(p, "test_la.png"), open(os.path.join(g, "pytesseract_test_la.txt")).read(), "upright"))
    for source, label, truth in [(os.path.join(t, "phototest.tif"), "phototest", photo),
                                 (os.path.join(p, "test-european.jpg"), "european", euro)]:
        for orientation in (3, 6, 8):
            path = os.path.join(scratch, "%s-exif%d.jpg" % (label, orientation))
            make_exif_jpeg(source, path, orientation)
            cases.append(("%s-exif%d.jpg" % (label, orientation), path, truth, "EXIF-rotated"))
        path = os.path.join(scratch, "%s-small.png" % label)
        make_small_png(source, path, 0.35)
        cases.append(("%s-small.png (x0.35)" % label, path, truth, "downscaled"))
    return cases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parley", default=os.path.join(ROOT, ".build", "release", "parley"))
    # ../shared/data next to the project; a git worktree one level deeper looks one level up.
    data = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "ocr"))
    if not os.path.isdir(data):
        data = os.path.normpath(os.path.join(ROOT, "..", "..", "shared", "data", "ocr"))
    parser.add_argument("--data", default=data)
    parser.add_argument("--tesseract", default="tesseract")
    parser.add_argument("--time-limit", type=int, default=120000, help="ocr.timeLimitMillis for parley")
    parser.add_argument("--make-exif", nargs=3, metavar=("SOURCE", "DEST", "ORIENTATION"),
                        help="only write one EXIF-rotated JPEG (used for the test fixtures)")
    args = parser.parse_args()
    if args.make_exif:
        make_exif_jpeg(args.make_exif[0], args.make_exif[1], int(args.make_exif[2]))
        return
    if not os.path.isdir(args.data):
        sys.exit("no OCR data at %s" % args.data)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as scratch:
        cases = images(args.data, scratch)
        # A shared, loaded machine: the time limit (wall clock) is raised so that it measures accuracy.
        config = os.path.join(scratch, "config.json")
        with open(config, "w") as f:
            json.dump({"media": {"ocr": {"timeLimitMillis": args.time_limit}}}, f)
        start = time.monotonic()
        out = subprocess.run([args.parley, "ocr", "--no-words", "--config", config] + [c[1] for c in cases], env=env,
                             capture_output=True, text=True)
        parley_seconds = time.monotonic() - start
        parley = [json.loads(line) for line in out.stdout.splitlines()]
        tess = []
        tesseract_seconds = 0.0
        for case in cases:
            start = time.monotonic()
            run = subprocess.run([args.tesseract, case[1], "-"], env=env, capture_output=True, text=True)
            tesseract_seconds += time.monotonic() - start
            tess.append(run.stdout)

    print("| image | kind | tesseract CER | tesseract WER | parley CER | parley WER | parley rotation (exif/detected/applied) | attempts |")
    print("|---|---|---:|---:|---:|---:|---|---:|")
    groups = {}
    for case, p, t in zip(cases, parley, tess):
        name, _, truth, kind = case
        tc, tw = rates(truth, t)
        if "error" in p:
            pc, pw, orient, attempts = 1.0, 1.0, p["error"]["status"], 0
        else:
            pc, pw = rates(truth, p["text"])
            o = p["orientation"]
            orient = "%s/%s/%s" % (o.get("exif"), o.get("detected"), o.get("applied"))
            attempts = len(p["attempts"])
        groups.setdefault(kind, []).append((tc, tw, pc, pw))
        groups.setdefault("all", []).append((tc, tw, pc, pw))
        print("| %s | %s | %.3f | %.3f | %.3f | %.3f | %s | %d |" % (name, kind, tc, tw, pc, pw, orient, attempts))
    print()
    print("| group | images | tesseract CER | tesseract WER | parley CER | parley WER |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in ["upright", "rotated", "EXIF-rotated", "downscaled", "all"]:
        rows = groups.get(kind, [])
        if rows:
            mean = [sum(r[i] for r in rows) / len(rows) for i in range(4)]
            print("| %s | %d | %.3f | %.3f | %.3f | %.3f |" % (kind, len(rows), *mean))
    print()
    print("wall time: parley ocr %.1f s (one process, models loaded once), tesseract %.1f s (%d processes)"
          % (parley_seconds, tesseract_seconds, len(cases)))


if __name__ == "__main__":
    main()
