# shellcheck shell=bash
# deploy/local/lib/keycloak.sh: Keycloak (the official distribution from Maven Central) with the
# realm deploy/keycloak/infra-realm.json plus the dev overlay deploy/keycloak/dev-overlay.json
# (client infra-dev with the password grant, users dev-admin, dev-editor, dev-viewer).
#
# Keycloak imports a realm only if it does not exist yet (--import-realm skips it otherwise). On a
# data dir whose realm lacks working dev users (imported without the overlay, or a Keycloak the
# stack did not start), the overlay's missing users and client are added through the admin REST
# API's partial import; existing ones are left as they are.

KEYCLOAK_STATE=$STATE_DIR/keycloak
KEYCLOAK_HOME=$KEYCLOAK_STATE/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_DIR=$REPO_ROOT/deploy/keycloak

keycloak_fetch() {
  [[ -x $KEYCLOAK_HOME/bin/kc.sh ]] && return 0
  local zip=$KEYCLOAK_STATE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip t0
  t0=$(now_ms)
  if [[ ! -f $zip ]]; then
    info "keycloak: fetching keycloak-quarkus-dist $KEYCLOAK_VERSION (~180 MB)"
    mvn_copy_artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "$KEYCLOAK_STATE"
  fi
  rm -rf "$KEYCLOAK_STATE/unzip.partial"
  unzip -q "$zip" -d "$KEYCLOAK_STATE/unzip.partial"
  mv "$KEYCLOAK_STATE/unzip.partial/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rmdir "$KEYCLOAK_STATE/unzip.partial"
  info "keycloak: unpacked into $KEYCLOAK_HOME in $(elapsed_since "$t0")"
}

keycloak_ready() { http_ok "$INFRA_KEYCLOAK_URL/realms/$KEYCLOAK_REALM/.well-known/openid-configuration"; }

start_keycloak() {
  need_jq
  if ! already_running keycloak 127.0.0.1 "$KEYCLOAK_PORT"; then
    keycloak_fetch
    local t0
    t0=$(now_ms)
    mkdir -p "$KEYCLOAK_HOME/data/import"
    keycloak_import_file >"$KEYCLOAK_HOME/data/import/infra-realm.json"
    spawn keycloak env \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KC_BOOTSTRAP_ADMIN_USERNAME" \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_BOOTSTRAP_ADMIN_PASSWORD" \
      JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP_OPTS" \
      "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --import-realm
    STARTED_NOW+=(keycloak)
    wait_for keycloak 240 keycloak_ready
    info "keycloak: started on $INFRA_KEYCLOAK_URL (pid $(running_pid keycloak)) in $(elapsed_since "$t0")"
  fi
  keycloak_dev_check
  keycloak_directory_check
}

# The dev overlay with its "${NAME}" placeholders replaced by the values of infra.env (client id
# and passwords). A placeholder is a whole JSON string; an unknown name is an error.
keycloak_dev_overlay() {
  jq --arg INFRA_DEV_CLIENT_ID "$INFRA_DEV_CLIENT_ID" \
    --arg DEV_ADMIN_PASSWORD "$DEV_ADMIN_PASSWORD" \
    --arg DEV_EDITOR_PASSWORD "$DEV_EDITOR_PASSWORD" \
    --arg DEV_VIEWER_PASSWORD "$DEV_VIEWER_PASSWORD" \
    'walk(if type == "string" and test("^\\$\\{[A-Z_]+\\}$")
          then .[2:-1] as $name | $ARGS.named[$name] // error("dev-overlay.json: no value for \($name)")
          else . end)' \
    "$KEYCLOAK_DIR/dev-overlay.json"
}

