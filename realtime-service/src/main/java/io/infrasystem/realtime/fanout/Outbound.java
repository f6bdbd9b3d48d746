package io.infrasystem.realtime.fanout;

/**
 * One message waiting for a connection's socket.
 *
 * @param json the JSON text, or {@code null} for an SSE keepalive comment
 * @param cursor the event's cursor (the SSE {@code id:} line), {@code null} for control messages
 */
public record Outbound(String json, String cursor) {

    /** An SSE keepalive comment. */
    public static final Outbound KEEPALIVE = new Outbound(null, null);

    /** @return whether this is a keepalive rather than a message */
    public boolean isKeepalive() {
        return json == null;
    }
}
