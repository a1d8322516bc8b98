#!/usr/bin/env python3
"""Tables of a paired gate experiment (run.sh --out DIR):

    summarize.py DIR [DIR ...]

For every variant and benchmark: how often each verdict came out, the mean measured change, the processes the
gate used and the noise floor it reported; then the A/A false alarms, the detection of the injected changes and the
cost of the runs."""
import json, math, pathlib, statistics as st, sys
from collections import defaultdict

# variant -> the benchmarks it slows down (the first ones are those the issue sets targets for)
TOUCHED = {
    "fe2x": ["FreeEnergy(10)", "FreeEnergy(100)", "FreeEnergy(1000)"],
    "slow20": ["FreeEnergy(100)", "FreeEnergy(1000)", 'InferStates("large")', "BeliefUpdate(1000)", "MatrixBatch", 'InferPolicies("large")',
               "FreeEnergy(10)", 'InferStates("small")', "BeliefUpdate(10)", "BeliefUpdate(100)"],
    "slow10": ["FreeEnergy(100)", 'InferStates("large")', "FreeEnergy(1000)", "BeliefUpdate(1000)", "MatrixBatch", 'InferPolicies("large")',
               "FreeEnergy(10)", 'InferStates("small")', "BeliefUpdate(10)", "BeliefUpdate(100)"],
}

def load(dirs):
    rows, runs = [], []
    for d in map(pathlib.Path, dirs):
        for line in (d / "runs.jsonl").read_text().splitlines() if (d / "runs.jsonl").exists() else []:
            runs.append(json.loads(line))
        for f in sorted((d / "results").glob("*/results.json")):
            variant, run, hog = f.parent.name.rsplit("-", 2)
            for r in json.loads(f.read_text())["results"]:
                g = r.get("baseline_comparison") or {}
                rows.append(dict(variant=variant, run=int(run), hog=hog == "hog1", name=r["name"], verdict=g.get("verdict", "-"),
                                 ratio=g.get("ratio"), processes=g.get("processes", 0), floor=g.get("noise_floor"),
                                 method=g.get("method", "none"), message=g.get("message", ""), elapsed=r.get("elapsed_ms", 0) / 1000,
                                 compared=g.get("comparison_seconds", 0), threshold=g.get("threshold", 0.10), dir=str(f.parent)))
    return rows, runs

def pct(x): return "-" if x is None else f"{(x - 1) * 100:+.1f}%"

def table(rows):
    groups = defaultdict(list)
    for r in rows: groups[(r["variant"], r["name"])].append(r)
    print(f"{'variant':8s} {'benchmark':28s} {'n':>3s} {'R':>3s} {'I':>3s} {'P':>3s} {'other':>5s} {'mean change':>11s} {'procs':>5s} {'floor':>6s}")
    for (v, name), lst in sorted(groups.items()):
        count = lambda verdict: sum(1 for r in lst if r["verdict"] == verdict)
        ratios = [r["ratio"] for r in lst if r["ratio"]]
        floors = [r["floor"] for r in lst if r["floor"] is not None]
        mean = math.exp(st.mean(math.log(x) for x in ratios)) if ratios else None
        print(f"{v:8s} {name:28s} {len(lst):3d} {count('regressed'):3d} {count('improved'):3d} {count('passed'):3d} {len(lst) - count('regressed') - count('improved') - count('passed'):5d} "
              f"{pct(mean):>11s} {st.mean(r['processes'] for r in lst):5.2f} {'±%.1f%%' % (100 * st.median(floors)) if floors else '-':>6s}")

def summary(rows, runs):
    aa = [r for r in rows if r["variant"] == "aa"]
    if aa:
        wrong = [r for r in aa if r["verdict"] in ("regressed", "improved")]
        print(f"\nA/A: {len(wrong)} Regressed or Improved in {len(aa)} checks ({sum(r['hog'] for r in aa)} with the busy loop); other than Passed: "
              + ", ".join(f"{r['name']} {r['verdict']} (run {r['run']})" for r in aa if r["verdict"] != "passed") or "none")
        floors = defaultdict(list)
        for r in aa:
            if r["floor"] is not None: floors[r["name"]].append(r["floor"])
        print("smallest change each benchmark can be told from noise (median A/A noise floor, threshold 10% applies when larger):")
        print("  " + ", ".join(f"{n} ±{100 * st.median(f):.1f}%" for n, f in sorted(floors.items())))
        within = defaultdict(list)
        for r in aa: within[r["name"]].append(r["floor"] is not None and r["floor"] <= r["threshold"])
        print("runs whose final floor is within the benchmark's threshold (target: 9 of 10):")
        print("  " + ", ".join(f"{n} {sum(v)}/{len(v)}" for n, v in sorted(within.items())))
    for variant, names in TOUCHED.items():
        got = [r for r in rows if r["variant"] == variant and r["name"] in names]
        if not got: continue
        print(f"\n{variant}: caught (Regressed) per benchmark it slows down:")
        for n in names:
            lst = [r for r in got if r["name"] == n]
            if lst:
                ratios = [r["ratio"] for r in lst if r["ratio"]]
                print(f"  {n:28s} {sum(r['verdict'] == 'regressed' for r in lst)}/{len(lst)}, measured change {pct(math.exp(st.mean(math.log(x) for x in ratios))) if ratios else '-'}")
        others = [r for r in rows if r["variant"] == variant and r["name"] not in names and r["verdict"] in ("regressed", "improved")]
        if others: print("  benchmarks it does not slow down, flagged: " + ", ".join(f"{r['name']} {r['verdict']}" for r in others))
    if runs:
        print("\ncost (wall seconds per run, build included):")
        by = defaultdict(list)
        for r in runs: by[r["variant"]].append(r["seconds"])
        for v, s in sorted(by.items()): print(f"  {v}: median {st.median(s):.0f} s over {len(s)} runs (min {min(s):.0f}, max {max(s):.0f})")
        per_run = defaultdict(lambda: [0.0, 0.0, 0])
        for r in rows:
            t = per_run[(r["variant"], r["dir"])]
            t[0] += r["elapsed"]; t[1] += r["compared"]; t[2] += r["processes"]
        by = defaultdict(list)
        for (v, _), t in per_run.items(): by[v].append(t)
        print("where the time goes (medians per run): in-process measurement, paired processes (count); the rest of a run is the build, the test host, the fixtures' set-up and the reports")
        for v, ts in sorted(by.items()):
            print(f"  {v}: in-process {st.median(t[0] for t in ts):.0f} s, paired {st.median(t[1] for t in ts):.0f} s ({st.median(t[2] for t in ts):.0f} processes)")
        slow = defaultdict(list)
        for r in rows: slow[(r["variant"], r["name"])].append(r["compared"])
        top = sorted(((st.median(v), k) for k, v in slow.items()), reverse=True)[:5]
        print("  slowest comparisons: " + ", ".join(f"{k[1]} {m:.0f} s" for m, k in top))

if __name__ == "__main__":
    rows, runs = load(sys.argv[1:])
    table(rows)
    summary(rows, runs)
