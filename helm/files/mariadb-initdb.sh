#!/bin/bash
# First-start initialisation of a fresh MariaDB (official image, /docker-entrypoint-initdb.d/):
# one database and one user per service, each user allowed into its own database only.
# Used by docker-compose.yml and by the Helm chart's bundled MariaDB. It runs once, when the data
# directory is empty; against an existing server run the equivalent SQL in docs/OPERATIONS.md.
#
# Reads, for each of SKILLS ROTA DR GATEWAY: <S>_DB_NAME and <S>_DB_USER (default: the service's
# database name: skills, rota, dr, gateway) and <S>_DB_PASSWORD (required).
#
# The entrypoint sources this file (it is not executable), so everything stays inside a function
# and no shell option is changed for the entrypoint.

sharedict_initdb() {
  local svc default name_var user_var password_var name user password statements=""
  sql_string() { # a single-quoted SQL literal; MariaDB treats backslash as an escape too
    local s=${1//\\/\\\\}
    printf "'%s'" "${s//\'/\'\'}"
  }
  sql_name() { # a back-quoted identifier
    printf '`%s`' "${1//\`/\`\`}"
  }
  for svc in SKILLS ROTA DR GATEWAY; do
    default=$(tr '[:upper:]' '[:lower:]' <<<"$svc")
    name_var=${svc}_DB_NAME user_var=${svc}_DB_USER password_var=${svc}_DB_PASSWORD
    name=${!name_var:-$default}
    user=${!user_var:-$default}
    password=${!password_var:-}
    if [[ -z $password ]]; then
      echo "[sharedict-initdb] $password_var is not set: every service needs its own database password" >&2
      return 1
    fi
    statements+="CREATE DATABASE IF NOT EXISTS $(sql_name "$name") CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");
GRANT ALL PRIVILEGES ON $(sql_name "$name").* TO $(sql_string "$user")@'%';
"
    echo "[sharedict-initdb] database $name for user $user" >&2
  done
  # docker_process_sql is the entrypoint's own client call (as root, over the init-time socket);
  # when the file is executed instead of sourced, use the client directly.
  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql <<<"$statements"
  else
    mariadb --protocol=socket --user=root --password="${MARIADB_ROOT_PASSWORD:-}" <<<"$statements"
  fi
}

if ! sharedict_initdb; then
  echo "[sharedict-initdb] failed: the databases for the services were not created" >&2
  exit 1
fi
unset -f sharedict_initdb sql_string sql_name