# The file Keycloak imports at its start: the realm file with the overlay's users and clients
# appended and the overlay's browser flow bound (the stock one: dev-admin needs no OTP, unlike an
# admin of the production realm); the realm file itself stays free of dev users and clients.
keycloak_import_file() {
  local overlay
  overlay=$(keycloak_dev_overlay) || die "keycloak: cannot read $KEYCLOAK_DIR/dev-overlay.json"
  jq --argjson dev "$overlay" --arg directory_secret "$INFRA_GATEWAY_OWNERS_CLIENT_SECRET" \
    '.users += $dev.users | .clients += $dev.clients | .browserFlow = ($dev.browserFlow // .browserFlow)
     | .clients |= map(if .clientId == "infra-gateway-directory" then .secret = $directory_secret else . end)' \
    "$KEYCLOAK_DIR/infra-realm.json"
}

# True if the gateway's directory client (API key owner check) logs in with the secret of infra.env
# and may read the realm's users.
directory_client_works() {
  local token
  token=$(curl -sS -m 10 -f -d grant_type=client_credentials -d client_id=infra-gateway-directory \
    --data-urlencode client_secret="$INFRA_GATEWAY_OWNERS_CLIENT_SECRET" \
    "$INFRA_KEYCLOAK_URL/realms/$KEYCLOAK_REALM/protocol/openid-connect/token" 2>/dev/null |
    jq -r '.access_token // empty') || return 1
  [[ -n $token ]] &&
    curl -sS -m 10 -f -o /dev/null -H "Authorization: Bearer $token" \
      "$INFRA_KEYCLOAK_URL/admin/realms/$KEYCLOAK_REALM/users?max=1" 2>/dev/null
}

