#!/bin/sh
# Document parse throughput: PDF pages/s, CSV and XLSX rows/s, with a release build of `parley parse`.
#   Benchmarks/documents/run.sh [ROWS] [PAGES]     (from the package root; defaults 100000 rows, 200 pages)
# The time is the service's own "milliseconds" (sniffing, parsing, text and fields; not reading
# the file or printing JSON), best of 3 runs.
set -e
ROWS=${1:-100000}
PAGES=${2:-200}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
HERE=$(dirname "$0")
cc "$HERE/make_pdf.c" $(pkg-config --cflags --libs cairo) -o "$OUT/make_pdf"
"$OUT/make_pdf" "$OUT/bench.pdf" "$PAGES"
python3 "$HERE/generate.py" "$OUT" "$ROWS"
swift build -c release --product parley >/dev/null
PARLEY=$(swift build -c release --show-bin-path)/parley
for f in bench.pdf bench.csv bench.xlsx; do
    best=""
    for i in 1 2 3; do
        "$PARLEY" parse "$OUT/$f" > "$OUT/out.json"
        ms=$(python3 -c "import json;d=json.load(open('$OUT/out.json'));print(d['milliseconds'])")
        best=$(python3 -c "print(min(x for x in [$ms, ${best:-1e18}]))")
    done
    python3 - "$OUT/out.json" "$f" "$best" "$(stat -c %s "$OUT/$f")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); name, ms, size = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
if d["kind"] == "pdf":
    n, unit = len(d["pages"]), "pages"
elif d["kind"] == "csv":
    n, unit = d["csv"]["rowCount"], "rows"
else:
    n, unit = sum(s["rowCount"] for s in d["sheets"]), "rows"
print(f"{name:11s} {size/1e6:6.2f} MB  {n:7d} {unit:5s}  {ms:9.1f} ms  {n/ms*1000:10.0f} {unit}/s  "
      f"{size/1e6/(ms/1000):6.1f} MB/s  text {len(d['text'])/1e6:.2f} MB  fields {len(d['entities'])}  truncated {d['truncated']}")
PY
done
