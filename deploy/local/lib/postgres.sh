# shellcheck shell=bash
# deploy/local/lib/postgres.sh: the PostgreSQL server (the running one, or a Debian cluster the
# stack starts), its service databases and users, and the test role.

PG_DATABASES=(gateway vm cert project)

pg_answers() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 2>/dev/null; }

# psql as the superuser: through the local socket as the postgres OS user when we are root (peer
# authentication on a fresh Debian install, trust on the dev machines), else over TCP as postgres.
# shellcheck disable=SC2120 # callers may pass psql options
pg_admin() {
  if [[ $(id -u) == 0 ]] && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@")
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
  fi
}

# The Debian cluster ("<version> <name>") that listens on PG_PORT, if any.
pg_cluster_for_port() {
  command -v pg_lsclusters >/dev/null || return 0
  pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

# The postmaster PID of a Debian cluster.
pg_postmaster_pid() {
  local datadir
  datadir=$(pg_lsclusters -h | awk -v v="$1" -v n="$2" '$1 == v && $2 == n { print $6 }')
  head -n 1 "$datadir/postmaster.pid" 2>/dev/null
}

# The log file of the cluster on PG_PORT, if any ("stack logs postgres").
pg_server_log() {
  local cluster version name
  cluster=$(pg_cluster_for_port)
  [[ -n $cluster ]] || return 0
  read -r version name <<<"$cluster"
  pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n { print $7 }'
}

start_postgres() {
  if running_pid postgres >/dev/null; then
    info "postgres: already running (started by the stack)"
  elif pg_answers; then
    info "postgres: using the server already running on $PG_HOST:$PG_PORT (not started by the stack)"
  else
    local t0 cluster version name
    t0=$(now_ms)
    command -v pg_ctlcluster >/dev/null || apt_install postgresql
    # On a machine without systemd the package's own start may or may not have happened.
    if pg_answers; then
      info "postgres: the freshly installed server answers already"
    else
      cluster=$(pg_cluster_for_port)
      if [[ -z $cluster ]]; then
        [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]] ||
          die "postgres: no cluster listens on port $PG_PORT (pg_lsclusters lists others)"
        version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
        info "postgres: creating cluster $version/main on port $PG_PORT"
        pg_createcluster --port "$PG_PORT" "$version" main 9>&-
        cluster="$version main"
      fi
      read -r version name <<<"$cluster"
      [[ $(id -u) == 0 ]] || die "postgres: starting cluster $version/$name needs root"
      pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start 9>&-
    fi
    cluster=$(pg_cluster_for_port)
    read -r version name <<<"$cluster"
    # Remember that we started it, and which cluster: "down" stops only that.
    write_pid_file postgres "$(pg_postmaster_pid "$version" "$name")"
    echo "$version $name" >"$PID_DIR/postgres.cluster"
    STARTED_NOW+=(postgres)
    wait_for postgres 30 pg_answers
    info "postgres: started cluster $version/$name in $(elapsed_since "$t0")"
  fi
  provision_postgres
}

# psql's quoting of a \set value.
psql_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# Creates (or updates) the service roles and databases and the test role. Idempotent.
provision_postgres() {
  local sql="" db fresh=0
  fresh_databases && fresh=1
  for db in "${PG_DATABASES[@]}"; do
    sql+="\\set name $(psql_quote "$db")
\\set db $(psql_quote "$(db_name "$db")")
\\set pw $(psql_quote "$(db_password "$db")")
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'name', :'pw')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'name', :'pw') \\gexec
"
    ((fresh == 0)) || sql+="SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \\gexec
"
    sql+="SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'name')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \\gexec
"
  done
  sql+="\\set name $(psql_quote "$INFRA_TEST_DB_USER")
\\set pw $(psql_quote "$INFRA_TEST_DB_PASSWORD")
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'name', :'pw')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \\gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'name', :'pw') \\gexec
"
  pg_admin <<<"$sql" >/dev/null || die "postgres: creating databases and users failed"
  info "postgres: databases ${PG_DATABASES[*]} (suffix '$INFRA_DB_SUFFIX'$( ((fresh == 0)) || echo ', re-created')) and users ready; test role $INFRA_TEST_DB_USER (CREATEDB)"
}

# psql "select 1" as one service user over TCP.
pg_login_ok() {
  PGPASSWORD=$(db_password "$1") PGCONNECT_TIMEOUT=3 \
    psql -X -q -At -h "$PG_HOST" -p "$PG_PORT" -U "$1" -d "$(db_name "$1")" -c 'select 1' >/dev/null 2>&1
}

status_postgres() {
  pg_answers || { echo "pg_isready: no answer"; return 1; }
  local db failed=()
  for db in "${PG_DATABASES[@]}"; do pg_login_ok "$db" || failed+=("$db"); done
  if ((${#failed[@]})); then
    echo "pg_isready ok; login + select 1 FAILED for: ${failed[*]}"
    return 1
  fi
  echo "select 1 ok as ${PG_DATABASES[*]}"
}

stop_postgres() {
  local pid version name
  if ! pid=$(running_pid postgres); then
    rm -f "$(pid_file postgres)" "$PID_DIR/postgres.cluster"
    pg_answers && info "postgres: not started by the stack: left running"
    return 0
  fi
  read -r version name <"$PID_DIR/postgres.cluster"
  info "postgres: stopping cluster $version/$name (pid $pid)"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$name" stop -m fast 9>&- ||
    stop_process postgres "$pid" 60
  rm -f "$(pid_file postgres)" "$PID_DIR/postgres.cluster"
}
