# shellcheck shell=bash
# deploy/local/lib/test.sh: "stack test", the project's test command: the infrastructure the build
# needs, ./mvnw verify under the Maven lock, then stop exactly what it started.

# Whether the Maven run about to start (its arguments in $2...) builds module $1: a full build, or
# -pl/--projects naming it.
test_builds_module() {
  local module=$1 arg projects=""
  shift
  while (($#)); do
    arg=$1
    shift
    case $arg in
      -pl | --projects) projects=${1:-}; shift || true ;;
      -pl=* | --projects=*) projects=${arg#*=} ;;
    esac
  done
  [[ -z $projects || $projects == *"$module"* ]]
}

# Whether the tests need the real Keycloak (api-gateway, e2e-tests); INFRA_TEST_KEYCLOAK=1 or 0
# decides instead.
test_needs_keycloak() {
  if [[ -n ${INFRA_TEST_KEYCLOAK:-} ]]; then
    [[ $INFRA_TEST_KEYCLOAK == 1 ]]
    return
  fi
  test_builds_module api-gateway "$@" || test_builds_module e2e-tests "$@"
}

# Whether the tests need the real Zabbix (inventory-service's monitoring tests); INFRA_TEST_ZABBIX=1
# or 0 decides instead.
test_needs_zabbix() {
  if [[ -n ${INFRA_TEST_ZABBIX:-} ]]; then
    [[ $INFRA_TEST_ZABBIX == 1 ]]
    return
  fi
  test_builds_module inventory-service "$@"
}

cmd_test() {
  local components=(postgres mariadb kafka)
  if test_needs_keycloak "$@"; then
    components+=(keycloak)
  fi
  if test_needs_zabbix "$@"; then
    components+=(zabbix)
  fi
  # deploy's tests render the Kubernetes manifests with kubectl kustomize.
  if test_builds_module deploy "$@"; then
    need_kubectl
  fi
  # The end-to-end tests start the services with "stack up" from inside Maven, which holds the
  # Maven lock: everything that "up" would download or build is prepared here, before Maven.
  if test_builds_module e2e-tests "$@"; then
    components+=(smtp)
    need_chromium
  fi
  if test_builds_module cert-service "$@"; then
    need_knot
  fi
  # Whatever happens below (failure, Ctrl-C), stop exactly what this command started.
  trap 'test_cleanup' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  use_test_kafka
  stack_lock
  up_components "${components[@]}"
  kafka_libs
  stack_unlock

  info "test: ./mvnw -B verify $*"
  local rc=0
  # What the test suites read: the state dir (Kafka broker jars for their private brokers), the
  # servers and account for their throw-away test_* databases, and what the end-to-end tests
  # need to log in.
  export INFRA_STATE_DIR=$STATE_DIR INFRA_TEST_PG_URL INFRA_TEST_MARIADB_URL \
    INFRA_TEST_DB_USER INFRA_TEST_DB_PASSWORD INFRA_KEYCLOAK_URL KEYCLOAK_REALM INFRA_DEV_CLIENT_ID \
    DEV_ADMIN_PASSWORD DEV_EDITOR_PASSWORD DEV_VIEWER_PASSWORD KC_BOOTSTRAP_ADMIN_USERNAME \
    KC_BOOTSTRAP_ADMIN_PASSWORD
  if test_needs_zabbix "$@"; then
    export INFRA_TEST_ZABBIX_URL INFRA_TEST_ZABBIX_SENDER_PORT=$ZABBIX_SERVER_PORT \
      INFRA_TEST_ZABBIX_USER=$ZABBIX_ADMIN_USER INFRA_TEST_ZABBIX_PASSWORD=$ZABBIX_ADMIN_PASSWORD
    INFRA_TEST_ZABBIX_URL=$(zabbix_api_url)
  fi
  mvn_run -B verify -Dinfra.state.dir="$STATE_DIR" "$@" || rc=$?
  info "test: maven exited with status $rc"
  exit "$rc"
}

test_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if ((${#STARTED_NOW[@]})); then
    info "test: stopping what this run started: ${STARTED_NOW[*]}"
    stack_lock
    down_components "${STARTED_NOW[@]}"
    stack_unlock
  fi
  drop_test_kafka
  exit "$rc"
}
