#!/usr/bin/env bash
# Compares the engine with BenchmarkDotNet 0.15.8 on kernels from ~10 ns to ~10 ms per call.
# Usage: experiments/EngineComparison/compare-engine.sh [--rounds N] [--kernels K1,K2] [--bdn-job default|short] [--bdn-overhead on|off]
# Default: 3 rounds of all six kernels with BDN's default job (about an hour on the 2-core machine; run it quiet).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)"
if awk -v l="$load" 'BEGIN { exit !(l >= 0.5) }'; then
  echo "warning: load average $load >= 0.5: other processes will distort both tools (BDN's 500 ms iterations most)" >&2
fi
dotnet build -c Release --nologo -v quiet
exec dotnet run -c Release --no-build -- "$@"
