#!/usr/bin/env bash
# Replays the last N first-parent commits of REF as pull requests: each commit's perf test project is built once (cached
# in OUT/<sha>), then every consecutive pair (parent -> child) is judged as the gate would (skipUnchanged) and the table is
# written to RESULTS. A commit that does not build is named and left out (its pairs say so).
# Usage: experiments/SkipUnchangedReplay/run.sh [N=21] [REF=main]
# Environment: OUT (default ${TMPDIR:-/tmp}/skip-unchanged-replay), RESULTS (default results/replay.md here),
# REPLAY_REPO (default this repository; controls.sh points it at a scratch clone), TITLE (the heading, default REF).
# The builds run under `nice -n 10` one after the other (about 40 s each on the 2-core machine, more when it is busy).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="${REPLAY_REPO:-$(git -C "$here" rev-parse --show-toplevel)}"
count="${1:-21}"
ref="${2:-main}"
out="${OUT:-${TMPDIR:-/tmp}/skip-unchanged-replay}"
results="${RESULTS:-$here/results/replay.md}"
entry=ActiveInference.Core.PerfTests.dll
mkdir -p "$out/logs"

mapfile -t commits < <(git -C "$repo" rev-list --first-parent --max-count="$count" "$ref" | tac)
echo "replaying ${#commits[@]} first-parent commits of $ref (oldest first); builds in $out"

tree=""
cleanup() { if [[ -n "$tree" ]]; then git -C "$repo" worktree remove --force "$tree/src" >/dev/null 2>&1 || true; rm -rf "$tree"; fi; }
trap cleanup EXIT

started=$(date +%s)
for sha in "${commits[@]}"; do
  if [[ -f "$out/$sha/$entry" ]]; then echo "cached ${sha:0:7}"; continue; fi
  tree="$(mktemp -d "${TMPDIR:-/tmp}/skip-unchanged-replay-src.XXXXXX")"
  git -C "$repo" -c core.hooksPath=/dev/null worktree add --detach --force "$tree/src" "$sha" >/dev/null
  begin=$(date +%s)
  rm -rf "$out/$sha.partial"
  if nice -n 10 dotnet build "$tree/src/perf-tests/ActiveInference.Core.PerfTests" -c Release -o "$out/$sha.partial" \
       -nodeReuse:false -p:UseSharedCompilation=false --nologo >"$out/logs/$sha.log" 2>&1 \
     && [[ -f "$out/$sha.partial/$entry" ]]; then
    mv "$out/$sha.partial" "$out/$sha"
    echo "built  ${sha:0:7} in $(( $(date +%s) - begin )) s"
  else
    rm -rf "$out/$sha.partial"
    echo "skipped ${sha:0:7}: does not build (log: $out/logs/$sha.log)"
  fi
  cleanup
  tree=""
done
echo "builds done in $(( $(date +%s) - started )) s"

project="$here/SkipUnchangedReplay.csproj"
if [[ ! -f "$project" ]]; then echo "no $project yet: builds only"; exit 0; fi
dotnet build "$project" -c Release --nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null
dotnet run --project "$project" -c Release --no-build -- --repository "$repo" --builds "$out" --entry "$entry" \
  --output "$results" --title "${TITLE:-$ref}" "${commits[@]}"
