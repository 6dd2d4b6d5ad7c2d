#!/usr/bin/env bash
# One command for the whole platform on a laptop: builds what changed, starts MariaDB (embedded,
# data under .data/, unless DB_URL points at a server), the three services and the gateway,
# loads the demo data once, prints the URL and the demo sign-in, and stops it all on Ctrl-C.
#
#   ./run.sh                                   embedded MariaDB on port 3307, data in .data/
#   DB_URL=jdbc:mariadb://db.example:3306 DB_USER=ict DB_PASSWORD=... ./run.sh
#
# Settings (environment): DB_URL DB_USER DB_PASSWORD, LOCAL_DB_PORT (3307), DATA_DIR (.data),
# GATEWAY_PORT (8080) SKILLS_PORT (8081) ROTA_PORT (8082) DR_PORT (8083), SMTP_PORT (2525: the local
# mail catcher, or your relay's port with SMTP_HOST),
# SKIP_BUILD=1 to start what is already built, NO_DEMO_DATA=1 to start empty.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

DATA_DIR=${DATA_DIR:-$ROOT/.data}
LOCAL_DB_PORT=${LOCAL_DB_PORT:-3307}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
SKILLS_PORT=${SKILLS_PORT:-8081}
ROTA_PORT=${ROTA_PORT:-8082}
DR_PORT=${DR_PORT:-8083}
SMTP_PORT=${SMTP_PORT:-2525}
LOGS=$DATA_DIR/logs
LOCAL_RUN_CP="$ROOT/local-run/target/local-run.jar:$ROOT/local-run/target/lib/*"
SERVICES=(skills-service rota-service dr-planner gateway)
# The database each service owns (one schema per service).
declare -A DB_NAME=([skills-service]=skills [rota-service]=rota [dr-planner]=dr [gateway]=gateway)
declare -A PORT=([skills-service]=$SKILLS_PORT [rota-service]=$ROTA_PORT [dr-planner]=$DR_PORT [gateway]=$GATEWAY_PORT)

say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[run] %s\033[0m\n' "$*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

command -v java >/dev/null || die "Java 17 or newer is needed (java not found)"
command -v curl >/dev/null || die "curl is needed to wait for the services (apt-get install curl)"
for svc in "${SERVICES[@]}"; do
  port_in_use "${PORT[$svc]}" && die "port ${PORT[$svc]} (for $svc) is already in use; stop what uses it or set ${svc%%-*}_PORT"
done

mkdir -p "$DATA_DIR" "$LOGS"

# --- build what changed -------------------------------------------------------------------------
stamp=$DATA_DIR/.build-stamp
if [[ -z ${SKIP_BUILD:-} ]]; then
  if [[ ! -f $stamp ]] || [[ -n $(find . -path ./.data -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit) ]] \
     || [[ ! -f local-run/target/local-run.jar ]]; then
    say "building (./mvnw package -DskipTests) ..."
    ./mvnw -B -q package -DskipTests || die "the build failed; see the output above"
    touch "$stamp"
  fi
fi

PIDS=()
DB_PID=
MAIL_PID=
stop_all() {
  trap - INT TERM EXIT
  say "stopping ..."
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n $MAIL_PID ]]; then kill -TERM "$MAIL_PID" 2>/dev/null || true; wait "$MAIL_PID" 2>/dev/null || true; fi
  if [[ -n $DB_PID ]]; then kill -TERM "$DB_PID" 2>/dev/null || true; wait "$DB_PID" 2>/dev/null || true; fi
  say "stopped"
  exit "${1:-0}"
}
trap 'stop_all 0' INT TERM
trap 'stop_all $?' EXIT

# Children run in their own session so that Ctrl-C reaches only this script, which then stops
# the services before the database.
start_bg() { # name, command... ; sets LAST_PID (no subshell, so that wait works on it)
  local name=$1; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 &
  LAST_PID=$!
}

# --- database -------------------------------------------------------------------------------------
if [[ -n ${DB_URL:-} ]]; then
  JDBC_BASE=${DB_URL%/}
  DB_USER=${DB_USER:-root}
  DB_PASSWORD=${DB_PASSWORD:-}
  say "using the MariaDB server at $JDBC_BASE (databases are created if missing)"
