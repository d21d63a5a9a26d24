#!/usr/bin/env bash
# Runs every benchmark in Release and writes one markdown report with the machine and PASS/MISS per target.
#
#   bench/run.sh [--quick] [--skip-load] [--skip-micro] [load driver options…]
#
#   --quick        small sizes and BenchmarkDotNet's ShortRun job (about 3 minutes instead of about 10)
#   --skip-load    only the BenchmarkDotNet micro-benchmarks
#   --skip-micro   only the load driver
#   anything else goes to the load driver, e.g. --only ack --ack 200 (see: dotnet <driver> --help)
#
# Output: bench/results/latest.md (gitignored), also printed. Build output goes to $BENCH_ARTIFACTS
# (default: artifacts/bench), never to the projects' own obj/ folders.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

quick=""
run_load=1
run_micro=1
load_args=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    --skip-load) run_load=0 ;;
    --skip-micro) run_micro=0 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) load_args+=("$arg") ;;
  esac
done

artifacts="${BENCH_ARTIFACTS:-$PWD/artifacts/bench}"
results="$PWD/bench/results"
work="$results/run"
rm -rf "$work"
mkdir -p "$work"

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "unknown")"

echo "== build (Release, artifacts in $artifacts)" >&2
dotnet build bench/LoadDriver/SeedreamBot.Bench.LoadDriver.csproj -c Release --artifacts-path "$artifacts" -v quiet -nologo >&2
dotnet build bench/Micro/SeedreamBot.Bench.Micro.csproj -c Release --artifacts-path "$artifacts" -v quiet -nologo >&2

if [[ $run_load == 1 ]]; then
  echo "== load driver" >&2
  dotnet "$artifacts/bin/SeedreamBot.Bench.LoadDriver/release/SeedreamBot.Bench.LoadDriver.dll" \
    ${quick} --out "$work" ${load_args[@]+"${load_args[@]}"} > "$work/load-stdout.md"
fi

if [[ $run_micro == 1 ]]; then
  echo "== micro-benchmarks" >&2
  # BenchmarkDotNet writes its own artifacts next to the report; run it from there.
  (cd "$work" && dotnet "$artifacts/bin/SeedreamBot.Bench.Micro/release/SeedreamBot.Bench.Micro.dll" \
    ${quick} --out "$work" > "$work/micro-stdout.log")
fi

cpu_model="$( (grep -m1 'model name' /proc/cpuinfo 2>/dev/null || echo ': unknown') | cut -d: -f2- | sed 's/^ *//')"
ram="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)"
os="$( (. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-unknown}") || echo unknown), kernel $(uname -r)"
runtime="$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')"
sdk="$(dotnet --version)"
if commit="$(git rev-parse --short HEAD 2>/dev/null)"; then
  git diff --quiet HEAD -- src 2>/dev/null || commit="$commit (with uncommitted changes in src/)"
else
  commit="unknown (not a git checkout)"
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "unknown")"

report="$results/latest.md"
{
  echo "## Performance"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $commit with \`bench/run.sh${quick:+ --quick}\`."
  echo
  echo "Machine: $(nproc) cores ($cpu_model), $ram RAM, $os, .NET runtime $runtime (SDK $sdk)." \
    "Load average before / after: $load_before / $load_after."
  echo
  echo "| Target | Measured | Result |"
  echo "|---|---|---|"
  [[ -f "$work/load-targets.md" ]] && cat "$work/load-targets.md"
  [[ -f "$work/micro-targets.md" ]] && cat "$work/micro-targets.md"
  echo
  [[ -f "$work/load-details.md" ]] && cat "$work/load-details.md"
  [[ -f "$work/micro-details.md" ]] && cat "$work/micro-details.md"
  echo "Reproduce: \`bench/run.sh\` (about 10 minutes on 2 cores; \`--quick\` for a smoke run). The bot's logs of each scenario" \
    "are in \`bench/results/run/logs/\`, BenchmarkDotNet's own reports in \`bench/results/run/BenchmarkDotNet.Artifacts/\`."
} > "$report"

cat "$report"