# Makes the gateway's directory client work in a realm imported before it existed (or whose secret
# differs from infra.env): creates it or sets its secret, and grants its service account
# realm-management/view-users, through the admin REST API.
keycloak_directory_check() {
  directory_client_works && return 0
  local token base id user management role
  token=$(keycloak_admin_token) || token=""
  [[ -n $token ]] || die "keycloak: cannot log in to the master realm to set up client infra-gateway-directory"
  base=$INFRA_KEYCLOAK_URL/admin/realms/$KEYCLOAK_REALM
  kc_admin() { curl -sS -m 20 -f -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
  id=$(kc_admin "$base/clients?clientId=infra-gateway-directory" | jq -r '.[0].id // empty')
  if [[ -z $id ]]; then
    jq '.clients[] | select(.clientId == "infra-gateway-directory")' "$KEYCLOAK_DIR/infra-realm.json" |
      jq --arg s "$INFRA_GATEWAY_OWNERS_CLIENT_SECRET" '.secret = $s' |
      kc_admin --data-binary @- "$base/clients" >/dev/null || die "keycloak: cannot create client infra-gateway-directory"
    id=$(kc_admin "$base/clients?clientId=infra-gateway-directory" | jq -r '.[0].id // empty')
  else
    kc_admin "$base/clients/$id" |
      jq --arg s "$INFRA_GATEWAY_OWNERS_CLIENT_SECRET" \
        --argjson file "$(jq '.clients[] | select(.clientId == "infra-gateway-directory")' "$KEYCLOAK_DIR/infra-realm.json")" \
        '. + $file + {secret: $s}' |
      kc_admin -X PUT --data-binary @- "$base/clients/$id" >/dev/null ||
      die "keycloak: cannot set the secret of client infra-gateway-directory"
  fi
  user=$(kc_admin "$base/clients/$id/service-account-user" | jq -r '.id')
  management=$(kc_admin "$base/clients?clientId=realm-management" | jq -r '.[0].id')
  role=$(kc_admin "$base/clients/$management/roles/view-users")
  jq -n --argjson role "$role" '[$role]' |
    kc_admin --data-binary @- "$base/users/$user/role-mappings/clients/$management" >/dev/null ||
    die "keycloak: cannot grant view-users to infra-gateway-directory"
  directory_client_works || die "keycloak: client infra-gateway-directory still cannot log in"
  info "keycloak: client infra-gateway-directory set up (API key owner check)"
}

# Access token of a realm user through the dev client (password grant); prints the JSON answer.
dev_token_response() {
  curl -sS -m 10 \
    -d grant_type=password -d client_id="$INFRA_DEV_CLIENT_ID" -d username="$1" \
    --data-urlencode password="$2" \
    "$INFRA_KEYCLOAK_URL/realms/$KEYCLOAK_REALM/protocol/openid-connect/token"
}

# Decodes the payload of a JWT.
jwt_payload() {
  local p
  p=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while ((${#p} % 4)); do p+="="; done
  base64 -d <<<"$p" 2>/dev/null
}

# True if the token response carries an access token for audience infra-gateway with realm role $2.
token_has_role() {
  local token
  token=$(jq -r '.access_token // empty' <<<"$1" 2>/dev/null)
  [[ -n $token ]] || return 1
  jwt_payload "$token" | jq -e --arg role "$2" \
    '(.aud | if type == "array" then . else [.] end | index("infra-gateway")) != null
     and (.realm_access.roles | index($role)) != null' >/dev/null 2>&1
}

# True if every dev user logs in through the dev client and gets its role (a few curl calls).
dev_users_work() {
  local role pw_var
  for role in admin editor viewer; do
    pw_var="DEV_${role^^}_PASSWORD"
    token_has_role "$(dev_token_response "dev-$role" "${!pw_var}" 2>/dev/null)" "$role" || return 1
  done
}

# Access token of the bootstrap administrator (master realm, admin-cli); prints the token.
keycloak_admin_token() {
  curl -sS -m 10 -d grant_type=password -d client_id=admin-cli \
    -d username="$KC_BOOTSTRAP_ADMIN_USERNAME" --data-urlencode password="$KC_BOOTSTRAP_ADMIN_PASSWORD" \
    "$INFRA_KEYCLOAK_URL/realms/master/protocol/openid-connect/token" | jq -r '.access_token // empty'
}

# Adds the overlay's users and client to the existing realm through the admin REST API's partial
# import; what exists already is skipped, never overwritten. Prints the names it added.
keycloak_partial_import() {
  local token
  token=$(keycloak_admin_token) || token=""
  [[ -n $token ]] ||
    die "keycloak: cannot log in to the master realm as $KC_BOOTSTRAP_ADMIN_USERNAME to add the dev users"
  keycloak_dev_overlay | jq '{ifResourceExists: "SKIP", users, clients}' |
    curl -sS -m 60 -f -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data-binary @- "$INFRA_KEYCLOAK_URL/admin/realms/$KEYCLOAK_REALM/partialImport" |
    jq -r '[.results[] | select(.action == "ADDED") | "\(.resourceType | ascii_downcase) \(.resourceName)"] | join(", ")'
}

# Checks that the dev users log in through the dev client. They come with the realm import; a
# realm that existed before (its import skipped) gets what it lacks through a partial import.
keycloak_dev_check() {
  local t0 added
  t0=$(now_ms)
  if dev_users_work; then
    info "keycloak: dev client $INFRA_DEV_CLIENT_ID and users dev-admin/dev-editor/dev-viewer work"
    return 0
  fi
  info "keycloak: the dev users do not work in the existing realm: adding what deploy/keycloak/dev-overlay.json lacks there"
  added=$(keycloak_partial_import) || die "keycloak: the partial import of the dev overlay failed"
  info "keycloak: dev additions created: ${added:-none} ($(elapsed_since "$t0"))"
  dev_users_work || warn "keycloak: a dev user still cannot log in through $INFRA_DEV_CLIENT_ID" \
    "(changed password? see deploy/keycloak/README.md)"
}

status_keycloak() {
  local response
  response=$(dev_token_response dev-viewer "$DEV_VIEWER_PASSWORD" 2>&1) ||
    { echo "no answer: $response"; return 1; }
  token_has_role "$response" viewer ||
    { echo "no usable token for dev-viewer: $(jq -c '.error_description // .' <<<"$response" 2>/dev/null || echo "$response")"; return 1; }
  echo "token for dev-viewer via $INFRA_DEV_CLIENT_ID (aud infra-gateway, role viewer)"
}
