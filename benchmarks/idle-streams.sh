#!/usr/bin/env bash
# Opens many idle SSE streams against this machine's own server, holds them with a heartbeat every 15 s, and
# reports memory per stream, heartbeat lateness, server CPU while idle, time to open them all, and how fast a
# fresh request is served meanwhile. Not part of CI; figures in docs/performance.md ("Idle streams").
#
#   bash benchmarks/idle-streams.sh [streams] [hold seconds]     defaults: 100000 120
#
# Run as root on a quiet machine: it raises the open-file limit and, with sysctl, the local port range and the
# listen backlog (each is restored only by a reboot or by hand; the values it finds are printed first).
# One process holds at most as many sockets as its open-file limit: when the limit cannot be raised to the
# number of streams, the streams are spread over as many server processes (and client processes) as it takes.
set -euo pipefail
streams=${1:-100000}
hold=${2:-120}
interval=15
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=benchmarks/Streaming.Generators.IdleStreams
dotnet build "$project" -c Release -v quiet -nologo >/dev/null
app="$project/bin/Release/net10.0/Streaming.Generators.IdleStreams.dll"
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; uptime: $(uptime)"
echo "kernel limits found: open files soft $(ulimit -Sn) hard $(ulimit -Hn), fs.nr_open $(cat /proc/sys/fs/nr_open)," \
     "ip_local_port_range '$(cat /proc/sys/net/ipv4/ip_local_port_range | tr '\t' ' ')', somaxconn $(cat /proc/sys/net/core/somaxconn)"

# Raise what can be raised; say what could not.
ulimit -Hn $((streams + 4096)) 2>/dev/null || echo "limit: the hard open-file limit stays $(ulimit -Hn) (raising it needs CAP_SYS_RESOURCE)"
ulimit -Sn "$(ulimit -Hn)"
for setting in "net.ipv4.ip_local_port_range=1024 65535" net.core.somaxconn=65535 net.ipv4.tcp_max_syn_backlog=65535; do
  sysctl -q -w "$setting" 2>/dev/null || echo "limit: sysctl $setting refused"
done

per_process=$(( $(ulimit -Sn) - 512 ))
processes=$(( (streams + per_process - 1) / per_process ))
per_client=$(( (streams + processes - 1) / processes ))
echo "open files per process: $(ulimit -Sn) -> $processes server process(es) and $processes client process(es), $per_client streams each"

ports=()
for ((i = 0; i < processes; i++)); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  ports+=("$port")
  dotnet "$app" server "$port" > "$work/server$i.log" 2>&1 &
  pids+=($!)
done
servers=("${pids[@]}")
for ((i = 0; i < processes; i++)); do
  until grep -q ready "$work/server$i.log"; do sleep 0.2; done
  curl -s -o /dev/null "http://127.0.0.1:${ports[$i]}/ping"
done

rss() { local total=0; for pid in "${servers[@]}"; do total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status"))); done; echo $((total * 1024)); }
cpu_ticks() { local total=0; for pid in "${servers[@]}"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
tcp_inuse() { awk '/^TCP:/ {print $3}' /proc/net/sockstat; }

sleep 2
base_rss=$(rss)
echo "server baseline: $((base_rss / 1048576)) MiB resident over $processes process(es); $(curl -s "http://127.0.0.1:${ports[0]}/stats")"

started=$(date +%s.%N)
for ((i = 0; i < processes; i++)); do
  # Two loopback source addresses per client: 127.0.0.2, 127.0.0.3, …
  sources="127.0.0.$((2 + 2 * i)),127.0.0.$((3 + 2 * i))"
  dotnet "$app" client "${ports[$i]}" "$per_client" "$sources" "$hold" "$interval" "$work/lateness$i.txt" > "$work/client$i.log" 2>&1 &
  pids+=($!)
done
for ((i = 0; i < processes; i++)); do
  until grep -q opened= "$work/client$i.log"; do sleep 0.2; done
done
opened_at=$(date +%s.%N)
opened=$(cat "$work"/client*.log | grep -o 'opened=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
failed=$(cat "$work"/client*.log | grep -o 'failed=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
echo "opened $opened streams ($failed failed) in $(echo "$opened_at - $started" | bc | xargs printf '%.1f') s"

# Let the last ones settle, then measure memory and, over a minute of idling, CPU and fresh requests.
sleep 5
open_rss=$(rss)
echo "server resident: $((open_rss / 1048576)) MiB; per stream: $(( (open_rss - base_rss) / opened )) bytes (process memory; the kernel's socket memory is not in it); TCP sockets in use: $(tcp_inuse)"
for ((i = 0; i < processes; i++)); do echo "  server $i: $(curl -s "http://127.0.0.1:${ports[$i]}/stats")"; done

ticks0=$(cpu_ticks); t0=$(date +%s.%N)
pings=()
window=$(( hold - 25 > 10 ? hold - 25 : 10 ))
for ((s = 0; s < window; s += 2)); do
  pings+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:${ports[$(( s / 2 % processes ))]}/ping")")
  sleep 2
done
ticks1=$(cpu_ticks); t1=$(date +%s.%N)
hz=$(getconf CLK_TCK)
echo "server CPU while idle: $(echo "scale=2; 100 * ($ticks1 - $ticks0) / $hz / ($t1 - $t0)" | bc)% of one core over $(printf '%.0f' "$(echo "$t1 - $t0" | bc)") s"
printf '%s\n' "${pings[@]}" | sort -n | awk '{ms[NR] = $1 * 1000} END {printf "fresh /ping on a new connection: %d requests, p50 %.1f ms, max %.1f ms, under 10 ms: %s\n", NR, ms[int(NR / 2) + 1], ms[NR], (ms[NR] < 10 ? "all" : "not all")}'

for ((i = 0; i < processes; i++)); do wait "${pids[$((processes + i))]}"; done
cat "$work"/client*.log | grep -E 'held=|stream ' || true
echo "held to the end: $(cat "$work"/client*.log | grep -o 'held=[0-9]*' | cut -d= -f2 | paste -sd+ | bc) of $streams"
dotnet "$app" report "$work"/lateness*.txt
echo "uptime after: $(uptime)"
