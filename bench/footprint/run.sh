#!/usr/bin/env bash
# Footprint and start-up (docs/PERFORMANCE.md, "Footprint and start-up"). Starts each packaged
# service alone against its own database, measures the time from launch to ready and the resident
# memory (RSS) at ready, then sends a minute of light mixed reads (Footprint.java load: experts,
# on-call, rotas, plans, templates, partners, users; 20/s from 4 clients) while sampling RSS, and
# prints a table. Needs MariaDB (root, no password) and the four services packaged
# (./mvnw -B -pl skills-service,rota-service,dr-planner,gateway -am package -DskipTests).
#
# The services run with the JVM and pool sizes ./run.sh gives them (helm/files/jvm.env), unless
# BENCH_JAVA_OPTS is set (even empty: the JDK's defaults, and no pool sizes from the file).
#
#   bench/footprint/run.sh
#   BENCH_DB_URL=jdbc:mariadb://127.0.0.1:3312 SERVICES="rota-service" DURATION=60 RATE=20 CLIENTS=4 bench/footprint/run.sh
#   BENCH_JAVA_OPTS= bench/footprint/run.sh                   # JDK defaults, for comparison
#   DURATION=0 APPCDS=1 bench/footprint/run.sh                  # start-up alone, with the AppCDS archives
#                     (package with -Dquarkus.package.jar.appcds.enabled=true first)
#
# Each database (fp_skills, fp_rota, fp_dr, fp_gateway) is made and seeded on the first run (the
# skills and rota benchmarks' seeders) and kept, so that every measured start finds a migrated
# schema, as a restart does; FRESH=1 drops them first.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${BENCH_DIR:-$ROOT/target/bench-footprint}
DB_BASE=${BENCH_DB_URL:-jdbc:mariadb://127.0.0.1:3306}
SERVICES=(${SERVICES:-skills-service rota-service dr-planner gateway})
DURATION=${DURATION:-60}
RATE=${RATE:-20}
CLIENTS=${CLIENTS:-4}
PORT=${BENCH_PORT:-18290}
STUB_PORT=${BENCH_STUB_PORT:-18291}
declare -A DB=([skills-service]=fp_skills [rota-service]=fp_rota [dr-planner]=fp_dr [gateway]=fp_gateway)
mkdir -p "$WORK"
for svc in "${SERVICES[@]}"; do
  [[ -f $svc/target/quarkus-app/quarkus-run.jar ]] || { echo "package $svc first: ./mvnw -B -pl $svc -am package -DskipTests" >&2; exit 1; }
done

# The JVM options and environment the services get: the same as ./run.sh's (helm/files/jvm.env,
# each line unless the environment already sets it; SERVICE_MEMORY_LIMIT becomes -XX:MaxRAM).
SIZES=()
if [[ -n ${BENCH_JAVA_OPTS+set} ]]; then
  JAVA_OPTIONS=$BENCH_JAVA_OPTS
else
  while IFS= read -r line; do
    [[ $line =~ ^([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
    key=${BASH_REMATCH[1]}
    [[ -n ${!key+set} ]] && line="$key=${!key}"
    SIZES+=("$line")
    declare "$line"
  done <helm/files/jvm.env
  JAVA_OPTIONS="$JAVA_OPTS -XX:MaxRAM=$SERVICE_MEMORY_LIMIT"
fi
# More options for a try (e.g. -Xlog:gc, or an AppCDS archive: APPCDS=1 uses each service's app-cds.jsa).
JAVA_OPTIONS="$JAVA_OPTIONS ${BENCH_EXTRA_OPTS:-}"

DRIVER=$(ls rota-service/target/quarkus-app/lib/main/org.mariadb.jdbc.mariadb-java-client-*.jar 2>/dev/null \
  || ls skills-service/target/quarkus-app/lib/main/org.mariadb.jdbc.mariadb-java-client-*.jar)
# RotaBench.java compiles against rota-service's classes and platform-common, whichever part runs.
ROTA_CP="$DRIVER:$(ls rota-service/target/quarkus-app/lib/main/org.sharedict.platform-common-*.jar \
  rota-service/target/quarkus-app/lib/main/org.eclipse.microprofile.config.microprofile-config-api-*.jar | paste -sd:):rota-service/target/classes"
rota_bench() { java -cp "$ROTA_CP" bench/rota/RotaBench.java "$@"; }
fp() { java bench/footprint/Footprint.java "$@"; }
fp keys "$WORK/keys"

PIDS=()
STUB=
cleanup() {
  for p in "${PIDS[@]}" $STUB; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

start() { # service; sets SVC_PID, T0 (launch, ns)
  local svc=$1 extra=()
  case $svc in
    rota-service) extra=(SKILLS_URL="http://127.0.0.1:$STUB_PORT" QUARKUS_MAILER_MOCK=true ROTA_PLAIN_HTTP_WEBHOOK_HOSTS=127.0.0.1) ;;
    dr-planner) extra=(SKILLS_URL=http://127.0.0.1:9 ROTA_URL=http://127.0.0.1:9 GATEWAY_INTERNAL_URL=http://127.0.0.1:9 QUARKUS_MAILER_MOCK=true) ;;
    gateway) extra=(JWT_PRIVATE_KEY_LOCATION="$WORK/keys/privateKey.pem" ADMIN_PASSWORD=footprint-bench-passphrase-1
                    SKILLS_URL=http://127.0.0.1:9 ROTA_URL=http://127.0.0.1:9 DR_URL=http://127.0.0.1:9
                    GATEWAY_RATE_LIMIT_API_PER_USER_REQUESTS=1000000000) ;;
    skills-service) extra=(QUARKUS_MAILER_MOCK=true) ;;
  esac
  T0=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_OPTIONS is a list of options
  # From the jar's folder, as an AppCDS archive requires (it records the class path as it was
  # dumped); -Xshare:on makes an archive that cannot be used an error, not a silent slow start.
  (cd "$svc/target/quarkus-app" && exec env "${SIZES[@]}" "${extra[@]}" QUARKUS_HTTP_PORT=$PORT \
    QUARKUS_DATASOURCE_JDBC_URL="$DB_BASE/${DB[$svc]}?createDatabaseIfNotExist=true" \
    QUARKUS_DATASOURCE_USERNAME=root QUARKUS_DATASOURCE_PASSWORD= \
    JWT_PUBLIC_KEY_LOCATION="$WORK/keys/publicKey.pem" \
    java $JAVA_OPTIONS ${APPCDS:+-XX:SharedArchiveFile=app-cds.jsa -Xshare:on} -jar quarkus-run.jar) >"$WORK/$svc.log" 2>&1 &
  SVC_PID=$!
  PIDS+=("$SVC_PID")
}
wait_ready() { # service; sets READY_MS
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; then
      READY_MS=$((($(date +%s%N) - T0) / 1000000))
      return 0
    fi
    kill -0 "$SVC_PID" 2>/dev/null || { tail -40 "$WORK/$1.log"; exit 1; }
    sleep 0.05
  done
  echo "$1 did not become ready" >&2; exit 1
}
stop() {
  kill "$SVC_PID" 2>/dev/null || true
  wait "$SVC_PID" 2>/dev/null || true
  PIDS=()
}
rss_mb() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

if [[ " ${SERVICES[*]} " == *" rota-service "* ]]; then
  # rota-service asks skills-service about people and partners: the rota benchmark's stand-in answers.
  # Started as java itself, not through rota_bench(): killing a backgrounded function would leave its JVM running.
  java -cp "$ROTA_CP" bench/rota/RotaBench.java stub "$STUB_PORT" >"$WORK/stub.log" 2>&1 &
  STUB=$!
fi

# First run: migrate and seed each database, outside the measured start.
for svc in "${SERVICES[@]}"; do
  db=${DB[$svc]}
  if [[ -n ${FRESH:-} ]]; then rm -f "$WORK/$db.seeded"; fi
  [[ -f $WORK/$db.seeded ]] && continue
  rota_bench resetdb "$DB_BASE" "$db"
  start "$svc"; wait_ready "$svc"
  case $svc in
    skills-service) java -cp "$DRIVER" bench/skills/SkillsBench.java seed "$DB_BASE/$db?user=root" ;;
    rota-service) rota_bench seed "http://127.0.0.1:$PORT" "$WORK/keys" ;;
  esac
  fp probe "$svc" "http://127.0.0.1:$PORT" "$WORK/keys"
  stop
  touch "$WORK/$db.seeded"
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
for svc in "${SERVICES[@]}"; do
  start "$svc"; wait_ready "$svc"
  at_ready=$(rss_mb "$SVC_PID")
  # CPU the JVM used to get there (user + system): what start-up costs, whatever the machine's load.
  cpu_ready=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$SVC_PID/stat")
  started=$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1 s/p' "$WORK/$svc.log" | head -1)
  # DURATION=0: start-up alone.
  if ((DURATION > 0)); then
    fp load "$svc" "http://127.0.0.1:$PORT" "$WORK/keys" "$SVC_PID" "$DURATION" "$RATE" "$CLIENTS" >"$WORK/$svc.load"
  else
    printf 'requests 0\nfailed 0\np50_ms 0\np95_ms 0\npeak_rss_kb %d\n' "$(($(rss_mb "$SVC_PID") * 1024))" >"$WORK/$svc.load"
  fi
  after=$(rss_mb "$SVC_PID")
  get() { awk -v k="$1" '$1 == k {print $2}' "$WORK/$svc.load"; }
  ROWS+=("$(printf '| %s | %.1f s | %s | %s s | %d MB | %d MB | %d MB | %d | %d | %.0f ms | %.0f ms |' "$svc" \
    "$(awk -v m="$READY_MS" 'BEGIN {print m / 1000}')" "$started" "$cpu_ready" "$at_ready" "$(($(get peak_rss_kb) / 1024))" "$after" \
    "$(get requests)" "$(get failed)" "$(get p50_ms)" "$(get p95_ms)")")
  grep '^failure' "$WORK/$svc.load" | sed "s/^/  $svc: /" >&2 || true
  stop
done

echo
echo "JVM options: ${JAVA_OPTIONS:-(JDK defaults)}; environment: ${SIZES[*]:-(none)}"
echo "load: $DURATION s at $RATE/s from $CLIENTS clients; load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| service | launch to ready | Quarkus \"started in\" | CPU to ready | RSS at ready | peak RSS under load | RSS after | requests | failed | p50 | p95 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
