#!/usr/bin/env python3
"""Compare Parley's intent classifier with scikit-learn and fastText on SNIPS and HWU64.

For each data set (from ../shared/data/intent, TSV text<TAB>intent with a header line) the
three systems are trained on the training split and tested on the test split:

  parley   the release CLI: `parley train TRAIN -o MODEL`, `parley intent eval --model MODEL TEST`
  sklearn  TfidfVectorizer word 1-2 + char_wb 2-5 n-grams (sublinear tf), LogisticRegression
  fasttext supervised, word bigrams, char n-grams 3-5 (`pip install fasttext-wheel`)

It prints one table: accuracy, macro-F1, train seconds, and microseconds per message.
Parley and fastText are timed one message at a time (as a bot sees them); scikit-learn
both one at a time and in one batch (its best case).

--validation replaces each test split by a stratified 15% of the training split (seeded),
training on the other 85%: the options were tuned that way, never on the test sets.

Usage:
  swift build -c release --product parley
  python3 Benchmarks/intent_compare.py [--validation] [--datasets snips hwu64] [--parley .build/release/parley]
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_data():
    """../shared/data/intent from the project root (or from a parent, for git worktrees)."""
    directory = ROOT
    while True:
        candidate = os.path.join(os.path.dirname(directory), "shared", "data", "intent")
        if os.path.isdir(candidate) or os.path.dirname(directory) == directory:
            return candidate
        directory = os.path.dirname(directory)


DATA = find_data()


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            text, _, intent = line.rpartition("\t")
            if n == 0 and text.strip().lower() == "text" and intent.strip().lower() == "intent":
                continue
            rows.append((text.strip(), intent.strip()))
    return rows


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("text\tintent\n")
        for text, intent in rows:
            f.write(f"{text}\t{intent}\n")


def stratified_split(rows, fraction, seed=2024):
    by = defaultdict(list)
    for row in rows:
        by[row[1]].append(row)
    rng = random.Random(seed)
    train, held = [], []
    for intent in sorted(by):
        members = by[intent][:]
        rng.shuffle(members)
        k = round(len(members) * fraction)
        held += members[:k]
        train += members[k:]
    return train, held


def macro_f1(gold, predicted):
    labels = set(gold) | set(predicted)
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, p in zip(gold, predicted):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    return sum((2 * tp[l] / (2 * tp[l] + fp[l] + fn[l])) if tp[l] else 0.0 for l in labels) / len(labels)


def accuracy(gold, predicted):
    return sum(g == p for g, p in zip(gold, predicted)) / len(gold)


def run_parley(binary, train, test, workdir, extra):
    train_path = os.path.join(workdir, "train.tsv")
    test_path = os.path.join(workdir, "test.tsv")
    model_path = os.path.join(workdir, "model.prlyint")
    write_tsv(train_path, train)
    write_tsv(test_path, test)
    start = time.perf_counter()
    out = subprocess.run([binary, "train", train_path, "-o", model_path] + extra, check=True,
                         capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    train_seconds = float(re.search(r"train seconds: ([0-9.]+)", out).group(1))
    out = subprocess.run([binary, "intent", "eval", "--model", model_path, test_path], check=True,
                         capture_output=True, text=True).stdout
    values = dict(line.split(": ", 1) for line in out.strip().splitlines())
    return {
        "accuracy": float(values["accuracy"]),
        "macro_f1": float(values["macro-F1"]),
        "train_s": train_seconds,
        "train_note": f"(process {wall:.2f} s)",
        "us_one": float(values["us/message"]),
        "us_batch": None,
        "model_bytes": os.path.getsize(model_path),
    }


def run_sklearn(train, test, C):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    texts, labels = zip(*train)
    start = time.perf_counter()
    model = make_pipeline(
        FeatureUnion([
            ("word", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ]),
        LogisticRegression(C=C, max_iter=3000),
    )
    model.fit(texts, labels)
    train_s = time.perf_counter() - start
    test_texts, gold = zip(*test)
    start = time.perf_counter()
    predicted = list(model.predict(test_texts))
    us_batch = (time.perf_counter() - start) * 1e6 / len(test_texts)
    sample = test_texts[:300]
    start = time.perf_counter()
    for text in sample:
        model.predict([text])
    us_one = (time.perf_counter() - start) * 1e6 / len(sample)
    return {"accuracy": accuracy(gold, predicted), "macro_f1": macro_f1(gold, predicted), "train_s": train_s,
            "train_note": f"(C={C})", "us_one": us_one, "us_batch": us_batch, "model_bytes": None}


def run_fasttext(train, test, workdir):
    try:
        import fasttext
    except ImportError:
        return None
    path = os.path.join(workdir, "fasttext_train.txt")
    clean = lambda s: " ".join(s.split())
    with open(path, "w", encoding="utf-8") as f:
        for text, intent in train:
            f.write(f"__label__{intent} {clean(text).lower()}\n")
    start = time.perf_counter()
    model = fasttext.train_supervised(path, epoch=25, lr=0.5, wordNgrams=2, minn=3, maxn=5, dim=100,
                                      loss="softmax", thread=2, verbose=0, seed=1)
    train_s = time.perf_counter() - start
    test_texts, gold = zip(*test)
    lines = [clean(t).lower() + "\n" for t in test_texts]
    start = time.perf_counter()
    # model.predict() breaks with NumPy 2 (np.array(copy=False)); the binding's own call does not.
    predicted = [model.f.predict(line, 1, 0.0, "strict")[0][1][len("__label__"):] for line in lines]
    us_one = (time.perf_counter() - start) * 1e6 / len(lines)
    return {"accuracy": accuracy(gold, predicted), "macro_f1": macro_f1(gold, predicted), "train_s": train_s,
            "train_note": "", "us_one": us_one, "us_batch": None, "model_bytes": None}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", nargs="+", default=["snips", "hwu64"])
    parser.add_argument("--parley", default=os.path.join(ROOT, ".build", "release", "parley"))
    parser.add_argument("--validation", action="store_true", help="test on a held-out 15%% of train, not on test")
    parser.add_argument("--sklearn-c", type=float, nargs="+", default=[10.0],
                        help="LogisticRegression C values to run (each is a row)")
    parser.add_argument("--parley-args", default="", help="extra options for `parley train` (tuning)")
    parser.add_argument("--only", nargs="+", default=["parley", "sklearn", "fasttext"])
    args = parser.parse_args()

    if not os.path.isdir(DATA):
        sys.exit(f"missing data folder {DATA}")
    if "parley" in args.only and not os.access(args.parley, os.X_OK):
        sys.exit(f"no parley binary at {args.parley}: run `swift build -c release --product parley`")

    rows = []
    fasttext_missing = False
    with tempfile.TemporaryDirectory() as workdir:
        for name in args.datasets:
            train = read_tsv(os.path.join(DATA, name, "train.tsv"))
            test = read_tsv(os.path.join(DATA, name, "test.tsv"))
            split = "test"
            if args.validation:
                train, test = stratified_split(train, 0.15)
                split = "validation"
            label = f"{name} ({split} {len(test)}, train {len(train)})"
            if "parley" in args.only:
                rows.append((label, "parley", run_parley(args.parley, train, test, workdir, args.parley_args.split())))
            if "sklearn" in args.only:
                for C in args.sklearn_c:
                    rows.append((label, "scikit-learn", run_sklearn(train, test, C)))
            if "fasttext" in args.only:
                result = run_fasttext(train, test, workdir)
                if result is None:
                    fasttext_missing = True
                else:
                    rows.append((label, "fastText", result))

    header = f"{'data':<34} {'system':<13} {'accuracy':>8} {'macro-F1':>8} {'train s':>8} {'us/msg':>9} {'us/msg batch':>12}  notes"
    print(header)
    print("-" * len(header))
    for label, system, r in rows:
        batch = f"{r['us_batch']:.1f}" if r["us_batch"] is not None else "-"
        notes = r["train_note"]
        if r["model_bytes"]:
            notes += f" model {r['model_bytes'] / 1e6:.1f} MB"
        print(f"{label:<34} {system:<13} {r['accuracy']:>8.4f} {r['macro_f1']:>8.4f} {r['train_s']:>8.2f} "
              f"{r['us_one']:>9.1f} {batch:>12}  {notes}")
    if fasttext_missing:
        print("fastText: not installed (pip install fasttext-wheel); its rows are missing")


if __name__ == "__main__":
    main()
