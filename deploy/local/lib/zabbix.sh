# shellcheck shell=bash
# deploy/local/lib/zabbix.sh: an optional real Zabbix 6.0 from Debian's packages (no Docker), for
# inventory-service's monitoring feature and its tests. Two processes: zabbix_server (trapper on
# ZABBIX_SERVER_PORT, where zabbix_sender pushes values) and the PHP front end served by PHP's
# built-in web server on ZABBIX_PORT, whose /api_jsonrpc.php is the JSON-RPC API.
#
# Not part of a plain "stack up": only "stack up zabbix" (or "stack test" for inventory-service)
# starts it. Its data lives in its own PostgreSQL database zabbix<INFRA_DB_SUFFIX>, copied from a
# template database (zabbix_template) into which Debian's schema is loaded once (~35 s; a copy
# takes ~2 s). The front end reads only /etc/zabbix/zabbix.conf.php (a path fixed in its code),
# which the stack writes (as root).

ZABBIX_STATE=$STATE_DIR/zabbix
ZABBIX_RUN_DIR=$ZABBIX_STATE/run
ZABBIX_SERVER_CONF=$ZABBIX_STATE/zabbix_server.conf
ZABBIX_FRONTEND_CONF=/etc/zabbix/zabbix.conf.php
ZABBIX_TEMPLATE_DB=zabbix_template
ZABBIX_SCHEMA_DIR=/usr/share/zabbix-server-pgsql
ZABBIX_PACKAGES=(zabbix-server-pgsql zabbix-frontend-php zabbix-agent
  php8.2-cli php8.2-cgi php-pgsql php-gd php-bcmath php-mbstring php-xml php-ldap)

# Installs the Debian packages when one of the programs is missing (php8.2-cli and php8.2-cgi are
# named so that "php" does not pull in Apache; zabbix_sender comes with zabbix-agent).
zabbix_install() {
  if [[ -x /usr/sbin/zabbix_server && -x /usr/bin/zabbix_sender && -f /usr/share/zabbix/api_jsonrpc.php ]] &&
    command -v php >/dev/null && php -m 2>/dev/null | grep -qx pgsql; then
    return 0
  fi
  local t0
  t0=$(now_ms)
  [[ $(id -u) == 0 ]] || die "zabbix: installing ${ZABBIX_PACKAGES[*]} needs root (or install them yourself)"
  info "zabbix: installing the Debian packages (~1 min)"
  if ((APT_UPDATED == 0)); then
    apt-get update -qq 9>&-
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${ZABBIX_PACKAGES[@]}" 9>&- ||
    die "zabbix: apt-get install failed"
  info "zabbix: packages installed in $(elapsed_since "$t0")"
}

zabbix_db() { db_name zabbix; }

# psql as the zabbix user over TCP into database $1 (further arguments go to psql).
zabbix_psql() {
  local db=$1
  shift
  PGPASSWORD=$ZABBIX_DB_PASSWORD psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U zabbix -d "$db" "$@"
}

