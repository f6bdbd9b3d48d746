package io.infrasystem.realtime.ws;

import io.infrasystem.realtime.fanout.ClientSession;
import io.infrasystem.realtime.fanout.DropReason;
import io.infrasystem.realtime.fanout.Outbound;
import io.infrasystem.realtime.fanout.Transport;
import io.infrasystem.realtime.subscription.Subscription;
import io.infrasystem.realtime.subscription.Visibility;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket client: messages are text frames; pings keep it alive and its pongs (or messages)
 * prove it is still there.
 */
final class SocketSession extends ClientSession {

    /** RFC 6455 §7.4.1: policy violation (used for a slow client). */
    static final int POLICY_VIOLATION = 1008;
    /** RFC 6455 §7.4.1: going away (used for an idle client and an expired token: reconnect). */
    static final int GOING_AWAY = 1001;

    private static final Buffer PING = Buffer.buffer("keepalive");

    private final WebSocketConnection connection;
    private volatile Instant lastHeard = Instant.now();

    SocketSession(
            WebSocketConnection connection,
            Visibility visibility,
            Visibility.Clearance clearance,
            Subscription subscription,
            int capacity) {
        super(Transport.WEBSOCKET, visibility, clearance, subscription, capacity);
        this.connection = connection;
    }

    /** The client showed it is alive (a message or a pong). */
    void heard() {
        lastHeard = Instant.now();
    }

    /**
     * Pings the client, or closes it when nothing came from it within {@code idleTimeout}.
     *
     * @param now the current time
     * @param idleTimeout the idle limit
     */
    @Override
    public void keepalive(Instant now, Duration idleTimeout) {
        if (Duration.between(lastHeard, now).compareTo(idleTimeout) > 0) {
            drop(DropReason.IDLE, "idle: no message or pong for " + idleTimeout.toSeconds() + " s");
        } else if (!isClosed()) {
            connection
                    .sendPing(PING)
                    .subscribe()
                    .with(ok -> {}, failure -> drop(DropReason.WRITE_FAILED, "ping failed"));
        }
    }

    @Override
    protected CompletionStage<?> write(Outbound message) {
        return connection.sendText(message.json()).subscribeAsCompletionStage();
    }

    @Override
    protected void terminate(DropReason reason, String detail) {
        int code = reason == DropReason.IDLE || reason == DropReason.TOKEN_EXPIRED ? GOING_AWAY : POLICY_VIOLATION;
        connection.close(new CloseReason(code, detail)).subscribe().with(ok -> {}, failure -> {});
    }
}
