#!/usr/bin/env bash
# Gateway overhead benchmark (docs/PERFORMANCE.md, "gateway"). Starts the packaged skills-service
# and gateway against their own databases (skills_bench_gw, gateway_bench_gw), then sends the same
# authenticated read straight to skills-service and through the gateway, in alternating rounds, and
# prints both side by side with the gateway's CPU per request. Needs MariaDB at 127.0.0.1:3306 and
# both services packaged (./mvnw -B -pl skills-service,gateway package -DskipTests, or ./mvnw verify).
#
#   bench/gateway/run.sh                                     # 8 clients, 3 rounds of 20 s, then 200/s
#   CLIENTS=16 DURATION=30 ROUNDS=5 RATE=300 bench/gateway/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${BENCH_DIR:-$ROOT/gateway/target/bench}
SKILLS_PORT=${BENCH_SKILLS_PORT:-18181}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18180}
DB=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
PATH_TO_READ=${BENCH_PATH:-/api/partners/BP01}
mkdir -p "$WORK"
for m in skills-service gateway; do
  [[ -f $m/target/quarkus-app/quarkus-run.jar ]] || { echo "package $m first: ./mvnw -B -pl $m package -DskipTests" >&2; exit 1; }
done
bench() { java bench/gateway/GatewayBench.java "$@"; }
bench keys "$WORK/keys"

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null; done; wait 2>/dev/null || true' EXIT
start() { # name port log, then env... -- jar
  local name=$1 port=$2; shift 2
  env "$@" QUARKUS_HTTP_PORT="$port" JWT_PUBLIC_KEY_LOCATION="$WORK/keys/publicKey.pem" QUARKUS_LOG_LEVEL=WARN ACCESS_LOG=false \
    java ${BENCH_JAVA_OPTS:-} -jar "$name/target/quarkus-app/quarkus-run.jar" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
ready() { # port pid name
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { tail -50 "$WORK/$3.log"; exit 1; }
    sleep 0.5
  done
  echo "$3 did not become ready" >&2; exit 1
}
start skills-service "$SKILLS_PORT" QUARKUS_DATASOURCE_JDBC_URL="$DB/skills_bench_gw?createDatabaseIfNotExist=true"
SKILLS=${PIDS[0]}
start gateway "$GATEWAY_PORT" QUARKUS_DATASOURCE_JDBC_URL="$DB/gateway_bench_gw?createDatabaseIfNotExist=true" \
  JWT_PRIVATE_KEY_LOCATION="$WORK/keys/privateKey.pem" ADMIN_PASSWORD="bench-$(date +%s)-passphrase" \
  SKILLS_URL="http://127.0.0.1:$SKILLS_PORT" ROTA_URL=http://127.0.0.1:9 DR_URL=http://127.0.0.1:9 \
  GATEWAY_RATE_LIMIT_API_PER_USER_REQUESTS=1000000000
GATEWAY=${PIDS[1]}
ready "$SKILLS_PORT" "$SKILLS" skills-service
ready "$GATEWAY_PORT" "$GATEWAY" gateway
bench seed "http://127.0.0.1:$SKILLS_PORT" "$WORK/keys"
# JIT warm-up of both paths, not measured.
bench load "http://127.0.0.1:$SKILLS_PORT" "http://127.0.0.1:$GATEWAY_PORT" "$WORK/keys" "$PATH_TO_READ" 8 "${WARMUP:-15}" 1 50 >/dev/null

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
g0=$(ticks "$GATEWAY"); s0=$(ticks "$SKILLS")
bench load "http://127.0.0.1:$SKILLS_PORT" "http://127.0.0.1:$GATEWAY_PORT" "$WORK/keys" "$PATH_TO_READ" \
  "${CLIENTS:-8}" "${DURATION:-20}" "${ROUNDS:-3}" "${RATE:-200}" | tee "$WORK/load.txt"
g1=$(ticks "$GATEWAY"); s1=$(ticks "$SKILLS")
n=$(awk '/^gateway-requests /{print $2}' "$WORK/load.txt")
m=$(awk '/^service-requests /{print $2}' "$WORK/load.txt")
awk -v g=$((g1 - g0)) -v s=$((s1 - s0)) -v n="$n" -v m="$m" -v hz="$TICK" 'BEGIN {
  printf "cpu per request: gateway %.3f ms (%d proxied), skills-service %.3f ms (%d served, direct and proxied)\n",
         g * 1000 / hz / n, n, s * 1000 / hz / m, m }'
printf 'load average after the run: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
