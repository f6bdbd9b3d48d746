package io.infrasystem.realtime.fanout;

/** Why the server closed a connection; a metrics tag. */
public enum DropReason {
    /** The client read too slowly and its queue overflowed. */
    OVERFLOW,
    /** Nothing (not even a pong) arrived from the client within the idle timeout. */
    IDLE,
    /** Writing to the client failed (it went away without closing). */
    WRITE_FAILED,
    /** The internal token the stream was opened with expired: the client reconnects with its cursor. */
    TOKEN_EXPIRED;

    /** @return the tag value, lower case */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
