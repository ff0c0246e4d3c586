#!/usr/bin/env bash
# The volume test bed: libraries of 100 k, 1 M and 2.7 M papers (all of arXiv), each ingested through the
# CLI from one snapshot file, then every user-facing command timed as a cold process on each.
#
# The 2.7 M-record file is the 40,717 real corpus records repeated, every copy after the first pass with a
# new id (SyntheticID; text, authors, categories real). Smaller sizes are its first N lines, so the 100 k
# library holds the same papers as prepare.sh's. For each size it records:
#   ingest: wall and CPU time, peak RSS (/usr/bin/time -v), papers/s; size of library.sqlite (+ -wal),
#           the vector file, its 8-bit copies (full rows .i8, prefix .p8) and the weak-negative cache
#   cold commands (a new arxrec process per run; the OS page cache is warm, as after any earlier command;
#   one untimed warm-up run each): similar, search, shortlist --input of a new 1,000-paper day (each run a
#   different day file, so every run ingests 1,000 new papers), shortlist --date, daily --offline, stats,
#   and reindex (only at sizes in $REINDEX_SIZES: it re-embeds every paper).
# Results go to $OUT (default Results/<date>-volume/): one line per figure in figures.txt, raw outputs beside it.
#   SIZES="100000 1000000 2700000"  RUNS=5  REINDEX_SIZES="100000 1000000"  KEEP=1 (keep the libraries)
# Needs ~20 GB under $ARXREC_BENCH_DIR for all three sizes (the file 5.3 GB, libraries 0.3 + 3 + 8.5 GB);
# a library is deleted after its size is measured unless KEEP=1.
source "$(dirname "$0")/common.sh"
SIZES="${SIZES:-100000 1000000 2700000}"
RUNS="${RUNS:-5}"
REINDEX_SIZES="${REINDEX_SIZES:-100000 1000000}"
LARGEST=$(tr ' ' '\n' <<< "$SIZES" | sort -n | tail -1)
OUT="${OUT:-$BENCH_ROOT/Results/$(date +%F)-volume}"
VOLUME="$WORK/volume-$LARGEST.jsonl"
mkdir -p "$OUT"
need "$ARXREC"; need "$BENCH_DATA"
{
    date -u +"%F %T UTC"; echo "nproc $(nproc)"; grep -m1 "model name" /proc/cpuinfo
    grep MemTotal /proc/meminfo; uptime; "$ARXREC" --version 2>/dev/null || true
} > "$OUT/machine.txt"

[ -s "$VOLUME" ] || "$BENCH_DATA" snapshot --count "$LARGEST" --out "$VOLUME"
# One 1,000-paper day per timed run of shortlist --input (and its warm-up): new ids in blocks 600…,
# real texts of corpus records 20,000…20,999, announced 2026-01-05, 2026-01-06, …
for run in $(seq 0 "$RUNS"); do
    day=$(date -u -d "2026-01-05 + $run days" +%F)
    file="$WORK/day-$day-1000.jsonl"
    [ -s "$file" ] || "$BENCH_DATA" snapshot --count 1000 --new-ids --block $((600 + run)) --first 20000 --day "$day" --out "$file" > /dev/null
done
FIRST_DAY=2026-01-05

figure() { echo "$1" | tee -a "$OUT/figures.txt"; }
TIMING="$WORK/volume-timing.txt"
# Seconds of one run of `$@` (output discarded).
seconds() { /usr/bin/time -f "%e" -o "$TIMING" "$@" > /dev/null 2>&1; tail -1 "$TIMING"; }
# "min / median / max" in ms of the seconds on standard input.
spread() { sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "%.0f / %.0f / %.0f ms (min / median / max of %d)", a[1], a[int((NR + 1) / 2)], a[NR], NR }'; }
# Times `$@` RUNS times after one untimed warm-up.
cold() {
    "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    for _ in $(seq "$RUNS"); do seconds "$@"; done | spread
}
bytes() { du -b --apparent-size "$@" 2>/dev/null | awk '{ s += $1 } END { printf "%.2f GB", s / 1e9 }'; }

