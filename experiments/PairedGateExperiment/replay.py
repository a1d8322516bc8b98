#!/usr/bin/env python3
"""Replays the paired gate's decision rule (Gate/PairedGate.cs) on the processes an experiment measured:

    replay.py DIR [DIR ...] [--aa-scale X] [--width Z] [--last-call F] [--min-noise S] [--spread-from N] [--trials N]

For each variant and benchmark the processes of all runs are pooled (each with its change and its two A/A self
changes, from results.json), and the sequential rule is run many times on processes drawn at random from the pool,
so a rule can be judged on more decisions than were run. The defaults are the product's; change one to see what it
would have done. Variants other than aa are only meaningful for the benchmarks they slow down."""
import argparse, json, math, pathlib, random, statistics as st
from collections import defaultdict

def pools(dirs):
    out = defaultdict(list)
    for d in map(pathlib.Path, dirs):
        for f in sorted((d / "results").glob("*/results.json")):
            variant = f.parent.name.rsplit("-", 2)[0]
            for r in json.loads(f.read_text())["results"]:
                g = r.get("baseline_comparison") or {}
                ratios, selfs = g.get("process_ratios") or [], g.get("self_ratios") or []
                per = len(selfs) // len(ratios) if ratios else 0
                for i, ratio in enumerate(ratios):
                    out[(variant, r["name"])].append((math.log(ratio), [math.log(x) for x in selfs[i * per:(i + 1) * per]]))
    return out

def decide(draw, a):
    limit0 = math.log(1 + a.threshold)
    changes, selfs = [], []
    for n in range(1, a.max_processes + 1):
        c, s = draw()
        changes.append(c); selfs.extend(s)
        if n < a.min_processes: continue
        noise = max(a.min_noise, math.sqrt(st.mean([x * x for x in selfs])) * a.aa_scale if selfs else 0)
        if n >= a.spread_from: noise = max(noise, st.stdev(changes))
        d = st.mean(changes); half = a.width * noise / math.sqrt(n); limit = max(limit0, half)
        lo, hi = d - half, d + half
        if lo > 0 and d >= limit: return "R", n
        if hi < 0 and d <= -limit: return "I", n
        if hi < limit and lo > -limit: return "P", n
        if n >= a.max_processes:
            share = a.last_call if n >= 3 else 1.0
            if lo > 0 and d >= share * limit: return "R", n
            if hi < 0 and d <= -share * limit: return "I", n
            return "P", n
        if abs(d) < limit0 / 2 and lo <= 0 <= hi: return "P", n

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("dirs", nargs="+")
    p.add_argument("--threshold", type=float, default=0.10)
    p.add_argument("--width", type=float, default=3.0)
    p.add_argument("--aa-scale", type=float, default=1.0)
    p.add_argument("--min-noise", type=float, default=0.005)
    p.add_argument("--last-call", type=float, default=0.75)
    p.add_argument("--min-processes", type=int, default=2)
    p.add_argument("--spread-from", type=int, default=2)
    p.add_argument("--max-processes", type=int, default=8)
    p.add_argument("--trials", type=int, default=4000)
    a = p.parse_args()
    random.seed(1)
    print(f"{'variant':8s} {'benchmark':28s} {'pool':>4s} {'Regressed':>9s} {'Improved':>8s} {'processes':>9s}")
    for (variant, name), pool in sorted(pools(a.dirs).items()):
        verdicts, ns = defaultdict(int), []
        for _ in range(a.trials):
            v, n = decide(lambda: random.choice(pool), a)
            verdicts[v] += 1; ns.append(n)
        print(f"{variant:8s} {name:28s} {len(pool):4d} {100 * verdicts['R'] / a.trials:8.2f}% {100 * verdicts['I'] / a.trials:7.2f}% {st.mean(ns):9.2f}")
