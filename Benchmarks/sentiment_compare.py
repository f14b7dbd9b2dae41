#!/usr/bin/env python3
"""Parley's sentiment scorer vs vaderSentiment on VADER's Amazon review snippets.

Data: /work/shared/data/sentiment/vader_amazon/amazonReviewSnippets_GroundTruth.txt
(3,708 snippets, each the mean of 20 human ratings in [-4, 4]; MIT, Hutto & Gilbert 2014).

Reports, for each scorer: Pearson r between its score and the human mean, 3-class accuracy
(human classes: mean < -0.5 negative, > 0.5 positive, else neutral; predicted classes: the
compound score's usual ±0.05 thresholds), and microseconds per text (analysis only: Parley's
CLI times its analyzer calls, VADER is timed around polarity_scores).

Usage: python3 Benchmarks/sentiment_compare.py [--parley .build/release/parley] [--data PATH]
Needs: pip install vaderSentiment; a build of the CLI (swift build -c release).
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "..", "shared", "data", "sentiment", "vader_amazon",
                            "amazonReviewSnippets_GroundTruth.txt")
if not os.path.exists(DEFAULT_DATA):
    DEFAULT_DATA = "/work/shared/data/sentiment/vader_amazon/amazonReviewSnippets_GroundTruth.txt"


def load(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            text = " ".join(parts[2:]).replace("\r", " ").strip()
            rows.append((float(parts[1]), text))
    return rows


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def human_class(mean):
    return "negative" if mean < -0.5 else "positive" if mean > 0.5 else "neutral"


def predicted_class(score):
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def report(name, truth, scores, micros):
    r = pearson([t for t, _ in truth], scores)
    acc = sum(human_class(t) == predicted_class(s) for (t, _), s in zip(truth, scores)) / len(truth)
    print(f"{name:8s}  pearson r {r:.4f}   3-class accuracy {acc:.4f}   {micros:8.2f} µs/text")
    return r, acc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parley", default=os.path.join(ROOT, ".build", "release", "parley"))
    ap.add_argument("--data", default=DEFAULT_DATA)
    args = ap.parse_args()
    if not os.path.exists(args.data):
        sys.exit(f"missing data: {args.data}")
    if not os.path.exists(args.parley):
        sys.exit(f"missing CLI: {args.parley} (swift build -c release)")
    rows = load(args.data)
    print(f"{len(rows)} snippets from {args.data}")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    vader = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    vader_scores = [vader.polarity_scores(text)["compound"] for _, text in rows]
    vader_micros = (time.perf_counter() - started) / len(rows) * 1e6

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        for _, text in rows:
            f.write(text + "\n")
        path = f.name
    try:
        done = subprocess.run([args.parley, "sentiment", path], capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    parley_scores = [json.loads(line)["score"] for line in done.stdout.splitlines()]
    assert len(parley_scores) == len(rows), (len(parley_scores), len(rows))
    m = re.search(r"([0-9.]+) µs per text", done.stderr)
    parley_micros = float(m.group(1)) if m else float("nan")

    classes = [human_class(t) for t, _ in rows]
    print("human classes: " + ", ".join(f"{c} {classes.count(c)}" for c in ("negative", "neutral", "positive")))
    report("vader", rows, vader_scores, vader_micros)
    report("parley", rows, parley_scores, parley_micros)


if __name__ == "__main__":
    main()
