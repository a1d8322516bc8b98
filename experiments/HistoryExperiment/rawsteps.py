#!/usr/bin/env python3
"""Writes a copy of a history folder whose ratios are raw medians (rawNs ÷ the benchmark's first rawNs), so that
`perfmonitor history` runs the same step detector on raw time: today's behaviour, to count its false steps.

    rawsteps.py <history folder> <output folder>
"""
import json, pathlib, sys

source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
target.mkdir(parents=True, exist_ok=True)
first = {}
for path in sorted(source.glob("*.json")):
    run = json.loads(path.read_text())
    for b in run["benchmarks"]:
        if b.get("rawNs"):
            first.setdefault(b["name"], b["rawNs"])
            b["ratio"] = b["rawNs"] / first[b["name"]]
            b.pop("interval", None)
            b["verdict"] = "Passed"
    (target / path.name).write_text(json.dumps(run, indent=1) + "\n")