else
  port_in_use "$LOCAL_DB_PORT" && die "port $LOCAL_DB_PORT (embedded MariaDB) is in use; set LOCAL_DB_PORT"
  say "starting embedded MariaDB on port $LOCAL_DB_PORT (data in $DATA_DIR/mariadb) ..."
  start_bg mariadb java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.LocalDatabase "$DATA_DIR" "$LOCAL_DB_PORT" "${DB_NAME[@]}"
  DB_PID=$LAST_PID
  for _ in $(seq 1 240); do
    grep -q LOCAL_DB_READY "$LOGS/mariadb.log" 2>/dev/null && break
    kill -0 "$DB_PID" 2>/dev/null || die "embedded MariaDB did not start; see $LOGS/mariadb.log"
    sleep 0.5
  done
  grep -q LOCAL_DB_READY "$LOGS/mariadb.log" || die "embedded MariaDB did not become ready; see $LOGS/mariadb.log"
  JDBC_BASE=jdbc:mariadb://127.0.0.1:$LOCAL_DB_PORT
  DB_USER=root
  DB_PASSWORD=
fi

# --- mail catcher (unless SMTP_HOST names a real relay) --------------------------------------------
# Every e-mail the services send (pages, shift notices, reminders) is kept as a file in $DATA_DIR/mail.
if [[ -z ${SMTP_HOST:-} ]]; then
  port_in_use "$SMTP_PORT" && die "port $SMTP_PORT (local mail catcher) is in use; set SMTP_PORT"
  start_bg mail java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.LocalMail "$DATA_DIR/mail" "$SMTP_PORT"
  MAIL_PID=$LAST_PID
  for _ in $(seq 1 60); do
    grep -q LOCAL_MAIL_READY "$LOGS/mail.log" 2>/dev/null && break
    kill -0 "$MAIL_PID" 2>/dev/null || die "the local mail catcher did not start; see $LOGS/mail.log"
    sleep 0.5
  done
fi

# --- keys -------------------------------------------------------------------------------------------
java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.LocalKeys "$DATA_DIR/keys"

# --- services ---------------------------------------------------------------------------------------
export JWT_PUBLIC_KEY_LOCATION=$DATA_DIR/keys/publicKey.pem
export JWT_PRIVATE_KEY_LOCATION=$DATA_DIR/keys/privateKey.pem
export SKILLS_URL=http://localhost:$SKILLS_PORT ROTA_URL=http://localhost:$ROTA_PORT
export DR_URL=http://localhost:$DR_PORT GATEWAY_URL=http://localhost:$GATEWAY_PORT
export SHAREDICT_LOCAL_RUN=true SMTP_PORT
for svc in "${SERVICES[@]}"; do
  jar=$ROOT/$svc/target/quarkus-app/quarkus-run.jar
  [[ -f $jar ]] || die "$jar is missing; run without SKIP_BUILD"
  start_bg "$svc" env QUARKUS_HTTP_PORT="${PORT[$svc]}" \
        QUARKUS_DATASOURCE_JDBC_URL="$JDBC_BASE/${DB_NAME[$svc]}?createDatabaseIfNotExist=true" \
        QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
        java -jar "$jar"
  PIDS+=("$LAST_PID")
  say "starting $svc on port ${PORT[$svc]} (log: $LOGS/$svc.log)"
done

for i in "${!SERVICES[@]}"; do
  svc=${SERVICES[$i]}
  for _ in $(seq 1 240); do
    curl -fs "http://localhost:${PORT[$svc]}/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "${PIDS[$i]}" 2>/dev/null || die "$svc stopped while starting; see $LOGS/$svc.log"
    sleep 0.5
  done
  curl -fs "http://localhost:${PORT[$svc]}/q/health/ready" >/dev/null 2>&1 || die "$svc did not become ready; see $LOGS/$svc.log"
done

# --- demo data (once: each part skips a service that already has data) --------------------------
if [[ -z ${NO_DEMO_DATA:-} ]]; then
  java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.DemoSeeder || die "loading the demo data failed (see above)"
fi

cat <<EOF

  Shared ICT Support platform is running.

    Web and API:   http://localhost:$GATEWAY_PORT/
    API docs:      http://localhost:$GATEWAY_PORT/q/swagger-ui
    Demo sign-in:  admin / admin   (partnership admin; more demo users in README.md)
    Logs:          $LOGS/
    E-mail:        ${SMTP_HOST:-$DATA_DIR/mail/ (every message the services send, as .eml files)}

  Press Ctrl-C to stop everything.

EOF

wait -n "${PIDS[@]}" || true
say "a service stopped unexpectedly; see $LOGS/"
exit 1
