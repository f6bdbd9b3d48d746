# shellcheck shell=bash
# deploy/local/lib/common.sh: what every component of deploy/local/stack uses: the state dir, the
# component table, output, PID files and processes, probes and waiting, Maven, apt and the stack
# lock. Sourced by deploy/local/stack after infra.env (needs SCRIPT_DIR and REPO_ROOT).

STATE_DIR=${INFRA_STATE_DIR:-$REPO_ROOT/.state}
PID_DIR=$STATE_DIR/pids
LOG_DIR=$STATE_DIR/logs

export JAVA_HOME=$INFRA_JAVA_HOME
# shellcheck disable=SC2034 # used by kafka.sh, smtp.sh and services.sh
JAVA=$JAVA_HOME/bin/java

INFRA_COMPONENTS=(postgres mariadb kafka keycloak smtp zabbix)
# Components that a plain "up" (no names) leaves out: started only when named, or by "stack test"
# for the modules whose tests need them.
OPTIONAL_COMPONENTS=(zabbix)
SERVICES=(inventory-service vm-service cert-service project-service mail-gateway realtime-service api-gateway)
ALL_COMPONENTS=("${INFRA_COMPONENTS[@]}" "${SERVICES[@]}")

# Components that this invocation started (used by "test" to stop exactly those).
# shellcheck disable=SC2034 # filled by the start_* functions, read by commands.sh and test.sh
STARTED_NOW=()

init_state() { mkdir -p "$PID_DIR" "$LOG_DIR"; }

# ------------------------------------------------------------------------------------------------
# Output helpers
# ------------------------------------------------------------------------------------------------

info() { printf 'stack: %s\n' "$*"; }
warn() { printf 'stack: WARNING: %s\n' "$*" >&2; }
die() {
  printf 'stack: ERROR: %s\n' "$*" >&2
  exit 1
}

# Milliseconds since the epoch (bash 5's EPOCHREALTIME, no subprocess).
now_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  echo $((t / 1000))
}

# "12.3 s" for the time elapsed since a now_ms value.
elapsed_since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

# ------------------------------------------------------------------------------------------------
# Component table
# ------------------------------------------------------------------------------------------------

is_component() {
  local c
  for c in "${ALL_COMPONENTS[@]}"; do [[ $c == "$1" ]] && return 0; done
  return 1
}

is_optional() {
  local c
  for c in "${OPTIONAL_COMPONENTS[@]}"; do [[ $c == "$1" ]] && return 0; done
  return 1
}

is_service() {
  local s
  for s in "${SERVICES[@]}"; do [[ $s == "$1" ]] && return 0; done
  return 1
}

# The port a component answers on: its <NAME>_PORT of infra.env (API_GATEWAY_PORT for api-gateway),
# PG_PORT for postgres.
component_port() {
  is_component "$1" || die "unknown component $1"
  local var=PG_PORT
  [[ $1 == postgres ]] || var="$(tr 'a-z-' 'A-Z_' <<<"$1")_PORT"
  echo "${!var}"
}


# ------------------------------------------------------------------------------------------------
# Database naming (shared by postgres, mariadb and the services)
# ------------------------------------------------------------------------------------------------

# The database of a service user: the user's name plus INFRA_DB_SUFFIX (empty by default; the
# end-to-end tests use "_e2e" so that they never touch the development data).
db_name() { echo "$1$INFRA_DB_SUFFIX"; }

# INFRA_DB_FRESH=1 drops and re-creates the suffixed databases on "up"; it is refused without a
# suffix, so that it can never drop the development databases.
fresh_databases() {
  [[ ${INFRA_DB_FRESH:-0} == 1 ]] || return 1
  [[ -n $INFRA_DB_SUFFIX ]] || die "INFRA_DB_FRESH=1 needs INFRA_DB_SUFFIX (it never drops the development databases)"
}

# The dev password of a database user: <NAME>_DB_PASSWORD from infra.env.
db_password() {
  local var="${1^^}_DB_PASSWORD"
  echo "${!var}"
}
# ------------------------------------------------------------------------------------------------
# PID files: "<pid> <start time>" so that a recycled PID is never mistaken for our process
# ------------------------------------------------------------------------------------------------

pid_file() { echo "$PID_DIR/$1.pid"; }

# Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat).
proc_start_time() {
  local stat fields
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  stat=${stat##*) } # drop "pid (comm) ": comm may contain spaces
  read -r -a fields <<<"$stat"
  echo "${fields[19]}" # field 22 of the whole line
}

write_pid_file() {
  local name=$1 pid=$2 start
  start=$(proc_start_time "$pid") || die "$name: process $pid vanished right after its start"
  printf '%s %s\n' "$pid" "$start" >"$(pid_file "$name")"
}

# Prints the PID of a component this script started, if that very process is still alive.
running_pid() {
  local file pid start
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  read -r pid start <"$file" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ "$(proc_start_time "$pid" 2>/dev/null)" == "$start" ]] || return 1
  [[ "$(proc_state "$pid")" != Z ]] || return 1
  echo "$pid"
}

