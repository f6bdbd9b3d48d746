# shellcheck shell=bash
# deploy/local/lib/kafka.sh: Kafka (KRaft, single node) from the Maven Central jars of
# deploy/local/kafka/pom.xml; the same jars serve the test suites' private brokers.

# KAFKA_INSTANCE names the broker's PID file, log and data folder: "kafka" for the development
# broker, "kafka-test-<pid>" for the broker of one "stack test" run (see use_test_kafka).
: "${KAFKA_INSTANCE:=${INFRA_TEST_KAFKA_INSTANCE:-kafka}}"
KAFKA_LIBS=$STATE_DIR/kafka/libs

# The folder of this instance's server.properties, cluster id and data.
kafka_state() { echo "$STATE_DIR/$KAFKA_INSTANCE"; }

# Fetches the broker jars into $KAFKA_LIBS unless the folder exists. The copy goes to a side
# folder first, so that an interrupted download never leaves a half-filled libs folder.
kafka_libs() {
  if [[ -d $KAFKA_LIBS ]]; then
    return 0
  fi
  local t0
  t0=$(now_ms)
  info "kafka: fetching the broker jars into $KAFKA_LIBS"
  mkdir -p "$(dirname "$KAFKA_LIBS")"
  rm -rf "$KAFKA_LIBS.partial"
  mvn_run -B -q -f deploy/local/kafka/pom.xml -Dkafka.libs.dir="$KAFKA_LIBS.partial" package
  mv "$KAFKA_LIBS.partial" "$KAFKA_LIBS"
  info "kafka: $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars fetched in $(elapsed_since "$t0")"
}

# Runs deploy/local/kafka/KafkaCheck.java (single-file source launch) against the broker.
kafka_check() {
  "$JAVA" -Dinfra.log.level=WARN -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" "$SCRIPT_DIR/kafka/KafkaCheck.java" "$KAFKA_BOOTSTRAP_SERVERS" "$@"
}

# shellcheck disable=SC2153 # KAFKA_HOST is set by infra.env
kafka_ready() { port_open "$KAFKA_HOST" "$KAFKA_PORT" && kafka_check metadata >/dev/null 2>&1; }

# Writes server.properties from the template, and formats the storage on the very first start.
kafka_configure() {
  local KAFKA_STATE
  KAFKA_STATE=$(kafka_state)
  mkdir -p "$KAFKA_STATE/data"
  sed -e "s|@KAFKA_HOST@|$KAFKA_HOST|g" \
    -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_DATA_DIR@|$KAFKA_STATE/data|g" \
    "$SCRIPT_DIR/kafka/server.properties.template" >"$KAFKA_STATE/server.properties"

  if [[ ! -f $KAFKA_STATE/data/meta.properties ]]; then
    if [[ ! -s $KAFKA_STATE/cluster.id ]]; then
      "$JAVA" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null |
        tail -n 1 >"$KAFKA_STATE/cluster.id"
    fi
    info "kafka: formatting $KAFKA_STATE/data (cluster id $(cat "$KAFKA_STATE/cluster.id"))"
    "$JAVA" -Dinfra.log.level=WARN -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.properties" \
      -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format --standalone \
      -t "$(cat "$KAFKA_STATE/cluster.id")" -c "$KAFKA_STATE/server.properties" \
      >>"$LOG_DIR/$KAFKA_INSTANCE.log" 2>&1 ||
      die "kafka: formatting the storage failed (log: $LOG_DIR/$KAFKA_INSTANCE.log)"
  fi
}

# Points this invocation, and through the environment the Maven run and the end-to-end stack it
# starts, at a broker of its own: instance kafka-test-<pid> on two free ports, with fresh data.
# The development broker then never carries test events, and two test runs never share (or stop)
# one broker. drop_test_kafka deletes its data after it is stopped.
# The exported names are INFRA_TEST_KAFKA_*, never KAFKA_*: Quarkus hands every KAFKA_* variable
# to the Kafka clients over any other setting, which would override the private brokers that
# some tests start (KafkaTestBrokerResource). The services' test profile reads
# INFRA_TEST_KAFKA_BOOTSTRAP_SERVERS; a "stack up" inside the run (end-to-end) reads the others.
use_test_kafka() {
  KAFKA_INSTANCE=kafka-test-$$
  KAFKA_PORT=$(free_port)
  KAFKA_CONTROLLER_PORT=$(free_port "$KAFKA_PORT")
  KAFKA_BOOTSTRAP_SERVERS=$KAFKA_HOST:$KAFKA_PORT
  export INFRA_TEST_KAFKA_INSTANCE=$KAFKA_INSTANCE INFRA_TEST_KAFKA_PORT=$KAFKA_PORT \
    INFRA_TEST_KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT \
    INFRA_TEST_KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS
  rm -rf "$(kafka_state)"
}

drop_test_kafka() {
  [[ $KAFKA_INSTANCE == kafka-test-* ]] || return 0
  running_pid "$KAFKA_INSTANCE" >/dev/null || rm -rf "$(kafka_state)" "$LOG_DIR/$KAFKA_INSTANCE.log"
}

start_kafka() {
  ! already_running "$KAFKA_INSTANCE" "$KAFKA_HOST" "$KAFKA_PORT" || return 0
  kafka_libs
  local t0
  t0=$(now_ms)
  kafka_configure
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several options
  spawn "$KAFKA_INSTANCE" "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dinfra.log.level=INFO -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$(kafka_state)/server.properties"
  STARTED_NOW+=("$KAFKA_INSTANCE")
  wait_for "$KAFKA_INSTANCE" 90 kafka_ready
  info "kafka: $KAFKA_INSTANCE started on $KAFKA_BOOTSTRAP_SERVERS (pid $(running_pid "$KAFKA_INSTANCE")) in $(elapsed_since "$t0")"
}

status_kafka() {
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || { echo "port closed"; return 1; }
  [[ -d $KAFKA_LIBS ]] || { echo "port open; no client jars in $KAFKA_LIBS to check it"; return 1; }
  local out
  # The check's own verdict is its last line; client warnings may come before it.
  if out=$(kafka_check roundtrip "$KAFKA_STATUS_TOPIC" 2>&1); then
    out=$(tail -n 1 <<<"$out")
    echo "produce+consume on $KAFKA_STATUS_TOPIC: ${out#OK }"
  else
    echo "produce+consume FAILED: $(tail -n 1 <<<"$out")"
    return 1
  fi
}
