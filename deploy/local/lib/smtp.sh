# shellcheck shell=bash
# deploy/local/lib/smtp.sh: the SMTP sink (GreenMail standalone from Maven Central): accepts every
# message, shows them through its HTTP API.

SMTP_STATE=$STATE_DIR/smtp
GREENMAIL_JAR=$SMTP_STATE/greenmail-standalone-$GREENMAIL_VERSION.jar

smtp_api_ready() { http_ok "http://$SMTP_HOST:$SMTP_API_PORT/api/service/readiness"; }

start_smtp() {
  ! already_running smtp "$SMTP_HOST" "$SMTP_PORT" || return 0
  if [[ ! -f $GREENMAIL_JAR ]]; then
    info "smtp: fetching greenmail-standalone $GREENMAIL_VERSION"
    mvn_copy_artifact "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" "$SMTP_STATE"
  fi
  local t0
  t0=$(now_ms)
  # SMTP only (no POP3/IMAP), any sender and recipient accepted without authentication.
  spawn smtp "$JAVA" -Xmx128m \
    -Dgreenmail.smtp.hostname="$SMTP_HOST" -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname="$SMTP_HOST" -Dgreenmail.api.port="$SMTP_API_PORT" \
    -Dgreenmail.auth.disabled \
    -jar "$GREENMAIL_JAR"
  STARTED_NOW+=(smtp)
  wait_for smtp 30 smtp_api_ready
  info "smtp: SMTP on $SMTP_HOST:$SMTP_PORT, API on http://$SMTP_HOST:$SMTP_API_PORT (pid $(running_pid smtp)) in $(elapsed_since "$t0")"
}

# The SMTP greeting (220) on the SMTP port.
smtp_greets() {
  # shellcheck disable=SC2016 # $1 and $2 expand in the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"; IFS= read -r line <&3; printf "QUIT\r\n" >&3; [[ $line == 220* ]]' \
    _ "$SMTP_HOST" "$SMTP_PORT" 2>/dev/null
}

status_smtp() {
  smtp_api_ready || { echo "HTTP API on $SMTP_API_PORT does not answer"; return 1; }
  smtp_greets || { echo "HTTP API answers, but no SMTP greeting on $SMTP_PORT"; return 1; }
  echo "SMTP greets; HTTP API on $SMTP_API_PORT answers"
}
