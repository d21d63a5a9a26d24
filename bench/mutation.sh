#!/usr/bin/env bash
# Mutation testing (Stryker.NET, a local dotnet tool) of the credit ledger and the job pipeline: each mutant is a small
# change to src/Core/Credits or src/Core/Jobs, and the tests of that folder must fail on it. Not part of CI: it takes
# 25-60 minutes per folder on two busy cores. It runs two test processes at a time by default (--concurrency).
# Anything after -- goes to Stryker, e.g. a re-run of the files you added tests for:
#
#   bench/mutation.sh [credits|jobs|all] [--concurrency N] [-- STRYKER OPTIONS]
#   bench/mutation.sh jobs -- -m "**/Jobs/FairQueue.cs"
#
# Targets (docs/mutation-testing.md): at least 80 % on Credits and 70 % on Jobs.
# Reports: artifacts/mutation/<target>/reports/mutation-report.html (and .json); the score is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

targets=()
extra=()
concurrency=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    credits|jobs) targets+=("$1") ;;
    all) targets+=(credits jobs) ;;
    --concurrency) concurrency="$2"; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ ${#targets[@]} -eq 0 ]] && targets=(credits jobs)

dotnet tool restore >/dev/null
dotnet build tests/Core.Tests/SeedreamBot.Core.Tests.csproj -v quiet -nologo

root="$PWD"
for target in "${targets[@]}"; do
  output="$root/artifacts/mutation/$target"
  rm -rf "$output"
  mkdir -p "$root/artifacts/mutation"
  echo "== mutation testing: $target (concurrency $concurrency)"
  (cd tests/Core.Tests && dotnet stryker \
    --config-file "$root/bench/mutation/$target.json" \
    --concurrency "$concurrency" \
    --output "$output" "${extra[@]}" | tee "$output.log")
  grep -E "final mutation score" "$output.log" | sed "s/^/$target: /" || true
done
