package io.infrasystem.mail.smtp;

/**
 * The result of one SMTP transaction.
 *
 * @param kind sent, or a transient or permanent failure
 * @param replyCode the SMTP reply code (RFC 5321 §4.2), {@code null} when no reply was received
 *     (connection refused, timeout)
 * @param replyText the server's reply text, or the error when there was no reply
 */
public record SendOutcome(Kind kind, Integer replyCode, String replyText) {

    /** How an attempt ended. */
    public enum Kind {
        /** Accepted by the server (250 after DATA). */
        SENT,
        /** Worth retrying: no connection, timeout, 4xx reply. */
        TRANSIENT,
        /** Not worth retrying: 5xx reply, a message the client cannot encode. */
        PERMANENT;

        /** @return the value stored in {@code delivery_attempt.outcome} */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
