#!/usr/bin/env bash
# One command for the whole platform on a laptop: builds what changed, starts MariaDB (embedded,
# data under .data/, unless DB_URL points at a server), the three services and the gateway,
# loads the demo data once, prints the URL and the demo sign-in, and stops it all on Ctrl-C.
# Everything listens on 127.0.0.1 only, unless GATEWAY_HOST opens the gateway to the network.
#
#   ./run.sh                                   embedded MariaDB on port 3307, data in .data/
#   DB_URL=jdbc:mariadb://db.example:3306 DB_USER=ict DB_PASSWORD=... ./run.sh
#   GATEWAY_HOST=0.0.0.0 ./run.sh              try it from a phone on your network
#
# Settings (environment): DB_URL DB_USER DB_PASSWORD, LOCAL_DB_PORT (3307), DATA_DIR (.data: the
# embedded database, its install and its root password in db-password, keys, logs, mail),
# GATEWAY_HOST (127.0.0.1), GATEWAY_PORT (8080) SKILLS_PORT (8081) ROTA_PORT (8082) DR_PORT (8083),
# SMTP_PORT (2525: the local mail catcher, or your relay's port with SMTP_HOST), PAGING_PORT (2580: the
# local SMS/Teams/Slack/voice stand-in, unless NOTIFY_API_KEY names a real GOV.UK Notify service),
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
GATEWAY_HOST=${GATEWAY_HOST:-127.0.0.1}
SMTP_PORT=${SMTP_PORT:-2525}
PAGING_PORT=${PAGING_PORT:-2580}
LOGS=$DATA_DIR/logs
LOCAL_RUN_CP="$ROOT/local-run/target/local-run.jar:$ROOT/local-run/target/lib/*"
SERVICES=(skills-service rota-service dr-planner gateway)
# The database each service owns (one schema per service).
declare -A DB_NAME=([skills-service]=skills [rota-service]=rota [dr-planner]=dr [gateway]=gateway)
declare -A PORT=([skills-service]=$SKILLS_PORT [rota-service]=$ROTA_PORT [dr-planner]=$DR_PORT [gateway]=$GATEWAY_PORT)
declare -A PORT_SETTING=([skills-service]=SKILLS_PORT [rota-service]=ROTA_PORT [dr-planner]=DR_PORT [gateway]=GATEWAY_PORT)
# The services answer on the loopback address only: the gateway is the one way in, and only it may be opened.
declare -A HOST=([skills-service]=127.0.0.1 [rota-service]=127.0.0.1 [dr-planner]=127.0.0.1 [gateway]=$GATEWAY_HOST)
# Where this script itself reaches each one (an address the gateway was bound to, all addresses included).
case $GATEWAY_HOST in
  0.0.0.0|127.0.0.1|localhost) GATEWAY_LOCAL=127.0.0.1 ;;
  ::|::1|'[::]'|'[::1]') GATEWAY_LOCAL='[::1]' ;;
  *:*) GATEWAY_LOCAL="[$GATEWAY_HOST]" ;;
  *) GATEWAY_LOCAL=$GATEWAY_HOST ;;
esac
declare -A LOCAL_ADDR=([skills-service]=127.0.0.1 [rota-service]=127.0.0.1 [dr-planner]=127.0.0.1 [gateway]=$GATEWAY_LOCAL)

say() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[run] %s\033[0m\n' "$*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

command -v java >/dev/null || die "Java 17 or newer is needed (java not found)"
command -v curl >/dev/null || die "curl is needed to wait for the services (apt-get install curl)"
# Every port is checked before anything is built or started, each naming the setting that moves it.
for svc in "${SERVICES[@]}"; do
  port_in_use "${PORT[$svc]}" && die "port ${PORT[$svc]} (for $svc) is already in use; stop what uses it or set ${PORT_SETTING[$svc]}"
done
if [[ -z ${DB_URL:-} ]] && port_in_use "$LOCAL_DB_PORT"; then
  die "port $LOCAL_DB_PORT (for the embedded MariaDB) is already in use; stop what uses it (another ./run.sh?) or set LOCAL_DB_PORT"
fi
if [[ -z ${SMTP_HOST:-} ]] && port_in_use "$SMTP_PORT"; then
  die "port $SMTP_PORT (for the local mail catcher) is already in use; stop what uses it or set SMTP_PORT"
fi
if [[ -z ${NOTIFY_API_KEY:-} ]] && port_in_use "$PAGING_PORT"; then
  die "port $PAGING_PORT (for the local SMS and Teams stand-in) is already in use; stop what uses it or set PAGING_PORT"
fi

mkdir -p "$DATA_DIR" "$LOGS"
# One ./run.sh per DATA_DIR, before it overwrites another's logs (the embedded database also has a lock of its own).
if command -v flock >/dev/null; then
  exec 9>"$DATA_DIR/run.lock"
  flock -n 9 || die "another ./run.sh is already using $DATA_DIR; stop it first, or give this one its own: DATA_DIR=/some/other/folder (and other ports)"
fi

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
PAGING_PID=
stop_all() {
  trap - INT TERM EXIT
  say "stopping ..."
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n $MAIL_PID ]]; then kill -TERM "$MAIL_PID" 2>/dev/null || true; wait "$MAIL_PID" 2>/dev/null || true; fi
  if [[ -n $PAGING_PID ]]; then kill -TERM "$PAGING_PID" 2>/dev/null || true; wait "$PAGING_PID" 2>/dev/null || true; fi
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
  say "starting embedded MariaDB on 127.0.0.1:$LOCAL_DB_PORT (data in $DATA_DIR/mariadb) ..."
  start_bg mariadb java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.LocalDatabase "$DATA_DIR" "$LOCAL_DB_PORT" "${DB_NAME[@]}"
  DB_PID=$LAST_PID
  # LocalDatabase bounds its own waits (a first start installs MariaDB) and says why it gave up.
  while ! grep -q LOCAL_DB_READY "$LOGS/mariadb.log" 2>/dev/null; do
    if ! kill -0 "$DB_PID" 2>/dev/null; then
      if grep -q '^LOCAL_DB_FAILED ' "$LOGS/mariadb.log"; then
        sed -n '/^LOCAL_DB_FAILED /,$ { s/^LOCAL_DB_FAILED //; p; }' "$LOGS/mariadb.log" >&2
      else
        tail -n 20 "$LOGS/mariadb.log" >&2
      fi
      die "embedded MariaDB did not start (above); its whole output is in $LOGS/mariadb.log"
    fi
    sleep 0.5
  done
  JDBC_BASE=jdbc:mariadb://127.0.0.1:$LOCAL_DB_PORT
  DB_USER=root
  DB_PASSWORD=$(<"$DATA_DIR/db-password")
