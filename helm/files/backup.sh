#!/usr/bin/env bash
# Dumps each service's database into BACKUP_DIR/<UTC time>/<database>.sql.gz and deletes backups older
# than RETENTION_DAYS. The same script runs in the Helm CronJob, in Compose's "backup" profile and by
# hand; docs/OPERATIONS.md says how to restore (helm/files/restore.sh).
#
# Each dump is one consistent snapshot of its database (--single-transaction: every table is InnoDB,
# so nothing is locked and the services keep running). A backup is complete only when its COMPLETE
# file exists: restore refuses one without it, and retention never deletes the newest complete one.
#
# Settings (environment): DB_HOST (mariadb), DB_PORT (3306), DB_USER (root), DB_PASSWORD (or
# MARIADB_ROOT_PASSWORD), DATABASES ("skills rota dr gateway"), BACKUP_DIR (/backups),
# RETENTION_DAYS (14).
set -euo pipefail

DB_HOST=${DB_HOST:-mariadb}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-${MARIADB_ROOT_PASSWORD:-}}
DATABASES=${DATABASES:-skills rota dr gateway}
BACKUP_DIR=${BACKUP_DIR:-/backups}
RETENTION_DAYS=${RETENTION_DAYS:-14}

[[ $RETENTION_DAYS =~ ^[0-9]+$ && $RETENTION_DAYS -ge 1 ]] || { echo "RETENTION_DAYS must be a whole number of days, 1 or more" >&2; exit 2; }
dump=$(command -v mariadb-dump || command -v mysqldump) || { echo "mariadb-dump is not installed" >&2; exit 2; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target=$BACKUP_DIR/$stamp
mkdir -p "$target"
export MYSQL_PWD=$DB_PASSWORD
for db in $DATABASES; do
  # --single-transaction: a consistent snapshot; routines and triggers would be lost without their flags.
  "$dump" --protocol=tcp -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" \
    --single-transaction --quick --routines --triggers --events --hex-blob --default-character-set=utf8mb4 \
    "$db" | gzip -c >"$target/$db.sql.gz.part"
  mv "$target/$db.sql.gz.part" "$target/$db.sql.gz"
  echo "backup: $db -> $target/$db.sql.gz ($(wc -c <"$target/$db.sql.gz") bytes)"
done
printf '%s\n' $DATABASES >"$target/COMPLETE"

# Retention: whole backups older than RETENTION_DAYS, and incomplete ones older than a day; the
# backup just made is never among them.
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d ! -name "$stamp" -mtime "+$((RETENTION_DAYS - 1))" -print0 |
  while IFS= read -r -d '' old; do rm -rf -- "$old" && echo "backup: deleted $old (older than $RETENTION_DAYS days)"; done
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d ! -name "$stamp" -mtime +0 -print0 |
  while IFS= read -r -d '' old; do
    [[ -f $old/COMPLETE ]] || { rm -rf -- "$old" && echo "backup: deleted incomplete $old"; }
  done
echo "backup: complete in $target"
