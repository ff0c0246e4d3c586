#!/usr/bin/env bash
# Peak resident memory of `arxrec ingest` (a fresh process and an empty library per file) streaming snapshot
# files of 1× and 10× a size: the 40,717-paper corpus against 407,170 papers (the corpus, then copies with
# new ids), and the 200-line snapshot sample against 2,000 lines. Memory should not grow with the file.
source "$(dirname "$0")/common.sh"
need "$ARXREC"
CORPUS="${ARXREC_SHARED_DATA:-$REPO_ROOT/../shared/data}/corpus/arxiv-cs-2025.jsonl"
SAMPLE="${ARXREC_SHARED_DATA:-$REPO_ROOT/../shared/data}/snapshot/arxiv-metadata-oai-snapshot-sample.jsonl"
for file in "$SAMPLE" "$WORK/sample-10x.jsonl" "$CORPUS" "$WORK/volume-10x.jsonl"; do
    [ -s "$file" ] || { echo "$file is missing: run prepare.sh first" >&2; exit 1; }
    rm -rf "$WORK/library-rss"
    lines=$(wc -l < "$file")
    /usr/bin/time -f "$(basename "$file") ($lines papers, $(du -h "$file" | cut -f1)): peak RSS %M KB, %e s wall, %U s user" \
        "$ARXREC" ingest --data-dir "$WORK/library-rss" "$file" > /dev/null
done
rm -rf "$WORK/library-rss"
