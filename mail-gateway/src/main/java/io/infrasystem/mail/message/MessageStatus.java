package io.infrasystem.mail.message;

import java.util.Locale;

/**
 * Lifecycle of a message: {@code queued} → {@code sending} → {@code sent}, or after a transient
 * failure {@code retrying} (back to {@code sending} when due), or {@code failed} after a permanent
 * failure or the last attempt. An administrator may retry a {@code failed} message.
 */
public enum MessageStatus {
    QUEUED,
    SENDING,
    RETRYING,
    SENT,
    FAILED;

    /** @return the value used in the API and events, e.g. {@code queued} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
