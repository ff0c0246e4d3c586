#!/usr/bin/env python3
"""Compares two `arxrec evaluate --dump-similar FILE` dumps query by query (Models/EXPERIMENTS.md, session 14).

Why: P@10_primary moves by a few thousandths between re-rank settings, less than its own standard error over
5,000 queries (~0.004), but two runs with the same --seed, --papers and --queries ask the same queries, so the
per-query difference has a far smaller standard error (~0.001). The script refuses dumps of different queries.

    Scripts/similar-paired.py BASELINE.tsv OTHER.tsv

Prints each mean P@10_primary, the difference (OTHER - BASELINE), its paired standard error and how many
queries changed.
"""
import math
import sys


def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            paper, same = line.rstrip("\n").split("\t")
            rows.append((paper, int(same)))
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    base, other = load(sys.argv[1]), load(sys.argv[2])
    if [p for p, _ in base] != [p for p, _ in other] or not base:
        sys.exit("the dumps ask different queries (or none): use the same --seed, --papers and --queries")
    k = 10
    diffs = [(b - a) / k for (_, a), (_, b) in zip(base, other)]
    n = len(diffs)
    mean = sum(diffs) / n
    sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (n - 1)) if n > 1 else 0.0
    print("baseline %.4f  other %.4f  difference %+.4f ± %.4f (paired s.e., %d queries, %d changed)" % (
        sum(s for _, s in base) / (k * n), sum(s for _, s in other) / (k * n), mean, sd / math.sqrt(n), n,
        sum(1 for d in diffs if d)))


if __name__ == "__main__":
    main()