for size in $SIZES; do
    library="$WORK/library-volume-$size"
    rm -rf "$library"
    echo "== $size papers (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    head -n "$size" "$VOLUME" | /usr/bin/time -v "$ARXREC" ingest --data-dir "$library" --input-format snapshot - \
        > "$OUT/ingest-$size.txt" 2> "$OUT/ingest-$size.time"
    wall=$(grep "Elapsed (wall clock)" "$OUT/ingest-$size.time" | awk '{ print $NF }')
    rss=$(grep "Maximum resident" "$OUT/ingest-$size.time" | awk '{ print $NF }')
    user=$(grep "User time" "$OUT/ingest-$size.time" | awk '{ print $NF }')
    sys=$(grep "System time" "$OUT/ingest-$size.time" | awk '{ print $NF }')
    figure "$size ingest: $wall wall, ${user}s user, ${sys}s sys, peak RSS $((rss / 1024)) MB (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
    figure "$size after ingest: library.sqlite $(bytes "$library/library.sqlite"), WAL $(bytes "$library/library.sqlite-wal"), vectors $(bytes "$library"/vectors-*.f32), 8-bit copies (.i8 + prefix .p8) $(bytes "$library"/vectors-*.i8 "$library"/vectors-*.p8)"

    # The profile of prepare.sh: two unrelated interests and a dislike.
    for id in 2503.11731 2503.12001 2503.14620 2503.15454; do "$ARXREC" rate --offline --data-dir "$library" "$id" like > /dev/null; done
    "$ARXREC" rate --offline --data-dir "$library" 2503.11905 dislike > /dev/null
    t0=$(date +%s.%N); "$ARXREC" profile show --data-dir "$library" > /dev/null; t1=$(date +%s.%N)
    figure "$size first profile (draws and factors the weak negatives, writes their cache): $(echo "($t1 - $t0) * 1000" | bc | cut -d. -f1) ms"
    figure "$size weak-negative cache: $(bytes "$library"/weak-negatives-*.bin)"

    figure "$size similar --top 10: $(cold "$ARXREC" similar --offline --data-dir "$library" 2503.14620 --top 10)"
    figure "$size search --top 10: $(cold "$ARXREC" search --data-dir "$library" "gaussian splatting for dynamic scenes" --top 10)"
    figure "$size stats: $(cold "$ARXREC" stats --data-dir "$library")"
    # shortlist --input: each run ingests a day not yet in the library (the warm-up takes the first).
    for run in $(seq 0 "$RUNS"); do
        t=$(seconds "$ARXREC" shortlist --data-dir "$library" --input "$WORK/day-$(date -u -d "$FIRST_DAY + $run days" +%F)-1000.jsonl" --top 10)
        [ "$run" -gt 0 ] && echo "$t"
    done > "$OUT/shortlist-input-$size.txt"
    figure "$size shortlist --input (new 1,000-paper day): $(spread < "$OUT/shortlist-input-$size.txt")"
    figure "$size shortlist --date (1,000 candidates): $(cold "$ARXREC" shortlist --data-dir "$library" --date "$FIRST_DAY" --top 10)"
    echo '{"formats": ["json"]}' > "$library/config.json"
    figure "$size daily --offline --date (1,000 candidates): $(cold "$ARXREC" daily --offline --data-dir "$library" --date "$FIRST_DAY")"
    if grep -qw "$size" <<< "$REINDEX_SIZES"; then
        /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" -o "$TIMING" "$ARXREC" reindex --data-dir "$library" > /dev/null 2>&1
        figure "$size reindex: $(tail -1 "$TIMING")"
    fi
    figure "$size library on disk: library.sqlite $(bytes "$library/library.sqlite"), WAL $(bytes "$library/library.sqlite-wal"), vectors $(bytes "$library"/vectors-*.f32), 8-bit copies $(bytes "$library"/vectors-*.i8 "$library"/vectors-*.p8), weak negatives $(bytes "$library"/weak-negatives-*.bin), total $(bytes "$library")"
    [ "${KEEP:-0}" = 1 ] || rm -rf "$library"
done
uptime >> "$OUT/machine.txt"
