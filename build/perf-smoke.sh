#!/usr/bin/env bash
# Runs every benchmark of the perf suite once through the real engine in mode `measure` (no comparison with
# baselines.json), so a benchmark that throws or is misdeclared fails, while timing noise cannot.
# Results go to TestResults/perf-smoke. Expects a Release build (`dotnet build -c Release`).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test perf-tests/ActiveInference.Core.PerfTests/ActiveInference.Core.PerfTests.csproj -c Release --no-build \
  --settings perf.runsettings \
  -- 'TestRunParameters.Parameter(name="mode", value="measure")' \
     'TestRunParameters.Parameter(name="resultsDirectory", value="TestResults/perf-smoke")'
test -s TestResults/perf-smoke/results.json || { echo "perf smoke run wrote no results.json" >&2; exit 1; }
