#!/usr/bin/env bash
# Shows that QuadraticForm100x770's speed in a process follows where the JIT placed Form.Evaluate's Tier1 code:
# runs the engine child (and, with --bdn, the labelled BDN child, ~5 s each) under several command lines and runtime knobs that
# only change the order of JIT work (the engine child ignores --bdn-job), with the runtime's perf map on, and prints per
# process the kernel's median, the address of Form.Evaluate's Tier1 code modulo 64, the engine reference's median and
# the reference's compiled copies' times over the fastest (they alternate between the two placements).
# Usage: experiments/EngineComparison/code-placement.sh [--rounds N] [--bdn]   (build the harness first: compare-engine.sh builds it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
rounds=2; bdn=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2:-}"; [[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "--rounds needs a positive integer" >&2; exit 2; }; shift 2 ;;
    --bdn) bdn=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
dll=bin/Release/net10.0/EngineComparison.dll
[ -f "$dll" ] || { echo "build the harness first: dotnet build -c Release $(pwd)" >&2; exit 2; }
maps=$(mktemp -d); trap 'rm -rf "$maps"' EXIT
failures=0

mod64() { [ -n "$1" ] && printf '%d' $(( $1 % 64 )) || printf -- '-'; }
one() { # tool job env...
  local tool=$1 job=$2; shift 2
  env DOTNET_PerfMapEnabled=3 DOTNET_PerfMapJitDumpPath="$maps" "$@" dotnet "$dll" --tool "$tool" --kernel QuadraticForm100x770 \
    --bdn-job "$job" --samples-file "$maps/s.json" > "$maps/out" 2>&1 & local pid=$!
  if ! wait $pid; then
    echo "$tool $job ${*:-no knob}: child failed: $(tail -3 "$maps/out")"; failures=$((failures + 1)); return
  fi
  local map; map="$maps/perf-$pid.map"
  local kernel ref ev rf
  kernel=$(grep -o "RESULT $tool QuadraticForm100x770 [^ ]*" "$maps/out" | awk '{printf "%.2f", $4/1e6}' || true)
  ref=$(grep -o 'refMedianNs=[^ ]*' "$maps/out" | cut -d= -f2 || true)
  ev=$(grep 'Kernels+Form::Evaluate()\[OptimizedTier1\]' "$map" 2>/dev/null | tail -1 | cut -d' ' -f1 || true)
  rf=$(grep -o 'quadratic-form-32-fastest-copy=[^ ]*' "$maps/out" | cut -d= -f2 || true)
  printf '%-6s %-8s %-28s kernel %6s ms  Evaluate@%s (mod 64: %s)  reference %7s ns, copies %s\n' \
    "$tool" "$job" "${*:-no knob}" "$kernel" "${ev:--}" "$(mod64 "$ev")" "${ref:--}" "${rf:--}"
  rm -f "$map"
}
for r in $(seq "$rounds"); do
  for job in labelled default; do
    one engine $job
    one engine $job DOTNET_JitAlignLoops=0
    if [ "$bdn" = 1 ] && [ "$job" = labelled ]; then one bdn $job; fi
  done
done
[ "$failures" -eq 0 ] || { echo "$failures child(ren) failed" >&2; exit 1; }
