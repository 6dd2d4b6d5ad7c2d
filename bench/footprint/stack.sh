#!/usr/bin/env bash
# The whole ./run.sh stack as a newcomer starts it (docs/PERFORMANCE.md, "The whole ./run.sh stack"):
# seconds until run.sh prints that the platform is running (services ready and demo data loaded),
# then the resident memory of everything it started (four services, embedded MariaDB, the mail
# catcher and the SMS/Teams stand-in), then Ctrl-C. Build first (./mvnw -B package -DskipTests).
#
#   bash bench/footprint/stack.sh                    # a fresh data folder: MariaDB installed, demo data loaded
#   KEEP=1 bash bench/footprint/stack.sh             # the same folder again: a second start
set -euo pipefail
cd "$(dirname "$0")/../.."
export DATA_DIR=${DATA_DIR:-$PWD/target/bench-stack} SKIP_BUILD=1
[[ -n ${KEEP:-} ]] || rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR"
log=$DATA_DIR/stack-run.log
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
env --default-signal=INT bash ./run.sh >"$log" 2>&1 &
pid=$!
trap 'kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until grep -q "is running" "$log"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 5
tree() { echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
total=0
for p in $(tree $pid); do
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
  [[ -n $rss ]] || continue
  total=$((total + rss))
  printf '  %6d MB  %s\n' $((rss / 1024)) "$(tr '\0' ' ' <"/proc/$p/cmdline" | grep -oE 'org\.sharedict\.localrun\.[A-Za-z]+|[a-z-]+/target/quarkus-app|mariadbd|run\.sh' | head -1)"
done
printf 'running after %.1f s; resident memory of the stack %d MB; load average %s\n' \
  "$(bc -l <<<"$elapsed / 1000")" $((total / 1024)) "$(cut -d' ' -f1-3 /proc/loadavg)"
