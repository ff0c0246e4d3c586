#!/usr/bin/env bash
# Builds arxrec and the volume writer in release, writes the volume files (real corpus records, copies
# beyond the 40,717 real ones with new ids 30xx.xxxxx) and the 100 k-paper library with a rated profile
# that cold-commands.sh times. Takes a few minutes; run once.
source "$(dirname "$0")/common.sh"
"$REPO_ROOT/Scripts/build-release" > /dev/null
(cd "$BENCH_ROOT" && swift build -c release --product bench-data)

# 100 k papers: the corpus, then 59,283 copies with new ids.
[ -s "$WORK/volume-100k.jsonl" ] || "$BENCH_DATA" snapshot --count 100000 --out "$WORK/volume-100k.jsonl"
# A day of 1,000 new papers (real texts of corpus records 20,000…20,999, new ids in block 600, all announced $DAY).
[ -s "$DAY_FILE" ] || "$BENCH_DATA" snapshot --count 1000 --new-ids --block 600 --first 20000 --day "$DAY" --out "$DAY_FILE"
# Peak-memory files: 1× and 10× the corpus, 1× and 10× the 200-line snapshot sample.
[ -s "$WORK/volume-10x.jsonl" ] || "$BENCH_DATA" snapshot --count 407170 --out "$WORK/volume-10x.jsonl"
SAMPLE="${ARXREC_SHARED_DATA:-$REPO_ROOT/../shared/data}/snapshot/arxiv-metadata-oai-snapshot-sample.jsonl"
[ -s "$WORK/sample-10x.jsonl" ] || "$BENCH_DATA" snapshot --count 2000 --source "$SAMPLE" --out "$WORK/sample-10x.jsonl"

if [ ! -s "$LIBRARY_100K/library.sqlite" ]; then
    rm -rf "$LIBRARY_100K"
    /usr/bin/time -f "ingest of 100,000 papers (arxrec ingest, cold): %e s wall, %U s user, %M KB peak RSS" \
        "$ARXREC" ingest --data-dir "$LIBRARY_100K" "$WORK/volume-100k.jsonl"
    # A profile with two unrelated interests (Gaussian splatting, retrieval-augmented generation) and a dislike.
    for id in 2503.11731 2503.12001 2503.14620 2503.15454; do "$ARXREC" rate --offline --data-dir "$LIBRARY_100K" "$id" like; done
    "$ARXREC" rate --offline --data-dir "$LIBRARY_100K" 2503.11905 dislike
fi
"$ARXREC" stats --data-dir "$LIBRARY_100K" --format json
