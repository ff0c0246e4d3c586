#!/usr/bin/env bash
# Runs every suite in release, one after the other (never two at once: the machine has two cores), and
# keeps each output in Results/<date>/. Needs prepare.sh's files for the last two steps.
source "$(dirname "$0")/common.sh"
OUT="$BENCH_ROOT/Results/$(date +%F)"
mkdir -p "$OUT"
{
    date -u +"%F %T UTC"; echo "nproc $(nproc)"; grep -m1 "model name" /proc/cpuinfo
    grep MemTotal /proc/meminfo; uptime
} > "$OUT/machine.txt"
cd "$BENCH_ROOT"
swift build -c release > /dev/null
for suite in Embedding Fit Similarity Ingest; do
    echo "== $suite (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    # Ingest's target is for one core: pin it (its embedder would otherwise use both).
    pin=(); [ "$suite" = Ingest ] && pin=(taskset -c 0)
    "${pin[@]}" swift package benchmark --target "$suite" --no-progress 2>&1 | tee "$OUT/$suite.txt"
done
echo "== cold commands (load: $(cut -d' ' -f1-3 /proc/loadavg))"
EXPORT="$OUT/cold-commands.md" "$BENCH_ROOT/Scripts/cold-commands.sh" 2>&1 | tee "$OUT/cold-commands.txt"
echo "== ingest peak RSS (load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$BENCH_ROOT/Scripts/ingest-rss.sh" 2>&1 | tee "$OUT/ingest-rss.txt"
uptime >> "$OUT/machine.txt"
