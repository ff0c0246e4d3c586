#!/usr/bin/env python3
"""Re-ranks the profile task offline from `arxrec evaluate --dump-scores FILE` (Models/EXPERIMENTS.md, session 13).

Why: a 500-user `evaluate --crosslang` takes minutes, but the blend of a profile's terms (ridge, nearest liked
less hubness, topical) can be re-ranked from the dumped terms in milliseconds. The script first reproduces the
figures `evaluate` printed from the dumped scores (the ranks, nDCG@10 and its standard error, as
Sources/Evaluation/RankingMetrics.swift computes them, ties against the positive), then grids the blend's
weights of one reading on a tuning range of users and measures the best settings on held-out users, paired
with today's weights (the same users, positives and days: the difference's standard error is the noise).

    Scripts/blend-grid.py DUMP [--reading chinese] [--tune 0:500] [--validate 500:] [--top 8]
    Scripts/blend-grid.py SEED7-DUMP --reading english --tune 0: --validate 0: --validate-dump SEED8-DUMP

A dump is parsed once and cached beside it as DUMP.npz.
"""
import argparse
import itertools
import os
import sys

import numpy as np

# ProfileSettings' defaults (Sources/Recommender/Profile/ProfileSettings.swift), the weights a dump made without
# --profile-settings was scored with; --weights gives others. Every run checks them: the dumped terms recombined
# with them must give the dumped scores bit for bit, so defaults that drift from the Swift ones stop the script.
DEFAULT = {"nearest": 0.4, "hubness": 1.5, "topical": 0.07}
NUMERIC = ["linear", "nearest", "hubness", "topical", "score"]


def load(path):
    cache = path + ".npz"
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(path):
        with np.load(cache) as z:
            return {k: z[k] for k in z.files}
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    expected = ["reading", "user", "held_out", "paper", "positive"] + NUMERIC
    if header != expected:
        sys.exit(f"{path}:1: header {header} is not {expected}: dump it again with this arxrec")
    columns = list(zip(*rows))
    data = {
        "reading": np.array(columns[0]),
        "user": np.array(columns[1], dtype=np.int64),
        "held_out": np.array(columns[2], dtype=np.int64),
        "positive": np.array(columns[4], dtype=np.int8) == 1,
    }
    for i, name in enumerate(NUMERIC):
        data[name] = np.array(columns[5 + i], dtype=np.float32)
    np.savez(cache, **data)
    return data


class Reading:
    """One reading's rows, grouped by (user, held-out positive)."""

    def __init__(self, data, reading, users):
        mask = data["reading"] == reading
        if users is not None:
            mask &= (data["user"] >= users[0]) & (data["user"] < users[1])
        self.terms = {name: data[name][mask] for name in NUMERIC}
        user = data["user"][mask]
        key = user * 10_000 + data["held_out"][mask]
        self.keys, self.group = np.unique(key, return_inverse=True)
        self.positive = data["positive"][mask]
        if np.bincount(self.group, weights=self.positive).max() != 1 or self.positive.sum() != len(self.keys):
            sys.exit(f"{reading}: every held-out day needs exactly one positive row")
        self.positive_row = np.flatnonzero(self.positive)[np.argsort(self.group[self.positive])]
        self.group_user = self.keys // 10_000
        self.users, self.user_index = np.unique(self.group_user, return_inverse=True)

    def score(self, nearest, hubness, topical, linear=1.0, transform=None):
        """The blend in Float arithmetic, in `Profile.score`'s order, so today's weights give its scores exactly."""
        t = self.terms if transform is None else transform(self)
        f = np.float32
        return (f(linear) * t["linear"] if linear != 1.0 else t["linear"]) + f(nearest) * (
            t["nearest"] - f(hubness) * t["hubness"]
        ) + f(topical) * t["topical"]

    def gains(self, score):
        """Per held-out day: 1/log2(rank + 1) when rank ≤ 10, else 0; rank = 1 + others scoring at least as high."""
        positive_score = score[self.positive_row][self.group]
        above = ((score >= positive_score) | np.isnan(score)) & ~self.positive
        rank = 1 + np.bincount(self.group, weights=above, minlength=len(self.keys))
        return np.where(rank <= 10, 1 / np.log2(rank + 1), 0.0)

    def figures(self, gains):
        """Pooled nDCG@10 and its standard error with users as clusters (RankingAccumulator.nDCGStandardError)."""
        per_user = np.bincount(self.user_index, weights=gains, minlength=len(self.users))
        counts = np.bincount(self.user_index, minlength=len(self.users))
        total = counts.sum()
        pooled = per_user.sum() / total
        u = len(self.users)
        se = np.sqrt(u / (u - 1) * ((per_user - pooled * counts) ** 2).sum()) / total if u > 1 else 0.0
        return pooled, se

    def difference(self, gains, base):
        """The paired difference of two settings' nDCG@10 on the same days, and its clustered standard error."""
        diff = np.bincount(self.user_index, weights=gains - base, minlength=len(self.users))
        counts = np.bincount(self.user_index, minlength=len(self.users))
        total = counts.sum()
        mean = diff.sum() / total
        u = len(self.users)
        return mean, np.sqrt(u / (u - 1) * ((diff - mean * counts) ** 2).sum()) / total


