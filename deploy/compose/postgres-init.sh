#!/usr/bin/env bash
# Databases and users of the PostgreSQL services and of Keycloak (docker-compose.yml). The
# postgres image runs this once, on an empty data volume. Every password comes from the
# environment that docker-compose.yml passes (each *_DB_PASSWORD is required there); none is
# written in this file. psql quotes them (:'name'), so any character is safe.
set -euo pipefail
create() {
  local name=$1 password=$2
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name') \gexec
SQL
}
create gateway "$GATEWAY_DB_PASSWORD"
create vm "$VM_DB_PASSWORD"
create cert "$CERT_DB_PASSWORD"
create project "$PROJECT_DB_PASSWORD"
create keycloak "$KEYCLOAK_DB_PASSWORD"
