#!/usr/bin/env bash
# Restores the services' databases from one backup made by backup.sh:
#
#   restore.sh /backups/20261207T020000Z            every database in it
#   DATABASES="rota" restore.sh /backups/2026...    only these
#
# Stop the services first (scale to 0 / docker compose stop): each database is dropped and made
# again from the dump, and a service writing meanwhile would mix old and new. Start them again after;
# Flyway finds the schema at the version the dump was taken at and applies only newer migrations.
# Settings (environment) as backup.sh: DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DATABASES; and
# RESTORE_AS ("" or a prefix, e.g. "check_" to restore beside the live databases and compare).
set -euo pipefail

from=${1:?usage: restore.sh <backup directory>}
DB_HOST=${DB_HOST:-mariadb}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-${MARIADB_ROOT_PASSWORD:-}}
RESTORE_AS=${RESTORE_AS:-}

[[ -f $from/COMPLETE ]] || { echo "$from is not a complete backup (no COMPLETE file)" >&2; exit 2; }
DATABASES=${DATABASES:-$(cat "$from/COMPLETE")}
client=$(command -v mariadb || command -v mysql) || { echo "the mariadb client is not installed" >&2; exit 2; }
export MYSQL_PWD=$DB_PASSWORD
sql() { "$client" --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" "$@"; }

for db in $DATABASES; do
  [[ -f $from/$db.sql.gz ]] || { echo "$from has no dump of $db" >&2; exit 2; }
done
for db in $DATABASES; do
  name=$RESTORE_AS$db
  sql -e "DROP DATABASE IF EXISTS \`$name\`; CREATE DATABASE \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  gunzip -c "$from/$db.sql.gz" | sql "$name"
  echo "restore: $from/$db.sql.gz -> $name"
done
