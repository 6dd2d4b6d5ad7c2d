#!/usr/bin/env bash
# rota-service benchmarks (docs/PERFORMANCE.md, "rota-service"): on-call lookup latency and
# throughput, one year of a 50-member rota, and escalation lateness with 5,000 incidents pending.
# Starts the packaged service against a fresh database (rota_bench) with a stub skills-service and
# webhook sink, runs each part, and stops everything. Needs MariaDB at 127.0.0.1:3306 (root, no password).
#
#   bench/rota/run.sh                                    # everything, default sizes
#   PARTS="lookup expand" CLIENTS=4 DURATION=20 RATE=200 bench/rota/run.sh
#   INCIDENTS=5000 RAISE_RATE=50 DELAY=150 PARTS=escalate bench/rota/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${BENCH_DIR:-$ROOT/rota-service/target/bench}
PORT=${BENCH_PORT:-18092}
STUB_PORT=${BENCH_STUB_PORT:-18093}
DB_BASE=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
PARTS=${PARTS:-lookup expand escalate}
mkdir -p "$WORK"

if [[ ! -f rota-service/target/quarkus-app/quarkus-run.jar || -n ${REBUILD:-} ]]; then
  ./mvnw -B -q -pl rota-service package -DskipTests
fi
DRIVER=$(ls rota-service/target/quarkus-app/lib/main/org.mariadb.jdbc.mariadb-java-client-*.jar)
bench() { java -cp "$DRIVER:rota-service/target/classes" bench/rota/RotaBench.java "$@"; }

bench keys "$WORK/keys"
bench resetdb "$DB_BASE" rota_bench

bench stub "$STUB_PORT" >"$WORK/stub.log" 2>&1 &
STUB=$!
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL="$DB_BASE/rota_bench" \
JWT_PUBLIC_KEY_LOCATION="$WORK/keys/publicKey.pem" \
SKILLS_URL="http://127.0.0.1:$STUB_PORT" \
QUARKUS_MAILER_MOCK=true \
QUARKUS_LOG_LEVEL=WARN \
  java ${BENCH_JAVA_OPTS:-} -jar rota-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE $STUB 2>/dev/null; wait $SERVICE $STUB 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log"; exit 1; }
  sleep 0.5
done
URL=http://127.0.0.1:$PORT
printf 'load average before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
bench seed "$URL" "$WORK/keys"
for part in $PARTS; do
  case $part in
    lookup)
      # CPU time of the service and of MariaDB around the lookups, divided by their number: the cost
      # of one lookup whatever else the machine is doing (MariaDB is shared: an upper bound).
      ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
      DBPID=$(pgrep -o -x mariadbd || true)
      s0=$(ticks $SERVICE); d0=${DBPID:+$(ticks "$DBPID")}
      bench lookup "$URL" "$WORK/keys" "${CLIENTS:-4}" "${DURATION:-20}" "${RATE:-200}" | tee "$WORK/lookup.txt"
      s1=$(ticks $SERVICE); d1=${DBPID:+$(ticks "$DBPID")}
      n=$(awk '/requests/ {for (i = 1; i <= NF; i++) if ($(i+1) ~ /^requests/) s += $i} END {print s}' "$WORK/lookup.txt")
      awk -v s=$((s1 - s0)) -v d=$((${d1:-0} - ${d0:-0})) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        printf "cpu per lookup: service %.2f ms, mariadb %.2f ms (%d lookups)\n", s * 1000 / hz / n, d * 1000 / hz / n, n }' ;;
    expand)   bench expand "$URL" "$WORK/keys" ;;
    escalate) BENCH_STUB_URL="http://127.0.0.1:$STUB_PORT" bench escalate "$URL" "$WORK/keys" "$DB_BASE/rota_bench?user=root" \
                "${INCIDENTS:-5000}" "${RAISE_RATE:-50}" "${DELAY:-150}" ;;
  esac
  printf 'load average after %s: %s\n' "$part" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
