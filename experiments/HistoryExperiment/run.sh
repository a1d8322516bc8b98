#!/usr/bin/env bash
# The history experiment: a scratch repository with this suite and COMMITS commits on main, three of them real
# changes in different kernels (+20% FreeEnergy(100) at commit 8, +30% BeliefUpdate(100) at 16, -20%
# InferStates("large") at 24; changes.py), the rest harmless; then "push to main" replayed commit by commit: each
# commit built and gated against the anchor (the scratch repository's first commit) with a filtered set of
# benchmarks, every second run with a busy loop on the other core, its history point written to OUT/history.
# Then the dashboard, the steps, the same runs' raw medians through the same detector, and a bisect of the whole range for
# FreeEnergy(100) (one +20% step, at commit 8), first with no cached builds, then with them.
#
#   experiments/HistoryExperiment/run.sh --out DIR [--commits 32] [--filter EXPR] [--prepare-only]
#
# Cost: about 2 minutes per commit on a 2-core VM (build, anchor build once, paired runs of 5 benchmarks), so about an hour
# for 32 commits. --prepare-only builds the scratch repository and stops.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
out="" commits=32 prepare_only=0
filter='(FullyQualifiedName~FreeEnergyBenchmarks.FreeEnergy&Name!~Allocating&Name~100&Name!~1000)|(FullyQualifiedName~BeliefUpdate&Name~100&Name!~1000)|(FullyQualifiedName~InferStates&Name~large)|FullyQualifiedName~VectorAllocation|(FullyQualifiedName~MatrixMultiply&Name~100&Name!~1000)'
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    --filter) filter=$2; shift 2 ;;
    --prepare-only) prepare_only=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] || { echo "--out DIR is required" >&2; exit 2; }
case "$commits" in ''|*[!0-9]*) echo "--commits must be a number" >&2; exit 2 ;; esac
[ "$commits" -ge 25 ] || { echo "--commits must be at least 25 (the changes are at 8, 16 and 24)" >&2; exit 2; }
mkdir -p "$out/logs" "$out/results"
out=$(cd "$out" && pwd)
scratch="$out/repo"
git_commit() { git -C "$scratch" -c user.name=experiment -c user.email=experiment@localhost commit -qam "$1"; git -C "$scratch" rev-parse HEAD; }

if [ ! -d "$scratch/.git" ]; then
  git clone --quiet "$repo" "$scratch"
  git -C "$scratch" switch -q -C main
  python3 "$here/changes.py" "$scratch" anchor-slow
  git_commit "anchor: FixedPointIteration does extra work on every 4th call" > "$out/commits.txt"
  for ((i = 1; i <= commits; i++)); do
    case "$i" in 8) change=fe20 ;; 16) change=belief30 ;; 24) change=fixedpoint-fast ;; *) change="harmless-$i" ;; esac
    python3 "$here/changes.py" "$scratch" "$change"
    git -C "$scratch" add -A
    git_commit "commit $i: $change" >> "$out/commits.txt"
  done
fi
mapfile -t shas < "$out/commits.txt"
anchor=${shas[0]}
echo "scratch repository $scratch: anchor ${anchor:0:7}, ${#shas[@]} commits"
[ "$prepare_only" = 1 ] && exit 0

monitor="$scratch/src/ActiveInference.PerfMonitor/bin/Release/net10.0/ActiveInference.PerfMonitor.dll"
hog_pid=""
trap '[ -n "$hog_pid" ] && kill "$hog_pid" 2>/dev/null' EXIT INT TERM
for ((i = 1; i < ${#shas[@]}; i++)); do
  sha=${shas[$i]}
  [ -d "$out/results/$i" ] && continue
  git -C "$scratch" checkout -q "$sha"
  hog_pid=""
  if [ $((i % 2)) = 0 ]; then (while :; do :; done) & hog_pid=$!; fi
  start=$(date +%s)
  (cd "$scratch" && GITHUB_REF_NAME=main PERF_SKIP_UNCHANGED=false PERF_HISTORY_FOLDER="$out/history" PERF_BASELINE_REF="$anchor" PERF_COMMIT="$sha" \
     dotnet test perf-tests/ActiveInference.Core.PerfTests -c Release --settings perf.runsettings --filter "$filter" \
     -- "TestRunParameters.Parameter(name=\"resultsDirectory\", value=\"$out/results/$i\")") > "$out/logs/$i.log" 2>&1 || true
  [ -n "$hog_pid" ] && { kill "$hog_pid"; wait "$hog_pid" 2>/dev/null || true; hog_pid=""; }
  echo "commit $i ${sha:0:7} (hog $((i % 2 == 0))): $(($(date +%s) - start)) s, $(grep -E 'perf history:' "$out/logs/$i.log" | head -1)"
done

git -C "$scratch" checkout -q main
(cd "$scratch" && dotnet build src/ActiveInference.PerfMonitor -c Release > "$out/logs/monitor-build.log" 2>&1)
dotnet "$monitor" history --history "$out/history" | tee "$out/steps.txt"
python3 "$here/rawsteps.py" "$out/history" "$out/raw-history"
dotnet "$monitor" history --history "$out/raw-history" | tee "$out/raw-steps.txt"
dotnet "$monitor" dashboard --history "$out/history" --output "$out/site"
bisect_filter='FullyQualifiedName~FreeEnergyBenchmarks.FreeEnergy&Name!~Allocating&Name~100&Name!~1000'
last=$((${#shas[@]} - 1))
bisect() { # $1: label; the whole range anchor..last for FreeEnergy(100), whose one step is commit 8
  local start; start=$(date +%s)
  (cd "$scratch" && dotnet "$monitor" bisect --good "$anchor" --bad "${shas[$last]}" --filter "$bisect_filter") > "$out/bisect-$1.txt" 2>&1 || true
  echo "bisect $1: $(($(date +%s) - start)) s wall" | tee -a "$out/bisect-$1.txt"
}
rm -rf "$scratch/perf-tests/ActiveInference.Core.PerfTests/obj/perf-baseline"
bisect uncached
bisect cached
