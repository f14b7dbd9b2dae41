#!/usr/bin/env python3
"""Voice-note transcription benchmark: word error rate and real-time factor of
`parley transcribe` on Debian's pocketsphinx-testdata (real recordings the project did not
make), on the original 16 kHz WAV and after encoding to Ogg/Opus as WhatsApp sends voice
notes (opusenc: mono, 16 kbps, VoIP application, 20 ms frames; decoded at 48 kHz).

  LibriVox   5 read sentences from "Sense and Sensibility" (public domain), free speech
  cards      5 command recordings ("ten of clubs") with their JSGF grammar cards.gram
  goforward  1 command recording ("go forward ten meters") with goforward.gram

Usage:  python3 Benchmarks/voice/bench.py [--parley .build/release/parley] [--jobs 1]
Needs:  pocketsphinx-testdata, pocketsphinx-en-us, opus-tools (opusenc).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import wave

DATA = "/usr/share/pocketsphinx/test/data"


def edits(hyp, ref):
    h, r = hyp.split(), ref.split()
    prev = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        cur = [i] + [0] * len(h)
        for j in range(1, len(h) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r[i - 1] != h[j - 1]))
        prev = cur
    return prev[len(h)]


def transcripts(path):
    out = {}
    for line in open(path):
        m = re.match(r"\s*(?:<s>)?(.*?)(?:</s>)?\s*\((\S+?)(?:\s+-?\d+)?\)\s*$", line)
        if m:
            out[m.group(2)] = " ".join(m.group(1).split())
    return out


def encode_opus(wav, out):
    subprocess.run(["opusenc", "--quiet", "--bitrate", "16", "--downmix-mono", "--speech",
                    "--set-ctl-int", "4000=2048", "--framesize", "20", wav, out], check=True)


def run(parley, files, extra, jobs):
    cmd = [parley, "transcribe", "--jobs", str(jobs)] + extra + files
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return results, wall


def row(name, results, refs, wall):
    errors = words = exact = 0
    seconds = millis = cpu = conf = 0.0
    for r, ref in zip(results, refs):
        if "error" in r:
            errors += len(ref.split()); words += len(ref.split())
            continue
        e = edits(r["text"], ref)
        errors += e; words += len(ref.split()); exact += (e == 0)
        seconds += r["seconds"]; millis += r["milliseconds"]; cpu += r["cpuMilliseconds"]; conf += r["confidence"]
    n = len(results)
    rtf = millis / 1000 / seconds if seconds else 0
    cpu_rtf = cpu / 1000 / seconds if seconds else 0
    return f"| {name} | {n} | {seconds:.1f} | {errors / words:.3f} | {exact}/{n} | {conf / n:.2f} | {cpu_rtf:.3f} | {rtf:.3f} | {wall:.1f} |"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parley", default=".build/release/parley")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(DATA):
        sys.exit("pocketsphinx-testdata is not installed (apt install pocketsphinx-testdata)")

    tmp = tempfile.mkdtemp(prefix="parley-voice-")
    libri = transcripts(f"{DATA}/librivox/transcription")
    libri_ids = [l.strip() for l in open(f"{DATA}/librivox/fileids") if l.strip()]
    cards = transcripts(f"{DATA}/cards/cards.transcription")
    card_ids = [l.strip() for l in open(f"{DATA}/cards/cards.fileids") if l.strip()]

    sets = {}
    sets["librivox"] = ([f"{DATA}/librivox/{i}.wav" for i in libri_ids], [libri[i] for i in libri_ids])
    sets["cards"] = ([f"{DATA}/cards/{i}.wav" for i in card_ids], [cards[i] for i in card_ids])
    # goforward.raw is headerless 16 kHz mono PCM: wrap it in a WAV header.
    gofwd = os.path.join(tmp, "goforward.wav")
    with wave.open(gofwd, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
        w.writeframes(open(f"{DATA}/goforward.raw", "rb").read())
    sets["goforward"] = ([gofwd], ["go forward ten meters"])

    opus = {}
    for name, (files, refs) in sets.items():
        outs = []
        for f in files:
            o = os.path.join(tmp, name + "-" + os.path.basename(f).rsplit(".", 1)[0] + ".ogg")
            encode_opus(f, o)
            outs.append(o)
        opus[name] = (outs, refs)

    plan = [
        ("LibriVox, language model", "librivox", []),
        ("cards, language model", "cards", []),
        ("cards, grammar cards.gram", "cards", ["--grammar", f"{DATA}/cards/cards.gram"]),
        ("goforward, grammar goforward.gram", "goforward", ["--grammar", f"{DATA}/goforward.gram"]),
    ]
    print(f"parley transcribe --jobs {args.jobs}; PocketSphinx 0.8+5prealpha en-US; "
          f"Opus: 16 kbps mono VoIP (opusenc)\n")
    print("| set | files | audio s | WER | exact | mean confidence | RTF (CPU) | RTF (wall) | wall s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for title, key, extra in plan:
        for label, source in (("WAV", sets), ("Ogg/Opus", opus)):
            files, refs = source[key]
            results, wall = run(args.parley, files, extra, args.jobs)
            print(row(f"{title}, {label}", results, refs, wall))
            if args.verbose:
                for r, ref in zip(results, refs):
                    print(f"    {r.get('text', r.get('error'))!s:60}  | {ref}", file=sys.stderr)

    # Rejection: the cards recordings against a menu they are not in.
    files, _ = sets["cards"]
    menu = "yes|no|one|two|three|book a viewing"
    results, _ = run(args.parley, files, ["--phrases", menu], args.jobs)
    confs = [r["confidence"] for r in results if "error" not in r]
    results_in, _ = run(args.parley, files, ["--grammar", f"{DATA}/cards/cards.gram"], args.jobs)
    confs_in = [r["confidence"] for r in results_in if "error" not in r]
    print(f"\nOut-of-grammar: the 5 cards recordings against \"{menu}\": confidence "
          f"max {max(confs):.3f} (mean {sum(confs) / len(confs):.3f}); the same recordings against "
          f"cards.gram: min {min(confs_in):.3f}.")


if __name__ == "__main__":
    main()