fi

# --- mail catcher (unless SMTP_HOST names a real relay) --------------------------------------------
# Every e-mail the services send (pages, shift notices, reminders) is kept as a file in $DATA_DIR/mail.
if [[ -z ${SMTP_HOST:-} ]]; then
  start_bg mail java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.LocalMail "$DATA_DIR/mail" "$SMTP_PORT"
  MAIL_PID=$LAST_PID
  for _ in $(seq 1 60); do
    grep -q LOCAL_MAIL_READY "$LOGS/mail.log" 2>/dev/null && break
    kill -0 "$MAIL_PID" 2>/dev/null || die "the local mail catcher did not start; see $LOGS/mail.log"
    sleep 0.5
  done
fi

# --- SMS, voice, Teams and Slack stand-in (unless NOTIFY_API_KEY names a real GOV.UK Notify service) ---
# Pages by SMS, call, Teams and Slack are kept as files in $DATA_DIR/sms, calls, teams and slack.
if [[ -z ${NOTIFY_API_KEY:-} ]]; then
  start_bg paging java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.LocalPaging "$DATA_DIR" "$PAGING_PORT"
  PAGING_PID=$LAST_PID
  for _ in $(seq 1 60); do
    grep -q LOCAL_PAGING_READY "$LOGS/paging.log" 2>/dev/null && break
    kill -0 "$PAGING_PID" 2>/dev/null || die "the local SMS and Teams stand-in did not start; see $LOGS/paging.log"
    sleep 0.5
  done
  export LOCAL_PAGING_URL=http://127.0.0.1:$PAGING_PORT
  # A syntactically valid Notify key (name, service ID, secret): the stand-in checks nothing.
  export NOTIFY_ENABLED=true NOTIFY_BASE_URL=$LOCAL_PAGING_URL \
    NOTIFY_API_KEY=local-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0 \
    NOTIFY_CALLBACK_TOKEN=${NOTIFY_CALLBACK_TOKEN:-local-notify-callback-token} \
    TWILIO_ENABLED=true TWILIO_BASE_URL=$LOCAL_PAGING_URL TWILIO_ACCOUNT_SID=AClocal TWILIO_AUTH_TOKEN=local-twilio-token \
    TWILIO_FROM=+441632960000 ROTA_PLAIN_HTTP_WEBHOOK_HOSTS=127.0.0.1,localhost
fi
export DATA_DIR

# --- keys -------------------------------------------------------------------------------------------
java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.LocalKeys "$DATA_DIR/keys"
# The key that signs the acknowledge/escalate/resolve links in pages: kept, so links in the mail
# catcher still work after a restart.
if [[ -z ${ROTA_ACTIONS_SECRET:-} ]]; then
  [[ -s $DATA_DIR/actions-secret ]] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$DATA_DIR/actions-secret")
  ROTA_ACTIONS_SECRET=$(<"$DATA_DIR/actions-secret")
fi
export ROTA_ACTIONS_SECRET
# Likewise the key that signs the approve/decline/accept and confirm-profile links in skills-service's e-mails.
if [[ -z ${SKILLS_LINKS_SECRET:-} ]]; then
  [[ -s $DATA_DIR/links-secret ]] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$DATA_DIR/links-secret")
  SKILLS_LINKS_SECRET=$(<"$DATA_DIR/links-secret")
