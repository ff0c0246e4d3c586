# Shared settings of the benchmark scripts (sourced, not run).
#   ARXREC_BENCH_DIR  scratch folder for volume files and libraries (default /tmp/arxrec-bench)
#   ARXREC_MODEL_DIR  the model folder (default: the root package's Models/, as arxrec finds it)
#   ARXREC_BIN        the arxrec binary (default: the root package's .build/release/arxrec)
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$BENCH_ROOT/.." && pwd)"
WORK="${ARXREC_BENCH_DIR:-/tmp/arxrec-bench}"
ARXREC="${ARXREC_BIN:-$REPO_ROOT/.build/release/arxrec}"
BENCH_DATA="$BENCH_ROOT/.build/release/bench-data"
LIBRARY_100K="$WORK/library-100k"
DAY_FILE="$WORK/day-2026-01-05-1000.jsonl"
DAY=2026-01-05
mkdir -p "$WORK"
need() { [ -x "$1" ] || { echo "$1 is missing: run Benchmarks/Scripts/prepare.sh first" >&2; exit 1; }; }
