#!/usr/bin/env bash
# The two-stage scan benchmark (Benchmarks/README.md, "Two-stage scan"): scan-bench at the corpus size,
# 1 M and 2.7 M rows, each followed by the faiss anchors over the same rows and queries.
#   ROWS_LIST  sizes (default "40717 1000000 2700000");  NOISE  per-component noise of copies (default 0.01)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROWS_LIST="${ROWS_LIST:-40717 1000000 2700000}"
NOISE="${NOISE:-0.01}"
VENV="$WORK/faiss-venv"
[ -x "$VENV/bin/python" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q faiss-cpu numpy; }
(cd "$BENCH_ROOT" && swift build -c release --product scan-bench)
for rows in $ROWS_LIST; do
    out="$WORK/scan-$rows"
    "$BENCH_ROOT/.build/release/scan-bench" "$rows" "$NOISE" "$out"
    "$VENV/bin/python" "$BENCH_ROOT/Scripts/scan-faiss.py" "$out" 256 1
    "$VENV/bin/python" "$BENCH_ROOT/Scripts/scan-faiss.py" "$out" 256 2
    rm -f "$out/rows.f32"
done
