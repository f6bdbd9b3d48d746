# shellcheck shell=bash
# deploy/local/lib/commands.sh: the commands up, down, status and logs over the component table.

# The named components in start order, or all of them; rejects unknown names.
# (Run it in a command substitution only after check_components: die cannot leave from there.)
select_components() {
  local c wanted
  for c in "${ALL_COMPONENTS[@]}"; do
    if (($# == 0)); then
      is_optional "$c" || echo "$c"
    else
      for wanted in "$@"; do [[ $c == "$wanted" ]] && echo "$c"; done
    fi
  done
  return 0
}

check_components() {
  local wanted
  for wanted in "$@"; do
    is_component "$wanted" || die "unknown component '$wanted' (known: ${ALL_COMPONENTS[*]})"
  done
}

up_components() {
  local c services=()
  for c in "$@"; do is_service "$c" && services+=("$c"); done
  ((${#services[@]} == 0)) || build_services_if_needed "${services[@]}"
  for c in "$@"; do
    case $c in
      postgres) start_postgres ;;
      mariadb) start_mariadb ;;
      kafka) start_kafka ;;
      keycloak) start_keycloak ;;
      smtp) start_smtp ;;
      zabbix) start_zabbix ;;
      *) start_service "$c" ;;
    esac
  done
}

down_components() {
  local i c pid
  for ((i = $# ; i >= 1; i--)); do # reverse start order
    c=${!i}
    case $c in
      postgres) stop_postgres ;;
      mariadb) stop_mariadb ;;
      zabbix) stop_zabbix ;;
      *)
        if pid=$(running_pid "$c"); then
          info "$c: stopping (pid $pid)"
          stop_process "$c" "$pid"
        elif [[ -f $(pid_file "$c") ]]; then
          info "$c: not running (stale PID file removed)"
          rm -f "$(pid_file "$c")"
        fi
        ;;
    esac
  done
}

cmd_up() {
  local components
  check_components "$@"
  mapfile -t components < <(select_components "$@")
  stack_lock
  record_started
  up_components "${components[@]}"
  stack_unlock
}

# INFRA_STARTED_FILE=<path>: "up" appends the name of each component it starts to that file (also
# when it fails half-way), so that its caller can stop exactly those ("stack down $(cat path)").
record_started() {
  [[ -n ${INFRA_STARTED_FILE:-} ]] || return 0
  trap 'if ((${#STARTED_NOW[@]})); then printf "%s\n" "${STARTED_NOW[@]}" >>"$INFRA_STARTED_FILE"; fi' EXIT
}

cmd_down() {
  local components
  check_components "$@"
  if (($# == 0)); then
    components=("${ALL_COMPONENTS[@]}") # optional ones included: stop whatever the stack started
  else
    mapfile -t components < <(select_components "$@")
  fi
  stack_lock
  down_components "${components[@]}"
  stack_unlock
}

# Probes one component; prints a short detail, returns non-zero when it does not answer.
probe() {
  case $1 in
    postgres | mariadb | kafka | keycloak | smtp | zabbix) "status_$1" ;;
    *) status_service "$1" ;;
  esac
}

cmd_status() {
  local c detail state rc=0 ours
  printf '%-18s %-6s %-5s %s\n' COMPONENT PORT STATE DETAIL
  for c in "${ALL_COMPONENTS[@]}"; do
    if is_service "$c" && ! service_module_exists "$c"; then
      printf '%-18s %-6s %-5s %s\n' "$c" "$(component_port "$c")" - "no module folder yet"
      continue
    fi
    ours=0
    running_pid "$c" >/dev/null && ours=1
    if detail=$(probe "$c" 2>/dev/null); then
      state=UP
      if ((ours == 0)); then
        case $c in
          postgres | mariadb) detail+=" [server not started by the stack]" ;;
          *) detail+=" [not started by the stack]" ;;
        esac
      fi
    elif [[ -f $(pid_file "$c") ]] && ((ours == 0)); then
      state=DEAD
      detail="process gone (stale PID file); $detail"
    elif ((ours == 1)) || [[ $c == postgres || $c == mariadb ]]; then
      # Started by the stack, or a database the stack always relies on: it should answer.
      state=DOWN
    else
      state=-
      detail="not running"
    fi
    printf '%-18s %-6s %-5s %s\n' "$c" "$(component_port "$c")" "$state" "$detail"
    [[ $state == DOWN || $state == DEAD ]] && rc=1
  done
  return $rc
}

cmd_logs() {
  (($# == 1)) || die "usage: stack logs <component>"
  is_component "$1" || die "unknown component '$1' (known: ${ALL_COMPONENTS[*]})"
  local files=() f=""
  [[ -f $LOG_DIR/$1.log ]] && files+=("$LOG_DIR/$1.log")
  # A database server's own log (the stack's log holds only what the stack started).
  case $1 in
    postgres) f=$(pg_server_log) ;;
    mariadb) f=$(mariadb_server_log) ;;
  esac
  [[ -n $f && -f $f ]] && files+=("$f")
  ((${#files[@]})) || die "no log for $1 yet (logs are in $LOG_DIR)"
  exec tail -n 200 -F "${files[@]}"
}
