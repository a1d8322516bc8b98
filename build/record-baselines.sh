#!/usr/bin/env bash
# Records baselines for this machine: runs the perf suite in mode `record` N times (default 7), PAUSE seconds
# apart (default 60), so that baselines.json holds recordings from several processes at different times: the fallback gate
# compares each sample with baseline samples taken in a similar machine state and needs those states seen.
# Usage: build/record-baselines.sh [N] [PAUSE]   (builds Release first; review baselines.json after, commit it with baselines.samples.json)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
pause="${2:-60}"
dotnet build perf-tests/ActiveInference.Core.PerfTests -c Release --nologo -v q
for i in $(seq 1 "$runs"); do
  echo "recording $i of $runs"
  PERF_KEEP_RECORDINGS="$runs" dotnet test perf-tests/ActiveInference.Core.PerfTests/ActiveInference.Core.PerfTests.csproj \
    -c Release --no-build --settings perf.runsettings \
    -- 'TestRunParameters.Parameter(name="mode", value="record")' \
       "TestRunParameters.Parameter(name=\"resultsDirectory\", value=\"TestResults/perf-record-$i\")"
  if [ "$i" -lt "$runs" ]; then sleep "$pause"; fi
done
