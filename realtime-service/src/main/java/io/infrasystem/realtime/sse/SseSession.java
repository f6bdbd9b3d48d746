package io.infrasystem.realtime.sse;

import io.infrasystem.realtime.fanout.ClientSession;
import io.infrasystem.realtime.fanout.DropReason;
import io.infrasystem.realtime.fanout.Outbound;
import io.infrasystem.realtime.fanout.Transport;
import io.infrasystem.realtime.subscription.Subscription;
import io.infrasystem.realtime.subscription.Visibility;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * An SSE client: each message is an unnamed SSE event whose {@code data} is the JSON message and,
 * for events, whose {@code id} is the cursor (so the browser's {@code EventSource} sends it back as
 * {@code Last-Event-ID} when it reconnects).
 */
final class SseSession extends ClientSession {

    private final SseEventSink sink;
    private final Sse sse;

    SseSession(
            SseEventSink sink,
            Sse sse,
            Visibility visibility,
            Visibility.Clearance clearance,
            Subscription subscription,
            int capacity) {
        super(Transport.SSE, visibility, clearance, subscription, capacity);
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    protected CompletionStage<?> write(Outbound message) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder();
        if (message.isKeepalive()) {
            builder.comment("keepalive");
        } else {
            builder.data(message.json());
            if (message.cursor() != null) {
                builder.id(message.cursor());
            }
        }
        return sink.send(builder.build());
    }

    @Override
    public void keepalive(Instant now, Duration idleTimeout) {
        if (sink.isClosed()) {
            closedByClient();
        } else {
            keepaliveIfQuiet();
        }
    }

    @Override
    protected void terminate(DropReason reason, String detail) {
        sink.close();
    }
}