# The zabbix role, the template database with Debian's schema (loaded once; a comment on the
# database marks a complete load), and the run's database copied from it when missing.
zabbix_provision_db() {
  local db t0 loaded
  db=$(zabbix_db)
  pg_admin <<SQL >/dev/null || die "zabbix: creating role zabbix failed"
\\set pw $(psql_quote "$ZABBIX_DB_PASSWORD")
SELECT format('CREATE ROLE zabbix LOGIN PASSWORD %L', :'pw')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zabbix') \\gexec
SELECT format('ALTER ROLE zabbix LOGIN PASSWORD %L', :'pw') \\gexec
SQL
  loaded=$(pg_admin -At -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$ZABBIX_TEMPLATE_DB'")
  if [[ $loaded != "zabbix schema loaded" ]]; then
    t0=$(now_ms)
    info "zabbix: loading Debian's schema into the template database $ZABBIX_TEMPLATE_DB (~35 s, once)"
    pg_admin -c "DROP DATABASE IF EXISTS $ZABBIX_TEMPLATE_DB WITH (FORCE)" -c "CREATE DATABASE $ZABBIX_TEMPLATE_DB OWNER zabbix" ||
      die "zabbix: cannot create database $ZABBIX_TEMPLATE_DB"
    zcat "$ZABBIX_SCHEMA_DIR/schema.sql.gz" "$ZABBIX_SCHEMA_DIR/images.sql.gz" "$ZABBIX_SCHEMA_DIR/data.sql.gz" |
      zabbix_psql "$ZABBIX_TEMPLATE_DB" >/dev/null || die "zabbix: loading the schema failed"
    # The built-in "Zabbix server" host has no agent here: left enabled it raises problems.
    zabbix_psql "$ZABBIX_TEMPLATE_DB" -c "UPDATE hosts SET status = 1 WHERE host = 'Zabbix server'" >/dev/null
    pg_admin -c "COMMENT ON DATABASE $ZABBIX_TEMPLATE_DB IS 'zabbix schema loaded'" ||
      die "zabbix: cannot mark $ZABBIX_TEMPLATE_DB as loaded"
    info "zabbix: schema loaded in $(elapsed_since "$t0")"
  fi
  if fresh_databases; then
    pg_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || die "zabbix: cannot drop $db"
  fi
  pg_admin -At -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 ||
    pg_admin -c "CREATE DATABASE $db TEMPLATE $ZABBIX_TEMPLATE_DB OWNER zabbix" ||
    die "zabbix: cannot create database $db from $ZABBIX_TEMPLATE_DB"
}

# The server's configuration: a lean process set, and CacheUpdateFrequency=1 (the default 60 s
# makes a new item refuse values for a minute).
zabbix_write_server_conf() {
  cat >"$ZABBIX_SERVER_CONF" <<EOF
# Written by deploy/local/stack (lib/zabbix.sh); rewritten on every start.
ListenIP=127.0.0.1
ListenPort=$ZABBIX_SERVER_PORT
LogType=console
PidFile=$ZABBIX_RUN_DIR/zabbix_server.pid
SocketDir=$ZABBIX_RUN_DIR
DBHost=$PG_HOST
DBPort=$PG_PORT
DBName=$(zabbix_db)
DBUser=zabbix
DBPassword=$ZABBIX_DB_PASSWORD
CacheUpdateFrequency=1
StartPollers=1
StartPreprocessors=1
StartHistoryPollers=1
StartTrappers=2
StartDBSyncers=1
StartAlerters=1
StartLLDProcessors=1
StartPingers=0
StartDiscoverers=0
StartHTTPPollers=0
StartPollersUnreachable=1
Timeout=4
EOF
  chmod 600 "$ZABBIX_SERVER_CONF"
}

# The front end's configuration file (its path is fixed in the front end's code).
zabbix_frontend_conf_text() {
  cat <<EOF
<?php
// Written by deploy/local/stack (lib/zabbix.sh): the local stack's Zabbix front end and API.
\$DB['TYPE'] = 'POSTGRESQL';
\$DB['SERVER'] = '$PG_HOST';
\$DB['PORT'] = '$PG_PORT';
\$DB['DATABASE'] = '$(zabbix_db)';
\$DB['USER'] = 'zabbix';
\$DB['PASSWORD'] = '$ZABBIX_DB_PASSWORD';
\$DB['SCHEMA'] = '';
\$DB['ENCRYPTION'] = false;
\$DB['KEY_FILE'] = '';
\$DB['CERT_FILE'] = '';
\$DB['CA_FILE'] = '';
\$DB['VERIFY_HOST'] = false;
\$DB['CIPHER_LIST'] = '';
\$DB['VAULT_URL'] = '';
\$DB['VAULT_DB_PATH'] = '';
\$DB['VAULT_TOKEN'] = '';
\$DB['DOUBLE_IEEE754'] = true;
\$ZBX_SERVER = '127.0.0.1';
\$ZBX_SERVER_PORT = '$ZABBIX_SERVER_PORT';
\$ZBX_SERVER_NAME = 'infra-system local';
\$IMAGE_FORMAT_DEFAULT = IMAGE_FORMAT_PNG;
EOF
}

zabbix_write_frontend_conf() {
  local text
  text=$(zabbix_frontend_conf_text)
  [[ -f $ZABBIX_FRONTEND_CONF && "$(cat "$ZABBIX_FRONTEND_CONF")" == "$text" ]] && return 0
  [[ $(id -u) == 0 ]] || die "zabbix: writing $ZABBIX_FRONTEND_CONF needs root"
  mkdir -p "$(dirname "$ZABBIX_FRONTEND_CONF")"
  printf '%s\n' "$text" >"$ZABBIX_FRONTEND_CONF.partial"
  chmod 644 "$ZABBIX_FRONTEND_CONF.partial"
  mv "$ZABBIX_FRONTEND_CONF.partial" "$ZABBIX_FRONTEND_CONF"
}

zabbix_api_url() { echo "http://127.0.0.1:$ZABBIX_PORT/api_jsonrpc.php"; }

# The API's version (apiinfo.version needs no login); fails when the API does not answer.
zabbix_api_version() {
  curl -fsS -m 5 -H 'Content-Type: application/json-rpc' \
    -d '{"jsonrpc":"2.0","method":"apiinfo.version","params":{},"id":1}' "$(zabbix_api_url)" 2>/dev/null |
    jq -er '.result'
}

zabbix_api_ready() { zabbix_api_version >/dev/null; }
zabbix_trapper_ready() { port_open 127.0.0.1 "$ZABBIX_SERVER_PORT"; }

start_zabbix() {
  need_jq
  local t0 user started=0
  t0=$(now_ms)
  zabbix_install
  if ! already_running zabbix-server 127.0.0.1 "$ZABBIX_SERVER_PORT"; then
    zabbix_provision_db
    mkdir -p "$ZABBIX_RUN_DIR"
    user=$(id -un)
    # As root the server drops to user zabbix: its PID file and sockets go where that user writes.
    [[ $(id -u) != 0 ]] || { user=zabbix && chown zabbix "$ZABBIX_RUN_DIR"; }
    rm -f "$ZABBIX_RUN_DIR"/*.sock "$ZABBIX_RUN_DIR/zabbix_server.pid"
    zabbix_write_server_conf
    spawn zabbix-server /usr/sbin/zabbix_server -f -c "$ZABBIX_SERVER_CONF"
    started=1
    wait_for zabbix-server 60 zabbix_trapper_ready
    info "zabbix: server (trapper on 127.0.0.1:$ZABBIX_SERVER_PORT, user $user, database $(zabbix_db)) started in $(elapsed_since "$t0")"
  fi
  if ! already_running zabbix 127.0.0.1 "$ZABBIX_PORT"; then
    t0=$(now_ms)
    zabbix_provision_db
    zabbix_write_frontend_conf
    spawn zabbix env PHP_CLI_SERVER_WORKERS="$ZABBIX_PHP_WORKERS" \
      php -S "127.0.0.1:$ZABBIX_PORT" -t /usr/share/zabbix
    started=1
    wait_for zabbix 30 zabbix_api_ready
    info "zabbix: API $(zabbix_api_version) on $(zabbix_api_url) (pid $(running_pid zabbix)) in $(elapsed_since "$t0")"
  fi
  # One name for both processes: "down zabbix" stops the two.
  ((started == 0)) || STARTED_NOW+=(zabbix)
}

stop_zabbix() {
  local name pid
  for name in zabbix zabbix-server; do
    if pid=$(running_pid "$name"); then
      info "$name: stopping (pid $pid)"
      stop_process "$name" "$pid"
    elif [[ -f $(pid_file "$name") ]]; then
      info "$name: not running (stale PID file removed)"
      rm -f "$(pid_file "$name")"
    fi
  done
}

status_zabbix() {
  local version
  version=$(zabbix_api_version) || { echo "API $(zabbix_api_url) does not answer"; return 1; }
  zabbix_trapper_ready || { echo "API $version answers, but no trapper on 127.0.0.1:$ZABBIX_SERVER_PORT"; return 1; }
  echo "API $version on :$ZABBIX_PORT; trapper on :$ZABBIX_SERVER_PORT"
}