def standardised(by):
    """Each term z-scored within its day (`by` "day") or over all of one user's rows ("user", a per-profile
    scale): weights then read as shares of a term's spread there, whatever the profile's or reading's scale."""

    def transform(r):
        group = r.group if by == "day" else r.user_index[r.group]
        out = {}
        counts = np.bincount(group)
        for name in ["linear", "nearest", "hubness", "topical"]:
            x = r.terms[name].astype(np.float64)
            mean = np.bincount(group, weights=x) / counts
            var = np.bincount(group, weights=x * x) / counts - mean**2
            out[name] = ((x - mean[group]) / np.sqrt(np.maximum(var, 1e-18))[group]).astype(np.float32)
        return out

    return transform


def parse_range(text):
    lo, _, hi = text.partition(":")
    return (int(lo or 0), int(hi) if hi else 1 << 40)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dump")
    parser.add_argument("--reading", default="chinese")
    parser.add_argument("--tune", default="0:500", help="users to tune on (first:end, indices of the seeded draw)")
    parser.add_argument("--validate", default=None, help="held-out users (e.g. 500:)")
    parser.add_argument("--validate-dump", default=None, help="validate on this dump's users instead (another seed)")
    parser.add_argument("--top", type=int, default=8)
    parser.add_argument("--nearest", default="0,0.2,0.3,0.4,0.5,0.6,0.8,1,1.5")
    parser.add_argument("--hubness", default="0,0.5,1,1.5,2,2.5,3")
    parser.add_argument("--topical", default="0,0.035,0.07,0.1,0.14,0.2,0.3")
    parser.add_argument("--standardised", choices=["day", "user"], help="grid the z-scored terms instead (per day or per user)")
    parser.add_argument("--weights", default=None,
                        help="nearest,hubness,topical the dump was scored with (default: ProfileSettings' defaults)")
    args = parser.parse_args()
    today = DEFAULT
    if args.weights:
        values = [float(v) for v in args.weights.split(",")]
        if len(values) != 3:
            sys.exit("--weights takes three numbers: nearest,hubness,topical")
        today = dict(zip(["nearest", "hubness", "topical"], values))

    data = load(args.dump)
    readings = sorted(set(data["reading"].tolist()))
    # Reproduction: every reading, all users, from the dumped scores and from today's weights recombined.
    for name in readings:
        r = Reading(data, name, None)
        dumped = r.figures(r.gains(r.terms["score"]))
        recombined_score = r.score(**today)
        recombined = r.figures(r.gains(recombined_score))
        print(f"{name}: {len(r.users)} users, {len(r.keys)} positives: nDCG@10 {dumped[0]:.4f} ± {dumped[1]:.4f} "
              f"(dumped scores); today's weights recombined {recombined[0]:.4f}")
        if not np.array_equal(recombined_score, r.terms["score"]):
            sys.exit(f"{args.dump}: the terms recombined with nearest {today['nearest']:g}, hubness "
                     f"{today['hubness']:g}, topical {today['topical']:g} are not the dumped scores: pass the "
                     "weights the dump was made with (--weights), or update DEFAULT to ProfileSettings' defaults")

    tune = Reading(data, args.reading, parse_range(args.tune))
    transform = standardised(args.standardised) if args.standardised else None
    base = tune.gains(tune.score(**today))
    print(f"tune {args.reading} users {args.tune}: {len(tune.users)} users, {len(tune.keys)} positives, "
          f"today {tune.figures(base)[0]:.4f}")
    grid = []
    for n, h, t in itertools.product(*(map(float, s.split(",")) for s in (args.nearest, args.hubness, args.topical))):
        if n == 0 and h != 0:
            continue
        g = tune.gains(tune.score(n, h, t, transform=transform))
        grid.append((tune.figures(g)[0], n, h, t))
    grid.sort(reverse=True)
    for ndcg, n, h, t in grid[: args.top]:
        d = tune.difference(tune.gains(tune.score(n, h, t, transform=transform)), base)
        print(f"  nearest {n:g} hubness {h:g} topical {t:g}: {ndcg:.4f} ({d[0]:+.4f} ± {d[1]:.4f})")
    if args.validate:
        other = load(args.validate_dump) if args.validate_dump else data
        held = Reading(other, args.reading, parse_range(args.validate))
        held_base = held.gains(held.score(**today))
        b = held.figures(held_base)
        print(f"validate users {args.validate}: {len(held.users)} users, {len(held.keys)} positives, "
              f"today {b[0]:.4f} ± {b[1]:.4f}")
        for _, n, h, t in grid[: args.top]:
            g = held.gains(held.score(n, h, t, transform=transform))
            f = held.figures(g)
            d = held.difference(g, held_base)
            print(f"  nearest {n:g} hubness {h:g} topical {t:g}: {f[0]:.4f} ± {f[1]:.4f} "
                  f"(paired {d[0]:+.4f} ± {d[1]:.4f})")


if __name__ == "__main__":
    main()
