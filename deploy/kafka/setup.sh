#!/usr/bin/env bash
# deploy/kafka/setup.sh: the Kafka security of docker-compose.yml (docs/security.md, point 9),
# run inside the apache/kafka image (its CLI tools in /opt/kafka/bin).
#
#   setup.sh format   (container kafka-format, as root, before the broker's first start) formats
#                     the data volume with the SCRAM-SHA-512 credential of the broker's own super
#                     user "admin" (KRaft keeps SCRAM credentials in its metadata log, so this one
#                     must exist before the broker can log in to itself); gives the volume to the
#                     image's user. Does nothing on a formatted volume.
#   setup.sh apply    (container kafka-setup, once the broker is healthy) creates every topic,
#                     SCRAM user and ACL of deploy/kafka/acls.conf; idempotent, so it runs at
#                     every "docker compose up" and adds what a newer acls.conf lists.
#   setup.sh health   (the broker's health check) answers as admin over SASL.
#
# Environment: INFRA_KAFKA_ADMIN_PASSWORD (not KAFKA_…: the image would turn that into a broker
# property); for apply also one <USER>_KAFKA_PASSWORD per user of acls.conf (user upper-cased,
# "-" as "_": INVENTORY_SERVICE_KAFKA_PASSWORD, API_GATEWAY_KAFKA_PASSWORD, …); for format
# CLUSTER_ID and KAFKA_LOG_DIRS. Passwords: 16 or more letters and digits (openssl rand -hex 24),
# as they end up inside JAAS lines and SCRAM tool arguments.
set -euo pipefail

KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ACLS=${KAFKA_ACLS_FILE:-$HERE/acls.conf}
BOOTSTRAP=${KAFKA_SETUP_BOOTSTRAP:-kafka:9092}

die() { echo "kafka-setup: $*" >&2; exit 1; }

need_password() {
  local name=$1
  [[ -n ${!name:-} ]] || die "$name is not set"
  [[ ${!name} =~ ^[A-Za-z0-9]{16,}$ ]] || die "$name: use 16 or more letters and digits (openssl rand -hex 24)"
}

# Client settings of the super user, in a file only this user can read (removed on exit).
CONFIG=
trap '[[ -z $CONFIG ]] || rm -f "$CONFIG"' EXIT
admin_config() {
  need_password INFRA_KAFKA_ADMIN_PASSWORD
  CONFIG=$(mktemp)
  chmod 600 "$CONFIG"
  cat >"$CONFIG" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$INFRA_KAFKA_ADMIN_PASSWORD";
EOF
}

cmd_format() {
  need_password INFRA_KAFKA_ADMIN_PASSWORD
  local dir=${KAFKA_LOG_DIRS:?KAFKA_LOG_DIRS is not set} props
  [[ -n ${CLUSTER_ID:-} ]] || die "CLUSTER_ID is not set"
  if [[ -f $dir/meta.properties ]]; then
    echo "kafka-setup: $dir is formatted already"
  else
    props=$(mktemp)
    # What formatting reads; the broker's full configuration comes from its own environment.
    cat >"$props" <<EOF
process.roles=broker,controller
node.id=${KAFKA_NODE_ID:-1}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS:-1@localhost:9093}
controller.listener.names=CONTROLLER
listeners=SASL://:9092,CONTROLLER://localhost:9093
listener.security.protocol.map=SASL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL
log.dirs=$dir
EOF
    "$KAFKA_BIN/kafka-storage.sh" format -t "$CLUSTER_ID" -c "$props" \
      --add-scram "SCRAM-SHA-512=[name=admin,password=$INFRA_KAFKA_ADMIN_PASSWORD]"
    rm -f "$props"
  fi
  # the apache/kafka image runs the broker as appuser
  chown -R "$(id -u appuser 2>/dev/null || echo 1000):$(id -g appuser 2>/dev/null || echo 1000)" "$dir"
}

# The ACL lines of acls.conf: user operation resource-type pattern-type name.
acl_lines() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ACLS"; }

cmd_apply() {
  [[ -f $ACLS ]] || die "no ACL file $ACLS"
  local user op type pattern name variable
  admin_config
  local -A users=() topics=()
  while read -r user op type pattern name; do
    users[$user]=1
    [[ $type == topic && $pattern == literal ]] && topics[$name]=1
  done < <(acl_lines)

  for name in "${!topics[@]}"; do
    "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" \
      --create --if-not-exists --topic "$name" --partitions "${KAFKA_NUM_PARTITIONS:-3}" \
      --replication-factor "${KAFKA_REPLICATION_FACTOR:-1}"
  done
  for user in "${!users[@]}"; do
    variable=$(tr 'a-z-' 'A-Z_' <<<"$user")_KAFKA_PASSWORD
    need_password "$variable"
    "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" \
      --alter --entity-type users --entity-name "$user" \
      --add-config "SCRAM-SHA-512=[iterations=8192,password=${!variable}]"
  done
  while read -r user op type pattern name; do
    "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" \
      --add --allow-principal "User:$user" --operation "$op" "--$type" "$name" \
      --resource-pattern-type "$pattern" >/dev/null
    echo "kafka-setup: ACL User:$user $op $type $pattern $name"
  done < <(acl_lines)
  echo "kafka-setup: ${#topics[@]} topics, ${#users[@]} users and $(acl_lines | wc -l) ACLs in place"
}

cmd_health() {
  admin_config
  "$KAFKA_BIN/kafka-broker-api-versions.sh" --bootstrap-server "${KAFKA_SETUP_BOOTSTRAP:-localhost:9092}" \
    --command-config "$CONFIG" >/dev/null
}

case ${1:-} in
  format) cmd_format ;;
  apply) cmd_apply ;;
  health) cmd_health ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
