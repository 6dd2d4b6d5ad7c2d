#!/usr/bin/env bash
# Expert-search benchmark (docs/PERFORMANCE.md, "skills-service"). Seeds a separate database
# (skills_bench) once, starts the packaged skills-service against it, measures two-skill searches
# over HTTP, and stops the service. Needs the MariaDB at 127.0.0.1:3306 (root, no password).
#
#   bench/skills/run.sh                 # match=all, 8 clients, 30 s, then 300/s for 30 s
#   MATCH=any CLIENTS=4 DURATION=20 RATE=300 bench/skills/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${BENCH_DIR:-$ROOT/skills-service/target/bench}
PORT=${BENCH_PORT:-18091}
DB=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}/skills_bench
mkdir -p "$WORK"

if [[ ! -f skills-service/target/quarkus-app/quarkus-run.jar || -n ${REBUILD:-} ]]; then
  ./mvnw -B -q -pl skills-service -am package -DskipTests
fi
DRIVER=$(ls skills-service/target/quarkus-app/lib/main/org.mariadb.jdbc.mariadb-java-client-*.jar)
bench() { java -cp "$DRIVER" bench/skills/SkillsBench.java "$@"; }

bench keys "$WORK/keys"
# The service migrates the schema (Flyway) at start; the seeder then fills it once.
QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL="$DB?createDatabaseIfNotExist=true" \
JWT_PUBLIC_KEY_LOCATION="$WORK/keys/publicKey.pem" \
QUARKUS_LOG_LEVEL=WARN \
  java ${BENCH_JAVA_OPTS:-} -jar skills-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log"; exit 1; }
  sleep 0.5
done
bench seed "$DB?user=root"
# Let the JIT compile the search path first, so that compilation is not counted as search cost.
bench warm "http://127.0.0.1:$PORT" "$WORK/keys" "${MATCH:-all}" "${WARMUP:-30}"
# CPU time (user + system, clock ticks) of the service and of MariaDB around the measured run,
# so that the cost of one search can be given whatever else the machine is doing.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
DBPID=$(pgrep -o -x mariadbd || true)
TICK=$(getconf CLK_TCK)
s0=$(ticks $SERVICE); d0=${DBPID:+$(ticks "$DBPID")}; t0=$(date +%s.%N)
bench load "http://127.0.0.1:$PORT" "$WORK/keys" "${MATCH:-all}" "${CLIENTS:-8}" "${DURATION:-30}" "${RATE:-300}" | tee "$WORK/load.txt"
s1=$(ticks $SERVICE); d1=${DBPID:+$(ticks "$DBPID")}; t1=$(date +%s.%N)
requests=$(awk '/^requests /{print $2}' "$WORK/load.txt")
awk -v s=$((s1 - s0)) -v d=$((${d1:-0} - ${d0:-0})) -v n="$requests" -v hz="$TICK" -v t0="$t0" -v t1="$t1" 'BEGIN {
  printf "cpu per search: service %.2f ms, mariadb %.2f ms (mariadb is shared: an upper bound); %d searches in %.0f s\n",
         s * 1000 / hz / n, d * 1000 / hz / n, n, t1 - t0 }'
printf 'load average after the run: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