fi
export SKILLS_LINKS_SECRET
# The same for the links DR copy holders acknowledge a plan with (dr-planner).
if [[ -z ${DR_COPIES_SECRET:-} ]]; then
  [[ -s $DATA_DIR/copies-secret ]] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$DATA_DIR/copies-secret")
  DR_COPIES_SECRET=$(<"$DATA_DIR/copies-secret")
fi
export DR_COPIES_SECRET

# --- services ---------------------------------------------------------------------------------------
export JWT_PUBLIC_KEY_LOCATION=$DATA_DIR/keys/publicKey.pem
export JWT_PRIVATE_KEY_LOCATION=$DATA_DIR/keys/privateKey.pem
# Calls between services name 127.0.0.1, where they listen ("localhost" may resolve to ::1 first).
export SKILLS_URL=http://127.0.0.1:$SKILLS_PORT ROTA_URL=http://127.0.0.1:$ROTA_PORT DR_URL=http://127.0.0.1:$DR_PORT
# The address people use (links in e-mails, the allowed browser origin): set it when GATEWAY_HOST opens the gateway.
export GATEWAY_URL=${GATEWAY_URL:-http://localhost:$GATEWAY_PORT}
export SHAREDICT_LOCAL_RUN=true SMTP_PORT
# The JVM and pool sizes the image, compose and the chart use too (helm/files/jvm.env), each unless
# this script's environment sets it. Outside a container the JVM is told the container's memory
# limit (-XX:MaxRAM), so its heap is the same share of the same amount.
SIZES=()
while IFS= read -r line; do
  [[ $line =~ ^([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
  key=${BASH_REMATCH[1]}
  [[ -n ${!key+set} ]] && line="$key=${!key}"
  SIZES+=("$line")
  declare "$line"
done <"$ROOT/helm/files/jvm.env"
for svc in "${SERVICES[@]}"; do
  jar=$ROOT/$svc/target/quarkus-app/quarkus-run.jar
  [[ -f $jar ]] || die "$jar is missing; run without SKIP_BUILD"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  start_bg "$svc" env "${SIZES[@]}" QUARKUS_HTTP_HOST="${HOST[$svc]}" QUARKUS_HTTP_PORT="${PORT[$svc]}" \
        QUARKUS_DATASOURCE_JDBC_URL="$JDBC_BASE/${DB_NAME[$svc]}?createDatabaseIfNotExist=true" \
        QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
        java $JAVA_OPTS -XX:MaxRAM="$SERVICE_MEMORY_LIMIT" -jar "$jar"
  PIDS+=("$LAST_PID")
  say "starting $svc on ${HOST[$svc]}:${PORT[$svc]} (log: $LOGS/$svc.log)"
done

for i in "${!SERVICES[@]}"; do
  svc=${SERVICES[$i]}
  for _ in $(seq 1 240); do
    curl -fs "http://${LOCAL_ADDR[$svc]}:${PORT[$svc]}/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "${PIDS[$i]}" 2>/dev/null || die "$svc stopped while starting; see $LOGS/$svc.log"
    sleep 0.5
  done
  curl -fs "http://${LOCAL_ADDR[$svc]}:${PORT[$svc]}/q/health/ready" >/dev/null 2>&1 || die "$svc did not become ready; see $LOGS/$svc.log"
done

# --- demo data (once: each part skips a service that already has data) --------------------------
if [[ -z ${NO_DEMO_DATA:-} ]]; then
  GATEWAY_URL=http://$GATEWAY_LOCAL:$GATEWAY_PORT java -cp "$LOCAL_RUN_CP" org.sharedict.localrun.DemoSeeder || die "loading the demo data failed (see above)"
fi

if [[ $GATEWAY_HOST == 127.* || $GATEWAY_HOST == localhost || $GATEWAY_HOST == ::1 || $GATEWAY_HOST == '[::1]' ]]; then
  OPEN_TO="only this computer (GATEWAY_HOST=0.0.0.0 opens the gateway to your network)"
else
  # A phone on the same network uses this computer's address (hostname -I: Linux; else say where to look).
  lan=$GATEWAY_HOST
  if [[ $lan == 0.0.0.0 || $lan == :: ]]; then
    lan=$( (hostname -I 2>/dev/null || true) | awk '{print $1}')
  fi
  OPEN_TO="your network too, at http://${lan:-<address of this computer>}:$GATEWAY_PORT/ (anyone there can try the demo sign-in)"
fi
cat <<EOF

  Shared ICT Support platform is running.

    Web and API:   $GATEWAY_URL/
    API docs:      $GATEWAY_URL/q/swagger-ui
    Reachable by:  $OPEN_TO
    Demo sign-in:  admin / admin   (partnership admin; more demo users in README.md)
    Logs:          $LOGS/
    E-mail:        ${SMTP_HOST:-$DATA_DIR/mail/ (every message the services send, as .eml files)}
    SMS and Teams: ${NOTIFY_BASE_URL:-GOV.UK Notify}$( [[ -n ${LOCAL_PAGING_URL:-} ]] && echo " -> $DATA_DIR/sms/, calls/, teams/, slack/ (the local stand-in)" )

  Press Ctrl-C to stop everything.

EOF

wait -n "${PIDS[@]}" || true
say "a service stopped unexpectedly; see $LOGS/"
exit 1
