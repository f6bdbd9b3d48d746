package io.infrasystem.realtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The JSON messages a test client received, with waits for the ones a test expects. */
public class MessageInbox {

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();

    /** @param message a message just received (any thread) */
    protected void received(JsonNode message) {
        inbox.add(message);
    }

    /**
     * @param kind message kind ({@code event}, {@code subscribed}, {@code reset}, {@code error})
     * @param filter further condition
     * @param timeout how long to wait
     * @return the first message received (or seen before) of that kind matching the filter, or null
     */
    public JsonNode await(String kind, Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
        for (JsonNode node : seen) {
            if (kind.equals(node.path("kind").asText()) && filter.test(node)) {
                seen.remove(node);
                return node;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode node = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (node == null) {
                break;
            }
            if (kind.equals(node.path("kind").asText()) && filter.test(node)) {
                return node;
            }
            seen.add(node);
        }
        return null;
    }

    /**
     * Waits for the server's {@code subscribed} confirmation and keeps it for a later
     * {@link #await}: once it has arrived the session is attached, so no event sent afterwards can
     * pass it by.
     *
     * @throws IllegalStateException when no confirmation arrived within 60 s (a first subscription on
     *     a busy machine waits for the Kafka consumer to join the test run's fresh broker)
     */
    protected void awaitSubscription() throws InterruptedException {
        JsonNode confirmation = await("subscribed", n -> true, Duration.ofSeconds(60));
        if (confirmation == null) {
            throw new IllegalStateException("no subscribed confirmation within 60 s");
        }
        seen.addFirst(confirmation);
    }

    /** @return the events about {@code subject} received within {@code window}, at most {@code wanted} */
    public List<JsonNode> events(String subject, int wanted, Duration window) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (events.size() < wanted && System.nanoTime() < deadline) {
            JsonNode node = await(
                    "event",
                    n -> subject.equals(n.path("subject").asText()),
                    Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (node != null) {
                events.add(node);
            }
        }
        return events;
    }
}
