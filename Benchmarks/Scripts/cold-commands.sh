#!/usr/bin/env bash
# Times the user-facing commands as cold processes (a new arxrec process per run; the OS page cache stays
# warm, as it is for a user who ran anything recently) on the 100 k-paper library of prepare.sh.
#   shortlist --input: a 1,000-paper day file not yet in the library (ingested on the fly); every run starts
#                      from a fresh copy of the library (the copy is hyperfine's --prepare, not timed)
#   shortlist --date:  the same day already in the library
#   similar:           the 10 nearest papers of one library paper
# The library is used as a user's is: its weak-negative cache (weak-negatives-<model>.bin, written by the first
# shortlist after a model change) exists. "first shortlist" times the run that has to build it.
source "$(dirname "$0")/common.sh"
need "$ARXREC"; [ -s "$LIBRARY_100K/library.sqlite" ] || { echo "run prepare.sh first" >&2; exit 1; }
RUNS="${RUNS:-10}"
SCRATCH="$WORK/library-scratch"
WITH_DAY="$WORK/library-100k-with-day"
if [ ! -s "$WITH_DAY/library.sqlite" ]; then
    rm -rf "$WITH_DAY"; cp -a "$LIBRARY_100K" "$WITH_DAY"
    "$ARXREC" ingest --data-dir "$WITH_DAY" "$DAY_FILE" > /dev/null
fi
# Prime the weak-negative cache of the current model, as any earlier shortlist on this library would have
# (a cache of an earlier model does not count; priming a fresh cache only reads it).
"$ARXREC" profile show --data-dir "$LIBRARY_100K" > /dev/null
"$ARXREC" profile show --data-dir "$WITH_DAY" > /dev/null
EXPORT="${EXPORT:-$WORK/cold-commands.md}"
if command -v hyperfine > /dev/null; then
    hyperfine --runs "$RUNS" --warmup 1 --export-markdown "$EXPORT" \
        --prepare "rm -rf '$SCRATCH' && cp -a '$LIBRARY_100K' '$SCRATCH'" \
        -n "shortlist --input day of 1,000 (100k library)" \
        "'$ARXREC' shortlist --data-dir '$SCRATCH' --input '$DAY_FILE' --top 10" \
        --prepare "true" \
        -n "shortlist --date (day in library)" \
        "'$ARXREC' shortlist --data-dir '$WITH_DAY' --date $DAY --top 10" \
        --prepare "true" \
        -n "similar --k 10 (100k library)" \
        "'$ARXREC' similar --offline --data-dir '$WITH_DAY' 2503.14620 --k 10" \
        -n "first shortlist --date after a model change (builds the negatives cache)" \
        --prepare "rm -f '$WITH_DAY'/weak-negatives-*.bin" \
        "'$ARXREC' shortlist --data-dir '$WITH_DAY' --date $DAY --top 10"
    cat "$EXPORT"
else
    for run in $(seq "$RUNS"); do
        rm -rf "$SCRATCH" && cp -a "$LIBRARY_100K" "$SCRATCH"
        /usr/bin/time -f "shortlist --input: %e s" "$ARXREC" shortlist --data-dir "$SCRATCH" --input "$DAY_FILE" --top 10 > /dev/null
        /usr/bin/time -f "shortlist --date: %e s" "$ARXREC" shortlist --data-dir "$WITH_DAY" --date $DAY --top 10 > /dev/null
        /usr/bin/time -f "similar: %e s" "$ARXREC" similar --offline --data-dir "$WITH_DAY" 2503.14620 --k 10 > /dev/null
    done
fi
rm -rf "$SCRATCH"
