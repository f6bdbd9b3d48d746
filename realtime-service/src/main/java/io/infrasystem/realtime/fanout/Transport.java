package io.infrasystem.realtime.fanout;

/** How a client is connected; a metrics tag. */
public enum Transport {
    /** {@code /api/realtime/ws} (RFC 6455). */
    WEBSOCKET,
    /** {@code /api/realtime/stream} (Server-Sent Events, WHATWG HTML §9.2). */
    SSE;

    /** @return the tag value, lower case */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
