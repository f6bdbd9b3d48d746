#!/usr/bin/env bash
# deploy/n8n/harness/run.sh: runs the three workflows of deploy/n8n in a real n8n (1.123.50 from
# npm) against the local suite and mock vCenters and Prism Centrals (mock-hypervisors.mjs).
# Not part of CI (it installs n8n, ~1 GB, and needs the suite running). See README.md beside it.
#
#   deploy/local/stack up api-gateway vm-service      # the suite (with its infrastructure)
#   deploy/n8n/harness/run.sh
#
# Environment: INFRA_GATEWAY_URL (http://127.0.0.1:8080), INFRA_KEYCLOAK_URL (http://127.0.0.1:8180),
# KEYCLOAK_REALM (infra), INFRA_DEV_CLIENT_ID (infra-dev), DEV_ADMIN_PASSWORD (dev-admin-password),
# N8N_PORT (5678), MOCK_PORT (18441; HTTPS on MOCK_PORT + 1 with a certificate n8n does not trust,
# on MOCK_PORT + 2 with one it trusts through NODE_EXTRA_CA_CERTS), N8N_HARNESS_DIR (deploy/n8n/harness/.n8n, made anew each run).
# Exit status 0 when every scenario ended as expected; the figures go to $N8N_HARNESS_DIR/result.txt.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
GATEWAY=${INFRA_GATEWAY_URL:-http://127.0.0.1:8080}
KEYCLOAK=${INFRA_KEYCLOAK_URL:-http://127.0.0.1:8180}
REALM=${KEYCLOAK_REALM:-infra}
CLIENT=${INFRA_DEV_CLIENT_ID:-infra-dev}
ADMIN_PASSWORD=${DEV_ADMIN_PASSWORD:-dev-admin-password}
N8N_PORT=${N8N_PORT:-5678}
MOCK_PORT=${MOCK_PORT:-18441}
WORK=${N8N_HARNESS_DIR:-$HERE/.n8n}
MOCK="http://127.0.0.1:$MOCK_PORT"
MOCK_TLS="https://127.0.0.1:$((MOCK_PORT + 1))"
N8N="$HERE/node_modules/.bin/n8n"
RESULT="$WORK/result.txt"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RESULT" >&2; }
die() { log "FAILED: $*"; exit 1; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
need() { command -v "$1" >/dev/null || die "$1 is required"; }
need node
need curl
need jq
need openssl

# ---- n8n from npm (once; package.json pins 1.123.50 and overrides xlsx)
if [[ ! -x $N8N ]]; then
  echo "installing n8n from npm into $HERE/node_modules (several minutes)" >&2
  (cd "$HERE" && flock /tmp/infra-mvn.lock npm install --no-audit --no-fund --loglevel=error)
fi

rm -rf "$WORK"
mkdir -p "$WORK"
: >"$RESULT"
log "n8n $("$N8N" --version 2>/dev/null | tail -1), node $(node --version), gateway $GATEWAY"

curl -fsS -o /dev/null "$GATEWAY/api/gateway/jwks" \
  || die "the gateway does not answer at $GATEWAY (deploy/local/stack up api-gateway vm-service)"

# ---- what this script starts, it stops (by PID) and removes (by id)
PIDS=()
SYSTEM_APIS=()
API_KEY_ID=
cleanup() {
  for id in "${SYSTEM_APIS[@]}"; do
    curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/vm/system-apis/$id" || true
  done
  if [[ -n $API_KEY_ID ]]; then
    curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/gateway/api-keys/$API_KEY_ID" || true
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# ---- the mock hypervisors (HTTP, and HTTPS with a self-signed certificate) and the recording proxy
for cert in untrusted trusted; do
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=vcenter-$cert.harness.invalid" \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$WORK/mock-$cert-key.pem" -out "$WORK/mock-$cert.pem" 2>/dev/null
done
node "$HERE/mock-hypervisors.mjs" "$REPO/vm-service/src/test/resources/fixtures" "$MOCK_PORT" "$GATEWAY" \
  $((MOCK_PORT + 1)) "$WORK/mock-untrusted-key.pem" "$WORK/mock-untrusted.pem" \
  $((MOCK_PORT + 2)) "$WORK/mock-trusted-key.pem" "$WORK/mock-trusted.pem" >"$WORK/mock.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do curl -fs -o /dev/null "$MOCK/_stats" && break; sleep 0.2; done

# ---- an admin token (dev user) and a vm:sync API key for n8n
ADMIN=$(curl -fsS -d grant_type=password -d "client_id=$CLIENT" -d username=dev-admin -d "password=$ADMIN_PASSWORD" \
  "$KEYCLOAK/realms/$REALM/protocol/openid-connect/token" | jq -r .access_token)
[[ -n $ADMIN && $ADMIN != null ]] || die "no admin token from $KEYCLOAK"
KEY_JSON=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\": \"n8n-harness-$(date -u +%s)\", \"scopes\": [\"vm:sync\"]}" "$GATEWAY/api/gateway/api-keys")
API_KEY_ID=$(jq -r .api_key.id <<<"$KEY_JSON")
API_KEY=$(jq -r .secret <<<"$KEY_JSON")
SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

# ---- the instance: credentials first, then the workflows (their credentials resolve by name at import)
export N8N_USER_FOLDER=$WORK N8N_PORT N8N_LISTEN_ADDRESS=127.0.0.1 N8N_ENCRYPTION_KEY=infra-n8n-harness \
  N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_PERSONALIZATION_ENABLED=false \
  N8N_BLOCK_ENV_ACCESS_IN_NODE=true N8N_RUNNERS_ENABLED=true N8N_HIRING_BANNER_ENABLED=false \
  N8N_RUNNERS_BROKER_PORT=$((N8N_PORT + 1)) N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false \
  WEBHOOK_URL="http://127.0.0.1:$N8N_PORT/" DB_SQLITE_POOL_SIZE=2 N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-warn}
read -r VC PC3 PC4 PC3N VCI < <(node "$HERE/prepare.mjs" "$HERE/.." "$WORK" "$MOCK" "$MOCK_TLS" "$MOCK/infra" "$API_KEY" "$SECRET")
"$N8N" import:credentials --input="$WORK/credentials.json" >>"$WORK/n8n-cli.log" 2>&1 || die "import:credentials (see $WORK/n8n-cli.log)"
for f in "$WORK"/workflows/*.json; do
  "$N8N" import:workflow --input="$f" >>"$WORK/n8n-cli.log" 2>&1 || die "import:workflow $f (see $WORK/n8n-cli.log)"
done
log "imported 4 credentials, then 5 workflows (the three shipped ones, a v3 copy whose run opens without an id, a vCenter copy with Ignore SSL Issues on)"

run_field() { curl -fsS -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/vm/sync-runs/$1" | jq -r "$2"; }
latest_run() { # newest run of a source
  curl -fsS -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/vm/sync-runs?source=$1&limit=1" | jq -r '.results[0].id // empty'
}
wait_ended() { # run id -> waits until completed, failed or expired (5 minutes at most)
  local status
  for _ in $(seq 600); do
    status=$(run_field "$1" .status)
    [[ $status == completed || $status == failed || $status == expired ]] && return 0
    sleep 0.5
  done
  return 1
}
FAILURES=0
expect() { # label run status seen chunks [error substring]
  local label=$1 run=$2 status=$3 seen=$4 chunks=$5 error=${6:-} json
  json=$(curl -fsS -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/vm/sync-runs/$run")
  log "$label: run $run $(jq -c '{status, chunk_count, vm_count_seen, created_count, updated_count, unchanged_count, deleted_count, duration_ms, error}' <<<"$json")"
  if [[ $(jq -r .status <<<"$json") != "$status" || $(jq -r .vm_count_seen <<<"$json") != "$seen" \
    || $(jq -r .chunk_count <<<"$json") != "$chunks" ]] \
    || [[ -n $error && $(jq -r .error <<<"$json") != *"$error"* ]]; then
    log "  expected status $status, $seen VMs in $chunks chunks${error:+, error containing \"$error\"}"
    FAILURES=$((FAILURES + 1))
  fi
}

# ---- 1. manual trigger through "n8n execute" (the default source of each workflow's Settings)
for pair in "$PC3:harness-pc-v3:260:2" "$PC4:harness-pc-v4:230:3"; do
  IFS=: read -r id source seen chunks <<<"$pair"
  started=$(date +%s%N)
  "$N8N" execute --id="$id" >"$WORK/execute-$id.log" 2>&1 || log "n8n execute --id=$id exited non-zero (see $WORK/execute-$id.log)"
  run=$(latest_run "$source")
  [[ -n $run ]] || die "no run of $source"
  expect "manual $source (n8n execute: $(ms_since "$started") ms)" "$run" completed "$seen" "$chunks"
done

# ---- 1b. vm-service answers the opening of a run without an id: the execution fails, nothing more is sent
before=$(curl -fsS "$MOCK/_stats" | jq '.calls | length')
if "$N8N" execute --id="$PC3N" >"$WORK/execute-$PC3N.log" 2>&1; then
  log "manual harness-pc-noid: n8n execute exited 0"
  FAILURES=$((FAILURES + 1))
fi
after=$(curl -fsS "$MOCK/_stats" | jq -c --argjson b "$before" '[.calls[$b:][] | "\(.method) \(.path) \(.status)"]')
log "manual harness-pc-noid (open answered without id): execution failed ($(grep -o 'no sync run id[^)]*)' "$WORK/execute-$PC3N.log" | head -1)), calls to vm-service: $after"
[[ $after == '["POST /api/vm/sync-runs 201"]' ]] || { log "  expected the run opening alone, no ?run_id= and no finish"; FAILURES=$((FAILURES + 1)); }
grep -q 'no sync run id' "$WORK/execute-$PC3N.log" || { log "  expected the execution to fail with 'no sync run id'"; FAILURES=$((FAILURES + 1)); }

# ---- 2. webhooks called by vm-service's trigger: one n8n, several vCenters, and the v4 empty source
"$N8N" update:workflow --id="$VC" --active=true >>"$WORK/n8n-cli.log" 2>&1
"$N8N" update:workflow --id="$PC4" --active=true >>"$WORK/n8n-cli.log" 2>&1
"$N8N" update:workflow --id="$VCI" --active=true >>"$WORK/n8n-cli.log" 2>&1
# a private CA the way the README advises: NODE_EXTRA_CA_CERTS (here the trusted mock's own certificate)
cat ${NODE_EXTRA_CA_CERTS:+"$NODE_EXTRA_CA_CERTS"} "$WORK/mock-trusted.pem" >"$WORK/extra-ca.pem"
NODE_EXTRA_CA_CERTS="$WORK/extra-ca.pem" "$N8N" start >"$WORK/n8n.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 240); do curl -fs -o /dev/null "http://127.0.0.1:$N8N_PORT/healthz/readiness" && break; sleep 0.5; done
curl -fsS -o /dev/null "http://127.0.0.1:$N8N_PORT/healthz/readiness" || die "n8n did not start (see $WORK/n8n.log)"
# the webhooks register after readiness: wait until one answers 403 (Header Auth) instead of 404
for _ in $(seq 120); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$N8N_PORT/webhook/infra-vm-sync-vcenter-vcenter")
  [[ $code == 403 ]] && break
  sleep 0.5
done
[[ $code == 403 ]] || die "the vCenter webhook answers $code without its secret, not 403 (see $WORK/n8n.log)"
log "n8n started; /webhook/infra-vm-sync-vcenter-vcenter answers 403 without the secret"

others=$(curl -fsS -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/vm/system-apis?limit=500" \
  | jq -r '[.results[] | select(.is_active and (.name | startswith("harness-") | not))] | length')
[[ $others == 0 ]] || die "vm-service has $others active system APIs that are not the harness's: a trigger would call them too"
register() { # name source resource_type path
  local body id
  body=$(jq -n --arg n "$1" --arg s "$2" --arg t "$3" --arg u "http://127.0.0.1:$N8N_PORT/webhook/$4" --arg v "$SECRET" \
    '{name: $n, source: $s, resource_type: $t, url: $u, method: "POST", is_active: true,
      auth_header_name: "X-Infra-Webhook-Token", auth_header_value: $v}')
  id=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$body" \
    "$GATEWAY/api/vm/system-apis" | jq -r .id)
  SYSTEM_APIS+=("$id")
}
register harness-vc-a harness-vc-a vmware infra-vm-sync-vcenter-vcenter
register harness-vc-b harness-vc-b vmware infra-vm-sync-vcenter-vcenter
register harness-vc-broken harness-vc-broken vmware infra-vm-sync-vcenter-vcenter
register harness-vc-failfail harness-vc-failfail vmware infra-vm-sync-vcenter-vcenter
register harness-vc-unknown harness-vc-unknown vmware infra-vm-sync-vcenter-vcenter
register harness-vc-tls-refused harness-vc-tls-refused vmware infra-vm-sync-vcenter-vcenter
register harness-vc-ca harness-vc-ca vmware infra-vm-sync-vcenter-vcenter
register harness-vc-tls-allowed harness-vc-tls-allowed vmware infra-vm-sync-vcenter-vcenter-insecure
register harness-pc-empty harness-pc-empty nutanix infra-vm-sync-nutanix-v4-prism

for platform in vmware nutanix; do
  started=$(date +%s%N)
  answer=$(curl -fsS -X POST -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/vm/sync/$platform/trigger")
  log "trigger $platform: $(jq -c '[.[] | {name, run_id, status, http_status}]' <<<"$answer")"
  # harness-vc-failfail's run cannot end: the proxy refuses its /fail (checked below)
  for run in $(jq -r '.[] | select(.name != "harness-vc-failfail") | .run_id' <<<"$answer"); do
    wait_ended "$run" || log "run $run did not end in 5 minutes"
  done
  log "trigger $platform: every run ended $(ms_since "$started") ms after the trigger"
  for row in $(jq -r '.[] | "\(.name)=\(.run_id)"' <<<"$answer"); do
    eval "RUN_${row//-/_}"
  done
done
expect "webhook harness-vc-a" "$RUN_harness_vc_a" completed 20 1
expect "webhook harness-vc-b" "$RUN_harness_vc_b" completed 6 1
expect "webhook harness-vc-broken (500 on a guest call)" "$RUN_harness_vc_broken" failed 0 0 "answered HTTP 500"
expect "webhook harness-vc-unknown (not in Settings)" "$RUN_harness_vc_unknown" failed 0 0 "is not configured"
expect "webhook harness-vc-tls-refused (self-signed certificate, TLS checked)" "$RUN_harness_vc_tls_refused" failed 0 0 "vCenter session: SSL Issue"
expect "webhook harness-vc-tls-allowed (self-signed certificate, Ignore SSL Issues on)" "$RUN_harness_vc_tls_allowed" completed 5 1
expect "webhook harness-vc-ca (certificate trusted through NODE_EXTRA_CA_CERTS)" "$RUN_harness_vc_ca" completed 3 1
expect "webhook harness-pc-empty (0 VMs)" "$RUN_harness_pc_empty" completed 0 0

# ---- vm-service refusing /fail (503 from the proxy): the execution still stops and ends the vCenter session
for _ in $(seq 120); do
  [[ $(curl -fsS "$MOCK/_stats" | jq '.sessions["vc-failfail"].deleted') == 1 ]] && break
  sleep 0.5
done
stats=$(curl -fsS "$MOCK/_stats")
refused=$(jq -c --arg p "/api/vm/sync-runs/$RUN_harness_vc_failfail/fail" '[.calls[] | select(.path == $p) | .status]' <<<"$stats")
status=$(run_field "$RUN_harness_vc_failfail" .status)
log "webhook harness-vc-failfail (/fail refused): /fail answered $refused, run $RUN_harness_vc_failfail still $status, vCenter session $(jq -c '.sessions["vc-failfail"]' <<<"$stats")"
if [[ $refused != '[503]' || $status == completed || $status == failed ]] || [[ $(jq '.sessions["vc-failfail"].deleted' <<<"$stats") != 1 ]]; then
  log "  expected one refused /fail, the run left open, the session deleted"
  FAILURES=$((FAILURES + 1))
fi
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"error": "harness: /fail refused on purpose, failed by the harness"}' "$GATEWAY/api/vm/sync-runs/$RUN_harness_vc_failfail/fail" \
  || log "could not fail run $RUN_harness_vc_failfail after the test (it expires on its own)"

# ---- guest data and placement as vm-service stored them: every VM whose guest identity the mock
# served has its hostname and IPs, every VM its host and cluster (nothing stripped by a failed call)
guest_check() { # source mock-vcenter vms
  local vms served
  vms=$(curl -fsS -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/vm/vms?source=$1&limit=1000" \
    | jq -c '{vms: .count, hostname: [.results[] | select(.hostname != null)] | length,
              ips: [.results[] | select((.ip_addresses | length) > 0)] | length,
              host: [.results[] | select(.host_identifier != null)] | length,
              cluster: [.results[] | select(.cluster_name != null)] | length}')
  served=$(curl -fsS "$MOCK/_stats" | jq ".guest_identities_served[\"$2\"]")
  log "stored VMs of $1: $vms; guest identities the mock served: $served"
  if [[ $vms != "{\"vms\":$3,\"hostname\":$served,\"ips\":$served,\"host\":$3,\"cluster\":$3}" ]] || ((served == 0)); then
    log "  expected $3 VMs, $served with hostname and IPs, all with host and cluster"
    FAILURES=$((FAILURES + 1))
  fi
}
guest_check harness-vc-a vc-a 20
guest_check harness-vc-tls-allowed vc-tls 5
guest_check harness-vc-ca vc-ca 3

# ---- what the mocks saw
stats=$(curl -fsS "$MOCK/_stats")
log "vCenter sessions: $(jq -c .sessions <<<"$stats")"
log "chunk posts: $(jq '.chunks | length' <<<"$stats"), at most $(jq .max_chunks_in_flight <<<"$stats") in flight at once"
[[ $(jq .max_chunks_in_flight <<<"$stats") == 1 ]] || { log "  expected one chunk post at a time"; FAILURES=$((FAILURES + 1)); }
[[ $(jq '[.sessions[] | .open] | add' <<<"$stats") == 0 ]] || { log "  expected every vCenter session deleted"; FAILURES=$((FAILURES + 1)); }

if ((FAILURES > 0)); then die "$FAILURES check(s) failed; logs in $WORK"; fi
log "all checks passed"
