package io.infrasystem.realtime.fanout;

import io.infrasystem.realtime.event.LiveEvent;
import io.infrasystem.realtime.subscription.Subscription;
import io.infrasystem.realtime.subscription.Visibility;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client, whatever the transport. Messages go through a bounded queue that a single
 * in-flight write drains, so a slow client only ever fills its own queue: when more than
 * {@code capacity} messages are waiting, the connection is closed as a slow client instead of
 * delaying the others or growing without bound.
 */
public abstract class ClientSession {

    private final Transport transport;
    private final Visibility visibility;
    private final Visibility.Clearance clearance;
    private final int capacity;
    private final Queue<Outbound> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Subscription subscription;
    private volatile EventHub hub;

    /**
     * @param transport how the client is connected
     * @param visibility the visibility rules
     * @param clearance what this client may see
     * @param subscription what it asked for
     * @param capacity most messages waiting for its socket
     */
    protected ClientSession(
            Transport transport,
            Visibility visibility,
            Visibility.Clearance clearance,
            Subscription subscription,
            int capacity) {
        this.transport = transport;
        this.visibility = visibility;
        this.clearance = clearance;
        this.subscription = subscription;
        this.capacity = capacity;
    }

    /** @return the transport */
    public Transport transport() {
        return transport;
    }

    /** @return what this client may see, and whose stream it is */
    public Visibility.Clearance clearance() {
        return clearance;
    }

    /**
     * Closes the stream when the internal token it was opened with has expired; the client
     * reconnects with a fresh token and resumes from its last cursor.
     *
     * @param now the current time
     * @return whether it was closed now
     */
    public boolean closeIfTokenExpired(java.time.Instant now) {
        if (!isClosed() && clearance.expiredAt(now)) {
            drop(
                    DropReason.TOKEN_EXPIRED,
                    "token expired: reconnect with a fresh token and resume_from your last cursor");
            return true;
        }
        return false;
    }

    /** @return the current subscription */
    public Subscription subscription() {
        return subscription;
    }

    /** @param subscription the new subscription, effective for the next event */
    public void subscription(Subscription subscription) {
        this.subscription = subscription;
    }

    /** @return whether the connection was closed */
    public boolean isClosed() {
        return closed.get();
    }

    /** @return messages waiting for the socket */
    public int pending() {
        return pending.get();
    }

    void attachedTo(EventHub hub) {
        this.hub = hub;
    }

    /**
     * Queues an event if the client may see it and asked for it.
     *
     * @param event the event
     * @return whether it was queued
     */
    public boolean deliver(LiveEvent event) {
        if (!visibility.allows(clearance, event) || !subscription.matches(event)) {
            return false;
        }
        return enqueue(new Outbound(event.json(), event.cursor().toString()));
    }

    /**
     * Queues a control message (confirmation, reset, error) behind the events already queued.
     *
     * @param json the message
     */
    public void control(String json) {
        enqueue(new Outbound(json, null));
    }

    /** Queues an SSE keepalive comment unless messages are already flowing. */
    public void keepaliveIfQuiet() {
        if (pending.get() == 0) {
            enqueue(Outbound.KEEPALIVE);
        }
    }

    private boolean enqueue(Outbound message) {
        if (closed.get()) {
            return false;
        }
        if (pending.incrementAndGet() > capacity) {
            drop(DropReason.OVERFLOW, "slow client: more than " + capacity + " messages waiting");
            return false;
        }
        queue.add(message);
        drain();
        return true;
    }

    private void drain() {
        while (!closed.get() && writing.compareAndSet(false, true)) {
            Outbound next = queue.poll();
            if (next == null) {
                writing.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            CompletionStage<?> written;
            try {
                written = write(next);
            } catch (RuntimeException e) {
                drop(DropReason.WRITE_FAILED, "write failed");
                return;
            }
            written.whenComplete((ignored, failure) -> {
                pending.decrementAndGet();
                writing.set(false);
                if (failure != null) {
                    drop(DropReason.WRITE_FAILED, "write failed");
                } else {
                    if (!next.isKeepalive() && hub != null) {
                        hub.pushed(transport);
                    }
                    drain();
                }
            });
            return;
        }
    }

    /**
     * Closes the connection on the server's initiative and counts it.
     *
     * @param reason why
     * @param detail the text sent to the client where the transport allows (WebSocket close reason)
     */
    public void drop(DropReason reason, String detail) {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            EventHub current = hub;
            if (current != null) {
                current.detach(this, reason);
            }
            terminate(reason, detail);
        }
    }

    /** Records that the client closed the connection (no drop is counted). */
    public void closedByClient() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            EventHub current = hub;
            if (current != null) {
                current.detach(this, null);
            }
        }
    }

    /**
     * Keeps the connection alive (WebSocket ping, SSE comment) and closes it when the client has
     * been silent for longer than the idle timeout, where the transport can tell.
     *
     * @param now the current time
     * @param idleTimeout the idle limit
     */
    public abstract void keepalive(java.time.Instant now, java.time.Duration idleTimeout);

    /**
     * Writes one message to the socket.
     *
     * @param message the message
     * @return completes when the transport accepted the write, fails when the write failed
     */
    protected abstract CompletionStage<?> write(Outbound message);

    /**
     * Closes the underlying connection.
     *
     * @param reason why
     * @param detail human-readable reason
     */
    protected abstract void terminate(DropReason reason, String detail);
}