proc_state() {
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 0
  stat=${stat##*) }
  echo "${stat%% *}"
}

# Live (non-zombie) members of process group $1, one PID a line.
group_members() {
  local stat_file stat state pgrp
  for stat_file in /proc/[0-9]*/stat; do
    read -r stat 2>/dev/null <"$stat_file" || continue
    # after "pid (comm) ": state ppid pgrp ...
    read -r state _ pgrp _ <<<"${stat##*) }"
    [[ $pgrp == "$1" && $state != Z ]] && echo "${stat%% *}"
  done
  return 0
}

alive() { [[ -n "$(group_members "$1")" ]] || { [[ -e /proc/$1 ]] && [[ "$(proc_state "$1")" != Z ]]; }; }

# Sends a signal to the process group led by $2 (our daemons run in their own session), or to the
# process alone if it does not lead a group.
signal_group() {
  local sig=$1 pid=$2
  kill "-$sig" -- "-$pid" 2>/dev/null || kill "-$sig" "$pid" 2>/dev/null || true
}

# Stops a process we started: TERM, wait up to the timeout, then KILL. Removes its PID file.
stop_process() {
  local name=$1 pid=$2 timeout=${3:-$INFRA_STOP_TIMEOUT} deadline
  signal_group TERM "$pid"
  deadline=$((SECONDS + timeout))
  while alive "$pid"; do
    if ((SECONDS >= deadline)); then
      warn "$name (pid $pid) still running after ${timeout} s: sending KILL"
      signal_group KILL "$pid"
      sleep 1
      break
    fi
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true # reap it if it is our own child (stack test)
  rm -f "$(pid_file "$name")"
}

# Starts "$@" in the background in a session of its own, so that stop_process can signal the
# whole process group (kc.sh and its java child alike). Output is appended to the component's log.
# File descriptor 9 (the stack lock) is closed so that daemons never hold the lock.
spawn() {
  local name=$1
  shift
  local log=$LOG_DIR/$name.log
  printf '\n===== %s stack: starting %s\n' "$(date -Is)" "$name" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  write_pid_file "$name" "$!"
}

# ------------------------------------------------------------------------------------------------
# Generic probes and waiting
# ------------------------------------------------------------------------------------------------

# True, after saying so, if an infrastructure component runs already: started by the stack, or
# something else answers on its host and port (then the stack uses that and never stops it).
already_running() {
  local name=$1 host=$2 port=$3
  if running_pid "$name" >/dev/null; then
    info "$name: already running (started by the stack)"
  elif port_open "$host" "$port"; then
    info "$name: something already answers on $host:$port (not started by the stack): using it"
  else
    return 1
  fi
}

# shellcheck disable=SC2016 # $1 and $2 expand in the inner bash
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; }

# A TCP port on 127.0.0.1 that nothing listens on, from the range 20000-59999, other than $1.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    [[ $port != "${1:-}" ]] && ! port_open 127.0.0.1 "$port" && break
  done
  echo "$port"
}

http_ok() { curl -fsS -o /dev/null -m 5 "$1" 2>/dev/null; }

# wait_for <name> <timeout s> <command...>: polls the command every second. Gives up early if
# the component has a PID file whose process died (its log tells why).
wait_for() {
  local name=$1 timeout=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if [[ -f $(pid_file "$name") ]] && ! running_pid "$name" >/dev/null; then
      tail -n 30 "$LOG_DIR/$name.log" >&2 || true
      die "$name exited during start-up (log: $LOG_DIR/$name.log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$LOG_DIR/$name.log" >&2 2>/dev/null || true
      die "$name not ready after ${timeout} s (log: $LOG_DIR/$name.log)"
    fi
    sleep 1
  done
}

# ------------------------------------------------------------------------------------------------
# Tools: Maven (one build at a time on this machine), apt, the stack lock
# ------------------------------------------------------------------------------------------------

# Runs the Maven wrapper at the repository root under the machine-wide Maven lock.
mvn_run() {
  (cd "$REPO_ROOT" && flock "$INFRA_MVN_LOCK" ./mvnw "$@" 9>&-)
}

# Fetches one artifact from Maven Central into a folder.
mvn_copy_artifact() {
  local artifact=$1 dir=$2
  mkdir -p "$dir"
  mvn_run -B -q -f deploy/local/downloads/pom.xml dependency:copy \
    -Dartifact="$artifact" -DoutputDirectory="$dir"
}

APT_UPDATED=0
apt_install() {
  [[ $(id -u) == 0 ]] || die "installing $* needs root (or install it yourself)"
  info "installing $* with apt-get"
  if ((APT_UPDATED == 0)); then
    apt-get update -qq 9>&-
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" 9>&-
}

# jq reads health answers and tokens and builds Keycloak's import file.
need_jq() { command -v jq >/dev/null || apt_install jq; }
# The web app's browser tests drive Debian's Chromium (Playwright downloads no browser here).
need_chromium() { command -v chromium >/dev/null || apt_install chromium; }
# kubectl for deploy's Kubernetes tests (kubectl kustomize deploy/k8s): Debian's kubernetes-client
# package when no kubectl is on the PATH.
need_kubectl() { command -v kubectl >/dev/null || apt_install kubernetes-client; }

# cert-service's DNS tests serve a test zone with a real Knot DNS server (knotd, knotc) that they
# start themselves on a loopback port; nothing is started on install here (no systemd).
need_knot() { [[ -x /usr/sbin/knotd && -x /usr/sbin/knotc ]] || apt_install knot; }

# Serialises up/down between concurrent invocations (two developers, or "stack test" beside
# "stack up"). "status" and "logs" never take it.
stack_lock() {
  exec 9>"$STATE_DIR/stack.lock"
  if ! flock -n 9; then
    info "waiting for another stack command to finish"
    flock 9
  fi
}

stack_unlock() {
  flock -u 9 2>/dev/null || true
  exec 9>&-
}
