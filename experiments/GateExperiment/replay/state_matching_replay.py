#!/usr/bin/env python3
"""Replays the state-matched gate on the processes of a gate experiment (--samples file), offline.

For every measured process it recomputes the state-matched change against the kernel's baseline recordings
for several matching settings (probes used, neighbours K, radius R), then judges every check under several
decision rules. Where a rule wants more fresh processes than the live run started, the following processes of
the same kernel, variant and condition (quiet/hog) stand in, in time order, as in the C# replay.

Needs python3 with numpy (Debian: apt-get install python3-numpy). Usage:
  python3 experiments/GateExperiment/replay/state_matching_replay.py perf-results/gate-experiment-samples.json
"""
import json, math, sys
from collections import defaultdict
import numpy as np

PROBES = ['branch-4k', 'memory-stream-1MiB', 'quadratic-form-32']
# (probe indices, neighbours, radius): the shipped setting first.
SETTINGS = [((0, 1, 2), 15, 0.12), ((0, 1, 2), 15, 0.08), ((0, 1, 2), 10, 0.15), ((2,), 15, 0.05), ((1, 2), 15, 0.10)]
# (suspect fraction of the limit, confirmations, floor fraction for each confirmation, extra tries for unmatched)
RULES = [(0.5, 2, 0.5, 2), (1.0, 2, 0.5, 2), (0.5, 3, 0.5, 2), (0.5, 2, 0.0, 2), (1.0, 1, 0.5, 2)]
LIMIT = math.log(1.10)


def process_samples(p, dims):
    ns = np.array(p['Nanoseconds'])
    state = p.get('State') or {}
    if len(ns) == 0 or any(n not in state for n in PROBES):
        return None
    s = np.log(np.column_stack([state[n] for n in PROBES]))[:, dims]
    ok = (ns > 0) & np.all(np.isfinite(s), axis=1)
    return np.log(ns[ok]), s[ok]


def estimate(base, cur, k, radius, min_fraction=0.25, min_count=20, widen=False):
    for r in ((radius, 2 * radius) if widen else (radius,)):
        bt, bs = base
        ct, cs = cur
        residuals = []
        for t, s in zip(ct, cs):
            d = np.max(np.abs(bs - s), axis=1)
            idx = np.argpartition(d, k - 1)[:k]
            if d[idx].max() > r:
                continue
            residuals.append(t - np.median(bt[idx]))
        if len(residuals) >= min_count and len(residuals) >= min_fraction * len(ct):
            return float(np.median(residuals))
    return None


def shifts_for(data, dims, k, radius):
    P = data['Processes']
    base = {}
    for kernel, ids in data['Baselines'].items():
        parts = [process_samples(P[i], dims) for i in ids]
        base[kernel] = (np.concatenate([x[0] for x in parts]), np.vstack([x[1] for x in parts]))
    out = {}
    for p in P:
        if p['Role'] == 'baseline' or p['Error']:
            continue
        a = process_samples(p, dims)
        out[p['Id']] = None if a is None else estimate(base[p['Kernel']], a, k, radius)
    return out


def decide(check, shifts, groups, suspect, confirmations, floor, tries):
    g = groups[(check['Kernel'], check['Slowdown'], check['Hog'])]
    pool = g[g.index(check['First']) + 1:]
    used = 1
    first = shifts.get(check['First'])
    while first is None and pool and used < 1 + tries:
        used += 1
        first = shifts.get(pool.pop(0))
    if first is None:
        return 'Unmatched', used
    if first <= suspect * LIMIT:
        return 'Passed', used
    values, unmatched = [first], 0
    while len(values) < confirmations + 1:
        if not pool:
            return 'Inconclusive', used
        used += 1
        v = shifts.get(pool.pop(0))
        if v is None:
            unmatched += 1
            if unmatched > tries:
                return 'Inconclusive', used
            continue
        values.append(v)
        if v <= floor * LIMIT:
            return 'Passed', used
    return ('Regressed' if sum(values) / len(values) > LIMIT else 'Passed'), used


def main(path):
    data = json.load(open(path))
    groups = defaultdict(list)
    for c in data['Checks']:
        for i in [c['First']] + (c.get('Confirms') or []):
            groups[(c['Kernel'], c['Slowdown'], c['Hog'])].append(i)
    for g in groups.values():
        g.sort()
    print('| probes, K, R | unmatched processes | rule (suspect, confirmations, floor, retries) | kernel | A/A | +5% | +10% | +20% | +50% | processes per check |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for dims, k, radius in SETTINGS:
        shifts = shifts_for(data, list(dims), k, radius)
        unmatched = sum(1 for v in shifts.values() if v is None) / len(shifts)
        names = '+'.join(PROBES[d] for d in dims)
        for rule in RULES:
            for kernel in sorted({c['Kernel'] for c in data['Checks']}):
                cells, cost = [], []
                for variant in [0, 0.05, 0.1, 0.2, 0.5]:
                    checks = [c for c in data['Checks'] if c['Kernel'] == kernel and c['Slowdown'] == variant]
                    if not checks:
                        cells.append('–')
                        continue
                    verdicts = [decide(c, shifts, groups, *rule) for c in checks]
                    cost += [u for _, u in verdicts]
                    regressed = sum(1 for v, _ in verdicts if v == 'Regressed')
                    undecided = sum(1 for v, _ in verdicts if v in ('Inconclusive', 'Unmatched'))
                    cells.append(f'{regressed}/{len(checks)}' + (f' ({undecided} undecided)' if undecided else ''))
                print(f'| {names}, {k}, {radius} | {unmatched:.1%} | {rule} | {kernel} | ' + ' | '.join(cells) + f' | {sum(cost) / len(cost):.2f} |')


if __name__ == '__main__':
    main(sys.argv[1])
