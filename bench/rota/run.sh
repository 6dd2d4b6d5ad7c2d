#!/usr/bin/env bash
# rota-service benchmarks (docs/PERFORMANCE.md, "rota-service"): on-call lookup latency and
# throughput, one year of a 50-member rota, escalation lateness with 5,000 incidents pending, and
# page fan-out (1,000 incidents paging 3 methods each: SMS through a Notify stand-in, Teams, Slack), and
# cover gaps of 50 rotas over 28 days (PARTS=gaps).
# Starts the packaged service against a fresh database (rota_bench) with a stub skills-service and
# webhook sink, runs each part, and stops everything. Needs MariaDB at 127.0.0.1:3306 (root, no password).
#
#   bench/rota/run.sh                                    # everything, default sizes
#   PARTS="lookup expand" CLIENTS=4 DURATION=20 RATE=200 bench/rota/run.sh
#   INCIDENTS=5000 RAISE_RATE=50 DELAY=150 PARTS=escalate bench/rota/run.sh
#   PAGES=1000 PAGE_RATE=50 PARTS=fanout bench/rota/run.sh
#   INTAKE_RATE=200 INTAKE_SECONDS=60 REPEATS=20 PARTS=intake bench/rota/run.sh
#   INTAKE_WARMUP=3000 PARTS=intake bench/rota/run.sh       # more warm-up alerts than the default 200
#
# The intake part (monitoring alerts through the gateway, IntakeBench.java) also starts the packaged
# gateway in front of the service, on its own database (gateway_bench_intake), with its default rate
# limits: package it first (./mvnw -B -pl gateway package -DskipTests).
#   PARTS=gaps bench/rota/run.sh
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
# The in-process parts run rota-service's schedule classes, which take the zone from platform-common
# (its default, Europe/London, when no MicroProfile Config implementation is on the class path).
COMMON=$(ls rota-service/target/quarkus-app/lib/main/org.sharedict.platform-common-*.jar \
  rota-service/target/quarkus-app/lib/main/org.eclipse.microprofile.config.microprofile-config-api-*.jar | paste -sd:)
bench() { java -cp "$DRIVER:$COMMON:rota-service/target/classes" bench/rota/RotaBench.java "$@"; }

bench keys "$WORK/keys"
bench resetdb "$DB_BASE" rota_bench

# Started as java itself, not through bench(): a backgrounded function is a subshell, and killing
# it would leave the stub's JVM running after the benchmark.
java -cp "$DRIVER:rota-service/target/classes" bench/rota/RotaBench.java stub "$STUB_PORT" >"$WORK/stub.log" 2>&1 &
STUB=$!
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL="$DB_BASE/rota_bench" \
JWT_PUBLIC_KEY_LOCATION="$WORK/keys/publicKey.pem" \
SKILLS_URL="http://127.0.0.1:$STUB_PORT" \
QUARKUS_MAILER_MOCK=true \
NOTIFY_ENABLED=true NOTIFY_BASE_URL="http://127.0.0.1:$STUB_PORT" \
NOTIFY_API_KEY=bench-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0 \
ROTA_PLAIN_HTTP_WEBHOOK_HOSTS=127.0.0.1 \
QUARKUS_LOG_LEVEL=WARN \
  java ${BENCH_JAVA_OPTS:-} -jar rota-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
GATEWAY=
trap 'kill $SERVICE $STUB $GATEWAY 2>/dev/null; wait $SERVICE $STUB $GATEWAY 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log"; exit 1; }
  sleep 0.5
done
URL=http://127.0.0.1:$PORT
if [[ " $PARTS " == *" intake "* ]]; then
  [[ -f gateway/target/quarkus-app/quarkus-run.jar ]] || { echo "package the gateway first: ./mvnw -B -pl gateway package -DskipTests" >&2; exit 1; }
  GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18094}
  QUARKUS_HTTP_PORT=$GATEWAY_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="$DB_BASE/gateway_bench_intake?createDatabaseIfNotExist=true" \
  JWT_PUBLIC_KEY_LOCATION="$WORK/keys/publicKey.pem" JWT_PRIVATE_KEY_LOCATION="$WORK/keys/privateKey.pem" \
  ADMIN_PASSWORD="bench-$(date +%s)-passphrase" ACCESS_LOG=false QUARKUS_LOG_LEVEL=WARN \
  SKILLS_URL="http://127.0.0.1:$STUB_PORT" ROTA_URL="$URL" DR_URL=http://127.0.0.1:9 \
    java ${BENCH_JAVA_OPTS:-} -jar gateway/target/quarkus-app/quarkus-run.jar >"$WORK/gateway.log" 2>&1 &
  GATEWAY=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$GATEWAY_PORT/q/health/live" >/dev/null 2>&1 && break
    kill -0 $GATEWAY 2>/dev/null || { cat "$WORK/gateway.log"; exit 1; }
    sleep 0.5
  done
fi
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
    gaps)     bench gaps "$URL" "$WORK/keys" ;;
    fanout)   BENCH_STUB_URL="http://127.0.0.1:$STUB_PORT" bench fanout "$URL" "$WORK/keys" "$DB_BASE/rota_bench?user=root" \
                "${PAGES:-1000}" "${PAGE_RATE:-50}" ;;
    intake)
      # CPU time of the service, the gateway and MariaDB around the run (warm-up included), per alert:
      # what an alert costs whatever else the machine is doing. The MariaDB is the one started with
      # the benchmark's port, else the oldest (a machine may run several).
      ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
      DBPORT=$(sed -E 's#.*:([0-9]+)(/.*)?$#\1#' <<<"$DB_BASE")
      DBPID=$(pgrep -f -- "mariadbd.*--port=$DBPORT( |$)" | head -1 || true)
      DBPID=${DBPID:-$(pgrep -o -x mariadbd || true)}
      s0=$(ticks $SERVICE); g0=$(ticks $GATEWAY); d0=${DBPID:+$(ticks "$DBPID")}
      BENCH_STUB_URL="http://127.0.0.1:$STUB_PORT" BENCH_CPU_PIDS="$SERVICE $GATEWAY ${DBPID:-}" \
        java -cp "$DRIVER" bench/rota/IntakeBench.java intake "$URL" \
        "http://127.0.0.1:$GATEWAY_PORT" "$WORK/keys" "$DB_BASE/rota_bench?user=root" \
        "${INTAKE_RATE:-200}" "${INTAKE_SECONDS:-60}" "${REPEATS:-20}" | tee "$WORK/intake.txt" || true
      s1=$(ticks $SERVICE); g1=$(ticks $GATEWAY); d1=${DBPID:+$(ticks "$DBPID")}
      n=$(awk '/^database:/ {print $2}' "$WORK/intake.txt")
      [[ -n $n && $n -gt 0 ]] && awk -v s=$((s1 - s0)) -v g=$((g1 - g0)) -v d=$((${d1:-0} - ${d0:-0})) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        printf "cpu per alert handled: rota-service %.1f ms, gateway %.1f ms, mariadb %.1f ms (%d alerts)\n", s * 1000 / hz / n, g * 1000 / hz / n, d * 1000 / hz / n, n }' ;;
    escalate) BENCH_STUB_URL="http://127.0.0.1:$STUB_PORT" bench escalate "$URL" "$WORK/keys" "$DB_BASE/rota_bench?user=root" \
                "${INCIDENTS:-5000}" "${RAISE_RATE:-50}" "${DELAY:-150}" ;;
  esac
  printf 'load average after %s: %s\n' "$part" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
