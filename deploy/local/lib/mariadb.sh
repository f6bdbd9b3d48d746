# shellcheck shell=bash
# deploy/local/lib/mariadb.sh: the MariaDB server (the running one, or mariadbd started by the
# stack), its service databases and users, and the test user.

MARIADB_DATABASES=(inventory mail)

# True if a MariaDB server answers on MARIADB_HOST:MARIADB_PORT. "mariadb-admin ping" succeeds
# whenever the server answers, even if the login is refused, except when the server refuses the
# client's host outright (error 1130): a freshly initialised server does that to 127.0.0.1 until
# users for that host exist. The ping logs in as a user that does not exist, so that it never
# meets root@localhost's unix_socket authentication.
mariadb_answers() {
  local out
  out=$(mariadb-admin --protocol=TCP -h "$MARIADB_HOST" -P "$MARIADB_PORT" --connect-timeout=2 \
    --user=infra-stack-ping --skip-password ping 2>&1) && return 0
  [[ $out == *" 1130 "* || $out == *"(1130)"* || $out == *"is not allowed to connect"* ]]
}

# The client as root through the socket (Debian: unix_socket authentication for root).
# shellcheck disable=SC2120 # callers may pass client options
mariadb_admin() {
  mariadb --protocol=SOCKET -S "$MARIADB_SOCKET" -u root "$@"
}

# The server's error log from its my.cnf, if it names one ("stack logs mariadb").
mariadb_server_log() {
  my_print_defaults --mysqld 2>/dev/null | sed -n 's/^--log[-_]error=//p' | tail -n 1
}

start_mariadb() {
  if running_pid mariadb >/dev/null; then
    info "mariadb: already running (started by the stack)"
  elif mariadb_answers; then
    info "mariadb: using the server already running on $MARIADB_HOST:$MARIADB_PORT (not started by the stack)"
  else
    local t0 args
    t0=$(now_ms)
    [[ -x /usr/sbin/mariadbd ]] || apt_install mariadb-server
    if mariadb_answers; then
      info "mariadb: the freshly installed server answers already"
    else
      [[ $(id -u) == 0 ]] || die "mariadb: starting mariadbd needs root"
      install -d -o mysql -g root -m 755 "$(dirname "$MARIADB_SOCKET")"
      args=(--user=mysql --port="$MARIADB_PORT" --bind-address="$MARIADB_HOST" --socket="$MARIADB_SOCKET")
      if [[ -n $MARIADB_DATADIR ]]; then
        if [[ ! -d $MARIADB_DATADIR/mysql ]]; then
          info "mariadb: initialising $MARIADB_DATADIR"
          install -d -o mysql -g mysql -m 750 "$MARIADB_DATADIR"
          mariadb-install-db --user=mysql --datadir="$MARIADB_DATADIR" \
            --auth-root-authentication-method=socket >>"$LOG_DIR/mariadb.log" 2>&1 9>&-
        fi
        args+=(--datadir="$MARIADB_DATADIR" --pid-file="$MARIADB_DATADIR/mariadbd.pid")
      fi
      mkdir -p "$STATE_DIR/mariadb"
      printf '\n===== %s stack: starting mariadb\n' "$(date -Is)" >>"$LOG_DIR/mariadb.log"
      start-stop-daemon --start --oknodo --background --make-pidfile \
        --pidfile "$STATE_DIR/mariadb/mariadbd.pid" --output "$LOG_DIR/mariadb.log" \
        --exec /usr/sbin/mariadbd -- "${args[@]}" 9>&-
      write_pid_file mariadb "$(cat "$STATE_DIR/mariadb/mariadbd.pid")"
      STARTED_NOW+=(mariadb)
      wait_for mariadb 60 mariadb_answers
    fi
    info "mariadb: started in $(elapsed_since "$t0")"
  fi
  provision_mariadb
}

# SQL string literal.
sql_str() {
  local s=${1//\\/\\\\}
  printf "'%s'" "${s//\'/\'\'}"
}

# Creates (or updates) the service databases and users, for localhost, 127.0.0.1 and % (a TCP
# login from 127.0.0.1 matches user@localhost), and the test user. Idempotent.
provision_mariadb() {
  local sql="" db host user pw fresh=0
  fresh_databases && fresh=1
  for db in "${MARIADB_DATABASES[@]}"; do
    ((fresh == 0)) || sql+="DROP DATABASE IF EXISTS \`$(db_name "$db")\`;"$'\n'
    sql+="CREATE DATABASE IF NOT EXISTS \`$(db_name "$db")\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"$'\n'
  done
  for host in localhost 127.0.0.1 %; do
    for db in "${MARIADB_DATABASES[@]}"; do
      user="$(sql_str "$db")@$(sql_str "$host")"
      pw=$(sql_str "$(db_password "$db")")
      sql+="CREATE USER IF NOT EXISTS $user IDENTIFIED BY $pw;
ALTER USER $user IDENTIFIED BY $pw;
GRANT ALL PRIVILEGES ON \`$(db_name "$db")\`.* TO $user;
"
    done
    user="$(sql_str "$INFRA_TEST_DB_USER")@$(sql_str "$host")"
    pw=$(sql_str "$INFRA_TEST_DB_PASSWORD")
    sql+="CREATE USER IF NOT EXISTS $user IDENTIFIED BY $pw;
ALTER USER $user IDENTIFIED BY $pw;
GRANT ALL PRIVILEGES ON \`test\\_%\`.* TO $user;
"
  done
  mariadb_admin <<<"$sql" || die "mariadb: creating databases and users failed (as root through $MARIADB_SOCKET)"
  info "mariadb: databases ${MARIADB_DATABASES[*]} (suffix '$INFRA_DB_SUFFIX'$( ((fresh == 0)) || echo ', re-created')) and users ready; test user $INFRA_TEST_DB_USER (test\\_%)"
}

mariadb_login_ok() {
  MYSQL_PWD=$(db_password "$1") mariadb --protocol=TCP -h "$MARIADB_HOST" -P "$MARIADB_PORT" \
    --connect-timeout=3 -u "$1" -D "$(db_name "$1")" -N -e 'select 1' >/dev/null 2>&1
}

status_mariadb() {
  mariadb_answers || { echo "no answer on $MARIADB_HOST:$MARIADB_PORT"; return 1; }
  local db failed=()
  for db in "${MARIADB_DATABASES[@]}"; do mariadb_login_ok "$db" || failed+=("$db"); done
  if ((${#failed[@]})); then
    echo "server answers; login + select 1 FAILED for: ${failed[*]}"
    return 1
  fi
  echo "select 1 ok as ${MARIADB_DATABASES[*]} (TCP)"
}

stop_mariadb() {
  local pid
  if ! pid=$(running_pid mariadb); then
    rm -f "$(pid_file mariadb)"
    mariadb_answers && info "mariadb: not started by the stack: left running"
    return 0
  fi
  info "mariadb: stopping (pid $pid)"
  stop_process mariadb "$pid" 60
}
