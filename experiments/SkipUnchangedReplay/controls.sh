#!/usr/bin/env bash
# Positive controls for the replay: in a scratch clone, five commits on top of REF that do change what benchmarks execute
# (or only a comment), replayed like the real ones. Expected: 1 SimpleFreeEnergy.Compute -> the FreeEnergy benchmarks
# (and whatever else reaches it); 2 LinearAlgebraBenchmarks.Prepare -> MatrixMultiply, SymmetricEigen; 3 Guard.Length ->
# every benchmark reaching it; 4 a comment in Core -> nothing; 5 CheckForOverflowUnderflow in Core's project -> every
# benchmark reaching Core. The clone goes to OUT/controls (deleted first), the builds beside the replay's; the table to
# results/controls.md. Exits 1 when a control did not re-measure what it must (soundness flags are for reading).
# Usage: experiments/SkipUnchangedReplay/controls.sh [REF=main]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
ref="${1:-main}"
out="${OUT:-${TMPDIR:-/tmp}/skip-unchanged-replay}/controls"
rm -rf "$out"
mkdir -p "$out"
clone="$out/repo"
git clone --quiet --shared --no-checkout "$repo" "$clone"
git -C "$clone" -c advice.detachedHead=false checkout --quiet --detach "$(git -C "$repo" rev-parse "$ref")"
# Fixed names and dates: the same REF gives the same control commits, so their builds are reused from the cache.
commit() {
  GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z \
    git -C "$clone" -c user.name=replay -c user.email=replay@localhost -c core.hooksPath=/dev/null commit --quiet -am "$1"
}
edit() { # file, perl substitution that must match
  perl -0pi -e "$2" "$clone/$1"
  git -C "$clone" diff --quiet -- "$1" && { echo "control edit did not apply to $1: $2" >&2; exit 1; }
  return 0
}
edit src/ActiveInference.Core/Continuous/SimpleFreeEnergy.cs 's/double quadratic = 0;/double quadratic = k - k;/'
commit "control: kernel SimpleFreeEnergy.Compute changed (same result)"
edit perf-tests/ActiveInference.Core.PerfTests/LinearAlgebraBenchmarks.cs 's/seed: 5\)/seed: 7)/'
commit "control: set-up LinearAlgebraBenchmarks.Prepare changed (another seed)"
edit src/ActiveInference.Core/Guard.cs 's/if \(actual != expected\)/if (actual - expected != 0)/'
commit "control: Guard.Length changed (same result)"
edit src/ActiveInference.Core/Continuous/SimpleFreeEnergy.cs 's/(\n(\s*)double quadratic)/\n$2\/\/ control: a comment only$1/'
commit "control: a comment in SimpleFreeEnergy.Compute only"
edit src/ActiveInference.Core/ActiveInference.Core.csproj 's|</PropertyGroup>|  <CheckForOverflowUnderflow>true</CheckForOverflowUnderflow>\n  </PropertyGroup>|'
commit "control: Core built with CheckForOverflowUnderflow"
results="${RESULTS:-$here/results/controls.md}"
TITLE="positive controls on $ref" REPLAY_REPO="$clone" OUT="$(dirname "$out")" RESULTS="$results" "$here/run.sh" 6 HEAD || true

# What each control must re-measure (at least these), or "none"; read from the report's details.
remeasured() { awk -v s="$1" '/^[0-9a-f][0-9a-f]* / { on = index($0, s) > 0; next } on && /^  re-measured / { sub(/:.*/, ""); print $2 }' "$results"; }
expect() { # subject, expected benchmarks (space separated) or none
  local got; got="$(remeasured "$1" | tr '\n' ' ')"
  if [[ "$2" == none ]]; then [[ -z "$got" ]] && return 0
  else local b ok=1; for b in $2; do [[ " $got " == *" $b "* ]] || ok=0; done; [[ $ok == 1 ]] && return 0; fi
  echo "control '$1': expected $2 re-measured, got: ${got:-none}" >&2; failed=1
}
failed=0
expect "kernel SimpleFreeEnergy.Compute" "FreeEnergyBenchmarks.FreeEnergy FreeEnergyBenchmarks.FreeEnergyAllocating"
expect "set-up LinearAlgebraBenchmarks.Prepare" "LinearAlgebraBenchmarks.MatrixMultiply LinearAlgebraBenchmarks.SymmetricEigen"
expect "Guard.Length changed" "FreeEnergyBenchmarks.FreeEnergy DiscreteInferenceBenchmarks.InferStates"
expect "a comment in SimpleFreeEnergy" none
expect "CheckForOverflowUnderflow" "FreeEnergyBenchmarks.FreeEnergy DiscreteInferenceBenchmarks.InferPolicies"
if [[ $failed == 0 ]]; then echo "controls: every control re-measured what it must"; else exit 1; fi
