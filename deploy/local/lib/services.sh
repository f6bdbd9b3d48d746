# shellcheck shell=bash
# deploy/local/lib/services.sh: the Infra-System services, started from their Quarkus fast-jars
# (built once when missing) with the stack's ports, databases, Kafka and Keycloak.

# "<server> <user>" a service owns, or nothing for a service without a database. The service's
# database is db_name <user>.
service_database() {
  case $1 in
    api-gateway) echo "postgres gateway" ;;
    inventory-service) echo "mariadb inventory" ;;
    vm-service) echo "postgres vm" ;;
    cert-service) echo "postgres cert" ;;
    project-service) echo "postgres project" ;;
    mail-gateway) echo "mariadb mail" ;;
    realtime-service) echo "" ;;
  esac
}

service_jar() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

service_module_exists() { [[ -f $REPO_ROOT/$1/pom.xml ]]; }

# Port of a service's health endpoints: the gateway serves them on its management interface only
# (never on the public port), the other services on their HTTP port.
service_health_port() {
  if [[ $1 == api-gateway ]]; then echo "$API_GATEWAY_MANAGEMENT_PORT"; else component_port "$1"; fi
}

service_ready() {
  local body
  body=$(curl -sS -m 5 "http://127.0.0.1:$(service_health_port "$1")/q/health/ready" 2>/dev/null) || return 1
  [[ "$(jq -r '.status // empty' <<<"$body" 2>/dev/null)" == UP ]]
}

