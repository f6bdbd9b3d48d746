#!/usr/bin/env bash
# deploy/local/footprint.sh: the footprint of the running stack's seven services, read-only.
#
#   deploy/local/footprint.sh [label]
#
# Prints one line per service started by deploy/local/stack (found through its PID file, never by
# name): RSS (/proc/<pid>/status VmRSS), heap in use (its /q/metrics jvm_memory_used_bytes of area
# heap), JVM options, and the time from start to ready of its last start: from the process's start
# (/proc/<pid>/stat, field 22, against the boot time) to the "started in" line Quarkus logs once it
# listens, together with Quarkus's own figure. Then the total RSS against the target (the seven
# services <= 2 GiB at idle; each ready <= 5 s). Run it at idle, and again after a sync (for example
# after vm-service's GatewaySyncBenchmark) with another label. Nothing is started or stopped.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# shellcheck source=infra.env
source "$SCRIPT_DIR/infra.env"
# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

label=${1:-now}
ticks=$(getconf CLK_TCK)
boot=$(awk '/^btime/ {print $2}' /proc/stat)
total_kb=0
slowest=0
printf 'footprint (%s), %s\n' "$label" "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
printf '%-18s %7s %9s %9s %12s %14s  %s\n' service pid 'RSS MiB' 'heap MiB' 'ready (s)' 'quarkus (s)' 'JVM options'
for name in "${SERVICES[@]}"; do
  if ! pid=$(running_pid "$name"); then
    printf '%-18s %7s\n' "$name" 'not running (started by the stack)'
    continue
  fi
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  total_kb=$((total_kb + rss_kb))
  heap=$(curl -sS -m 5 "http://127.0.0.1:$(component_port "$name")/q/metrics" 2>/dev/null |
    awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {if (NR) printf "%.1f", s / 1048576}') || heap=
  started=$(awk -v t="$(proc_start_time "$pid")" -v hz="$ticks" -v b="$boot" 'BEGIN {printf "%.2f", b + t / hz}')
  line=$(grep -h ' started in ' "$LOG_DIR/$name.log" 2>/dev/null | tail -1 || true)
  ready=- quarkus=-
  if [[ -n $line ]]; then
    logged=$(date -u -d "$(cut -c1-19 <<<"$line")" +%s.%N 2>/dev/null || echo)
    ms=$(cut -c21-23 <<<"$line")
    if [[ -n $logged ]]; then
      ready=$(awk -v l="${logged%%.*}" -v ms="$ms" -v s="$started" 'BEGIN {printf "%.1f", l + ms / 1000 - s}')
      awk -v r="$ready" -v m="$slowest" 'BEGIN {exit !(r > m)}' && slowest=$ready
    fi
    quarkus=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' <<<"$line")
  fi
  opts=$(tr '\0' ' ' <"/proc/$pid/cmdline" | sed -n 's/.*java \(.*\)-jar.*/\1/p')
  printf '%-18s %7s %9.1f %9s %12s %14s  %s\n' "$name" "$pid" "$(awk -v k="$rss_kb" 'BEGIN {print k / 1024}')" \
    "${heap:--}" "$ready" "$quarkus" "${opts:-(none)}"
done
printf 'total RSS %.1f MiB = %.2f GiB (target <= 2 GiB at idle); slowest start to ready %s s (target <= 5 s; from process start)\n' \
  "$(awk -v k="$total_kb" 'BEGIN {print k / 1024}')" "$(awk -v k="$total_kb" 'BEGIN {print k / 1048576}')" "$slowest"
