#!/usr/bin/env bash
# The paired gate experiment: runs the README's perf command in scratch clones of this repository whose kernels were
# slowed on purpose (variants.py), against the baseline commit that baselines.json names, and keeps every run's
# results.json. Summarise with summarize.py.
#
#   experiments/PairedGateExperiment/run.sh --out DIR [--variants aa,fe2x,slow20,slow10] [--runs N] [--hog half|none|all]
#                                     [--filter EXPR] [--working-tree] [--solution] [--first N]
#
# --first N numbers the runs from N (to add runs to an interrupted or finished experiment in the same --out).
# --working-tree copies this checkout's uncommitted changes into each clone first (to try a change before committing).
# The command is the README's with the perf test project named, so the framework's own test projects are not built;
# --solution runs it on the whole solution exactly as the README writes it.
# Half of the runs (--hog half) have a busy loop on the other core. Variants run in a new random order each round.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
out="" variants="aa,fe2x,slow20,slow10" runs=1 first=1 hog=half filter="" working_tree=0 target=perf-tests/ActiveInference.Core.PerfTests
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --variants) variants=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --first) first=$2; shift 2 ;;
    --hog) hog=$2; shift 2 ;;
    --filter) filter=$2; shift 2 ;;
    --working-tree) working_tree=1; shift ;;
    --solution) target=""; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || { echo "--out DIR is required" >&2; exit 2; }
case "$runs$first" in *[!0-9]*) echo "--runs and --first must be numbers" >&2; exit 2 ;; esac
mkdir -p "$out/repos" "$out/results" "$out/logs"
out=$(cd "$out" && pwd)

prepare() {
  local variant=$1 clone="$out/repos/$1"
  [ -d "$clone/.git" ] && return
  git clone --quiet "$repo" "$clone"
  if [ "$working_tree" = 1 ]; then
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard) | (cd "$repo" && xargs -0 tar -cf - --ignore-failed-read 2>/dev/null) | (cd "$clone" && tar -xf -)
    (cd "$repo" && git ls-files -z --deleted) | (cd "$clone" && xargs -0 -r rm -f)
  fi
  python3 "$here/variants.py" "$clone" "$variant"
}

hog_pid=""
trap '[ -n "$hog_pid" ] && kill "$hog_pid" 2>/dev/null' EXIT INT TERM
IFS=, read -r -a list <<< "$variants"
for v in "${list[@]}"; do prepare "$v"; done
for ((run = first; run < first + runs; run++)); do
  for v in $(printf '%s\n' "${list[@]}" | shuf); do
    loaded=0
    case "$hog" in all) loaded=1 ;; half) loaded=$((run % 2 == 0 ? 1 : 0)) ;; esac
    hog_pid=""
    if [ "$loaded" = 1 ]; then (while :; do :; done) & hog_pid=$!; fi
    name="$v-$run-hog$loaded"
    args=(test $target -c Release --settings perf.runsettings)
    [ -n "$filter" ] && args+=(--filter "$filter")
    args+=(-- "TestRunParameters.Parameter(name=\"resultsDirectory\", value=\"$out/results/$name\")")
    start=$(date +%s.%N)
    (cd "$out/repos/$v" && dotnet "${args[@]}") > "$out/logs/$name.log" 2>&1 || true
    end=$(date +%s.%N)
    [ -n "$hog_pid" ] && { kill "$hog_pid"; wait "$hog_pid" 2>/dev/null || true; hog_pid=""; }
    echo "{\"variant\": \"$v\", \"run\": $run, \"hog\": $loaded, \"seconds\": $(echo "$end - $start" | bc)}" >> "$out/runs.jsonl"
    echo "$name: $(grep -E 'Failed!|Passed!' "$out/logs/$name.log" | head -1)"
  done
done