# Builds all modules once (tests skipped) if a requested service has no jar yet, or INFRA_REBUILD=1.
build_services_if_needed() {
  local s missing=()
  for s in "$@"; do
    service_module_exists "$s" || continue
    running_pid "$s" >/dev/null && continue
    [[ -f $(service_jar "$s") ]] || missing+=("$s")
  done
  if ((${#missing[@]} == 0)) && [[ ${INFRA_REBUILD:-0} != 1 ]]; then
    return 0
  fi
  # Inside a Maven build (the end-to-end tests) a nested build would wait forever for the lock.
  [[ ${INFRA_NO_BUILD:-0} != 1 ]] || die "services: INFRA_NO_BUILD=1 but no jar for ${missing[*]:-(rebuild asked)}"
  local t0
  t0=$(now_ms)
  if ((${#missing[@]})); then
    info "services: no jar yet for ${missing[*]}: building (./mvnw -B -q -DskipTests package)"
  else
    info "services: INFRA_REBUILD=1: building (./mvnw -B -q -DskipTests package)"
  fi
  mvn_run -B -q -DskipTests package || die "services: the build failed"
  info "services: built in $(elapsed_since "$t0")"
}

start_service() {
  local name=$1 port db_line server db jar t0
  port=$(component_port "$name")
  if ! service_module_exists "$name"; then
    info "$name: module folder $name/ does not exist yet: skipped"
    return 0
  fi
  if running_pid "$name" >/dev/null; then
    info "$name: already running (started by the stack)"
    return 0
  fi
  if port_open 127.0.0.1 "$port"; then
    die "$name: port $port is taken by a process the stack did not start"
  fi
  jar=$(service_jar "$name")
  [[ -f $jar ]] || die "$name: $jar missing (the build did not produce it)"

  local env_vars=(
    QUARKUS_HTTP_PORT="$port"
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS"
    INFRA_GATEWAY_JWKS_URL="$INFRA_GATEWAY_JWKS_URL"
  )
  db_line=$(service_database "$name")
  if [[ -n $db_line ]]; then
    read -r server db <<<"$db_line"
    if [[ $server == postgres ]]; then
      env_vars+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$(db_name "$db")")
    else
      env_vars+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$(db_name "$db")")
    fi
    env_vars+=(QUARKUS_DATASOURCE_USERNAME="$db" QUARKUS_DATASOURCE_PASSWORD="$(db_password "$db")")
  fi
  case $name in
    mail-gateway) env_vars+=(INFRA_MAIL_SMTP_HOST="$SMTP_HOST" INFRA_MAIL_SMTP_PORT="$SMTP_PORT"
      INFRA_MAIL_ENCRYPTION_KEY="$INFRA_MAIL_ENCRYPTION_KEY" INFRA_OUTBOUND_ALLOW="$INFRA_OUTBOUND_ALLOW") ;;
    api-gateway) env_vars+=(INFRA_KEYCLOAK_URL="$INFRA_KEYCLOAK_URL"
      QUARKUS_MANAGEMENT_PORT="$API_GATEWAY_MANAGEMENT_PORT" QUARKUS_MANAGEMENT_HOST=127.0.0.1
      INFRA_GATEWAY_OWNERS_CLIENT_SECRET="$INFRA_GATEWAY_OWNERS_CLIENT_SECRET"
      INFRA_GATEWAY_ROUTES_INVENTORY_URL="http://127.0.0.1:$INVENTORY_SERVICE_PORT"
      INFRA_GATEWAY_ROUTES_VM_URL="http://127.0.0.1:$VM_SERVICE_PORT"
      INFRA_GATEWAY_ROUTES_CERT_URL="http://127.0.0.1:$CERT_SERVICE_PORT"
      INFRA_GATEWAY_ROUTES_PROJECT_URL="http://127.0.0.1:$PROJECT_SERVICE_PORT"
      INFRA_GATEWAY_ROUTES_MAIL_URL="http://127.0.0.1:$MAIL_GATEWAY_PORT"
      INFRA_GATEWAY_ROUTES_REALTIME_URL="http://127.0.0.1:$REALTIME_SERVICE_PORT") ;;
    vm-service) env_vars+=(INFRA_VM_SECRETS_ENCRYPTION_KEY="$INFRA_VM_SECRETS_ENCRYPTION_KEY"
      INFRA_OUTBOUND_ALLOW="$INFRA_OUTBOUND_ALLOW") ;;
    inventory-service) env_vars+=(INVENTORY_EOS_REPORT_RECIPIENTS="$INVENTORY_EOS_REPORT_RECIPIENTS"
      INVENTORY_SECRETS_ENCRYPTION_KEY="$INVENTORY_SECRETS_ENCRYPTION_KEY" INFRA_OUTBOUND_ALLOW="$INFRA_OUTBOUND_ALLOW") ;;
    realtime-service) env_vars+=(INFRA_REALTIME_CONSUMER_METADATA_REFRESH="$REALTIME_METADATA_REFRESH") ;;
    cert-service) env_vars+=(INFRA_CERT_SCAN_ALLOWED_NETWORKS="$INFRA_CERT_SCAN_ALLOWED_NETWORKS"
      INFRA_CERT_ALERTS_RECIPIENTS="$INFRA_CERT_ALERTS_RECIPIENTS") ;;
  esac

  need_jq # service_ready reads the health answer
  t0=$(now_ms)
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS holds several options
  spawn "$name" env -C "$REPO_ROOT/$name" "${env_vars[@]}" "$JAVA" $SERVICE_JAVA_OPTS -jar "$jar"
  STARTED_NOW+=("$name")
  wait_for "$name" "$SERVICE_READY_TIMEOUT" service_ready "$name"
  info "$name: ready on http://127.0.0.1:$port (pid $(running_pid "$name")) in $(elapsed_since "$t0")"
}

status_service() {
  local name=$1 body
  if ! service_module_exists "$name"; then
    echo "no module folder yet"
    return 0
  fi
  body=$(curl -sS -m 5 "http://127.0.0.1:$(service_health_port "$name")/q/health/ready" 2>/dev/null) ||
    { echo "/q/health/ready: no answer"; return 1; }
  if [[ "$(jq -r '.status // empty' <<<"$body" 2>/dev/null)" == UP ]]; then
    echo "/q/health/ready UP"
  else
    echo "/q/health/ready: $(jq -c '[.checks[]? | select(.status != "UP") | .name]' <<<"$body" 2>/dev/null || echo "$body") DOWN"
    return 1
  fi
}
