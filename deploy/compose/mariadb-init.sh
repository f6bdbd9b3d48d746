#!/usr/bin/env bash
# Databases and users of the MariaDB services (docker-compose.yml). The mariadb image runs this
# once, on an empty data volume. The passwords come from the environment that
# docker-compose.yml passes (each *_DB_PASSWORD is required there); none is written in this file.
set -euo pipefail
sql_string() { printf "'%s'" "$(printf '%s' "$1" | sed -e "s/\\\\/\\\\\\\\/g" -e "s/'/''/g")"; }
create() {
  local name=$1 password
  password=$(sql_string "$2")
  MYSQL_PWD=$MARIADB_ROOT_PASSWORD mariadb --user=root <<SQL
CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$name'@'%' IDENTIFIED BY $password;
GRANT ALL PRIVILEGES ON \`$name\`.* TO '$name'@'%';
SQL
}
create inventory "$INVENTORY_DB_PASSWORD"
create mail "$MAIL_DB_PASSWORD"
