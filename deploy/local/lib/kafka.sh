# shellcheck shell=bash
# deploy/local/lib/kafka.sh: Kafka (KRaft, single node) from the Maven Central jars of
# deploy/local/kafka/pom.xml; the same jars serve the test suites' private brokers.

KAFKA_STATE=$STATE_DIR/kafka
KAFKA_LIBS=$KAFKA_STATE/libs

# Fetches the broker jars into $KAFKA_LIBS unless the folder exists. The copy goes to a side
# folder first, so that an interrupted download never leaves a half-filled libs folder.
kafka_libs() {
  if [[ -d $KAFKA_LIBS ]]; then
    return 0
  fi
  local t0
  t0=$(now_ms)
  info "kafka: fetching the broker jars into $KAFKA_LIBS"
  mkdir -p "$KAFKA_STATE"
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

kafka_ready() { port_open "$KAFKA_HOST" "$KAFKA_PORT" && kafka_check metadata >/dev/null 2>&1; }

# Writes server.properties from the template, and formats the storage on the very first start.
kafka_configure() {
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
      >>"$LOG_DIR/kafka.log" 2>&1 || die "kafka: formatting the storage failed (log: $LOG_DIR/kafka.log)"
  fi
}

start_kafka() {
  ! already_running kafka "$KAFKA_HOST" "$KAFKA_PORT" || return 0
  kafka_libs
  local t0
  t0=$(now_ms)
  kafka_configure
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several options
  spawn kafka "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dinfra.log.level=INFO -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_STATE/server.properties"
  STARTED_NOW+=(kafka)
  wait_for kafka 90 kafka_ready
  info "kafka: started on $KAFKA_BOOTSTRAP_SERVERS (pid $(running_pid kafka)) in $(elapsed_since "$t0")"
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
