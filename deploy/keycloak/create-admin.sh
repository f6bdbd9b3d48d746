#!/usr/bin/env bash
# deploy/keycloak/create-admin.sh: makes the first administrator of realm infra, which ships
# without any user (docs/security.md, point 9).
#
#   deploy/keycloak/create-admin.sh <username> <e-mail> [first name] [last name]
#
# The user gets realm role admin, a random password printed once on stdout (nothing else goes to
# stdout), and the required actions UPDATE_PASSWORD and CONFIGURE_TOTP: the first login makes them
# choose their own password and register an authenticator app; the realm's browser flow
# ("infra browser") asks every admin for an OTP code from then on. An existing user of that name
# is left alone (exit 1).
#
# It talks to Keycloak's admin REST API with curl and jq, as an administrator of the master realm:
#   KEYCLOAK_URL          Keycloak's base URL (default http://127.0.0.1:8180; in Kubernetes:
#                         kubectl port-forward svc/keycloak 8180; in Compose: published on 127.0.0.1)
#   KEYCLOAK_REALM        the realm (default infra)
#   KC_ADMIN_USER         master-realm administrator (default: $KC_BOOTSTRAP_ADMIN_USERNAME, else admin)
#   KC_ADMIN_PASSWORD     its password (default: $KC_BOOTSTRAP_ADMIN_PASSWORD; asked for when unset)
# Neither password nor token appears on a command line (process list): curl reads them from stdin
# or from a temporary file only this user can read.
set -euo pipefail

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
(($# >= 2 && $# <= 4)) || usage
username=$1 email=$2 first=${3:-Infra} last=${4:-Administrator}
[[ $username =~ ^[A-Za-z0-9._@-]{1,64}$ ]] || { echo "create-admin: invalid username: $username" >&2; exit 2; }
[[ $email == *@*.* ]] || { echo "create-admin: invalid e-mail address: $email" >&2; exit 2; }
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "create-admin: needs $tool" >&2; exit 2; }
done

url=${KEYCLOAK_URL:-http://127.0.0.1:8180}
url=${url%/}
realm=${KEYCLOAK_REALM:-infra}
admin_user=${KC_ADMIN_USER:-${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}}
admin_password=${KC_ADMIN_PASSWORD:-${KC_BOOTSTRAP_ADMIN_PASSWORD:-}}
if [[ -z $admin_password ]]; then
  [[ -t 0 ]] || { echo "create-admin: set KC_ADMIN_PASSWORD (no terminal to ask on)" >&2; exit 2; }
  read -r -s -p "Password of master-realm administrator $admin_user: " admin_password
  echo >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"

# 24 characters from [A-Za-z0-9] (~143 bits): meets the realm's policy (12 to 128 characters).
# (300 random bytes keep ~73 such characters; no pipe is cut short, so pipefail stays quiet.)
password=
while ((${#password} < 24)); do
  password=$(head -c 300 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
done
password=${password:0:24}

# Token of the master-realm administrator (admin-cli, password grant).
printf '%s' "$admin_password" >"$work/admin-password"
token=$(curl -sS --fail-with-body -d grant_type=password -d client_id=admin-cli \
  --data-urlencode "username=$admin_user" --data-urlencode "password@$work/admin-password" \
  "$url/realms/master/protocol/openid-connect/token" | jq -r '.access_token // empty') ||
  { echo "create-admin: cannot log in to $url as $admin_user (master realm)" >&2; exit 1; }
[[ -n $token ]] || { echo "create-admin: no token from $url for $admin_user" >&2; exit 1; }
printf 'Authorization: Bearer %s\n' "$token" >"$work/auth-header"
api=$url/admin/realms/$realm

# The realm must be the shipped one: its browser flow asks admins for OTP.
flow=$(curl -sS --fail-with-body -H @"$work/auth-header" "$api" | jq -r '.browserFlow') ||
  { echo "create-admin: realm $realm not found at $url" >&2; exit 1; }
if [[ $flow != "infra browser" ]]; then
  echo "create-admin: warning: realm $realm binds browser flow \"$flow\", not \"infra browser\":" \
    "admins are not asked for OTP at login (development realm?)" >&2
fi

# The user, with its temporary password and both required actions, in one request.
jq -n --arg username "$username" --arg email "$email" --arg first "$first" --arg last "$last" \
  --arg password "$password" '{
    username: $username, email: $email, firstName: $first, lastName: $last,
    enabled: true, emailVerified: false,
    requiredActions: ["UPDATE_PASSWORD", "CONFIGURE_TOTP"],
    credentials: [{type: "password", value: $password, temporary: true}]
  }' >"$work/user.json"
status=$(curl -sS -o "$work/created" -D "$work/headers" -w '%{http_code}' -H @"$work/auth-header" \
  -H 'Content-Type: application/json' --data @"$work/user.json" "$api/users")
case $status in
  201) ;;
  409) echo "create-admin: a user $username (or the e-mail $email) exists already in realm $realm; nothing changed" >&2; exit 1 ;;
  *) echo "create-admin: creating the user failed ($status): $(cat "$work/created")" >&2; exit 1 ;;
esac
id=$(sed -n 's|^[Ll]ocation: .*/users/\([^[:space:]]*\).*|\1|p' "$work/headers")
[[ -n $id ]] || { echo "create-admin: Keycloak did not name the new user" >&2; exit 1; }

# Realm role admin (admin ⊃ editor ⊃ viewer).
curl -sS --fail-with-body -H @"$work/auth-header" "$api/roles/admin" | jq '[.]' >"$work/role.json" ||
  { echo "create-admin: realm role admin not found; user $username exists without a role" >&2; exit 1; }
curl -sS --fail-with-body -o /dev/null -H @"$work/auth-header" -H 'Content-Type: application/json' \
  --data @"$work/role.json" "$api/users/$id/role-mappings/realm" ||
  { echo "create-admin: assigning role admin failed; user $username exists without a role" >&2; exit 1; }

echo "create-admin: user $username (role admin) created in realm $realm at $url." >&2
echo "create-admin: its temporary password follows, shown this once; at the first login Keycloak" >&2
echo "create-admin: asks for a new password and for an authenticator app (TOTP)." >&2
printf '%s\n' "$password"
