#!/usr/bin/env bash
# Runs every benchmark of docs/performance.md and saves the reports in
# benchmarks/Streaming.Generators.Benchmarks/BenchmarkDotNet.Artifacts/ (results/*.md and run.log).
#
#   bash benchmarks/run.sh --short   about 5 minutes on 2 cores: BenchmarkDotNet's short job with 10 iterations,
#                                    5 end-to-end rounds, 2 000 latency samples
#   bash benchmarks/run.sh           the full run: BenchmarkDotNet's default job, 9 end-to-end rounds, 10 000 latency samples
#
# Measure on a quiet machine: every figure is a ratio taken side by side, but the other side is the same cores.
set -euo pipefail
cd "$(dirname "$0")/Streaming.Generators.Benchmarks"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ "${1:-}" == "--short" ]]; then
  job=(--job short --iterationCount 10)
  rounds=5
  latency_items=2000
  concurrent_seconds=5
  detector_seconds=3
  detector_rounds=3
else
  job=()
  rounds=9
  latency_items=10000
  concurrent_seconds=10
  detector_seconds=5
  detector_rounds=5
fi

# 5 000 idle streams need 5 000 sockets in each of the client and the server process.
ulimit -n "$(ulimit -Hn)"

mkdir -p BenchmarkDotNet.Artifacts
exec > >(tee BenchmarkDotNet.Artifacts/run.log) 2>&1

started=$(date +%s)
echo "== $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(lscpu | sed -n 's/^Model name: *//p'), .NET SDK $(dotnet --version), open files $(ulimit -n)"

dotnet build -c Release --nologo -v quiet
bench=(dotnet bin/Release/net10.0/Streaming.Generators.Benchmarks.dll)

"${bench[@]}" verify
# A generous build timeout: BenchmarkDotNet builds its own copy of this project, which takes minutes on a busy machine.
"${bench[@]}" --filter '*' "${job[@]}" --buildTimeout 900
echo "== end to end, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Workstation GC: with server GC, GC.GetTotalAllocatedBytes(precise: true) deltas across collections are not
# exact here (some responses came out negative), and the allocation counts are half of what this run is for.
"${bench[@]}" e2e --items 1000000 --rounds "$rounds" --warmup 200000 --workstation-gc
echo "== concurrent (wrk, 16 and 64 connections), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" concurrent --items 1000 --seconds "$concurrent_seconds" --rounds 3 --workstation-gc
echo "== buffered-response detector over a socket (wrk), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" detector --seconds "$detector_seconds" --rounds "$detector_rounds" --launches 3 --workstation-gc
echo "== memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" memory --small 100000 --large 10000000 --streams 5000
echo "== latency, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" latency --items "$latency_items"

echo "== allocation profile, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" profile --items 300000 --workstation-gc

echo "== done in $(( $(date +%s) - started )) s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
