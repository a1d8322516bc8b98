#!/usr/bin/env bash
# The gate experiment of issue 4 (experiments/GateExperiment/README.md): A/A and injected-slowdown checks of the
# regression gate, each in fresh processes, half of them with a busy loop on the other core.
# Usage: experiments/GateExperiment/gate-experiment.sh [extra GateExperiment options, e.g. --checks 10 --aa-checks 20]
# Replay saved samples under other policies: experiments/GateExperiment/gate-experiment.sh --replay perf-results/gate-experiment-samples.json --out replay.md
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dotnet build experiments/GateExperiment/Fixtures -c Release --nologo -v q
dotnet build experiments/GateExperiment -c Release --nologo -v q
mkdir -p perf-results
exec dotnet experiments/GateExperiment/bin/Release/net10.0/GateExperiment.dll \
  --checks 40 --aa-checks 100 --hog \
  --out perf-results/gate-experiment.md --samples perf-results/gate-experiment-samples.json "$@"
