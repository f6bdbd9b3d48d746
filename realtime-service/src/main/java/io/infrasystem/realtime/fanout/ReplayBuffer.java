package io.infrasystem.realtime.fanout;

import io.infrasystem.realtime.event.Cursor;
import io.infrasystem.realtime.event.LiveEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The most recent events, bounded by count and age, for clients that reconnect with a cursor. Not
 * thread-safe: {@link EventHub} guards it.
 */
final class ReplayBuffer {

    private final String epoch;
    private final int maxEvents;
    private final Duration maxAge;
    private final ArrayDeque<LiveEvent> events = new ArrayDeque<>();
    private long lastSequence;

    ReplayBuffer(String epoch, int maxEvents, Duration maxAge) {
        this.epoch = epoch;
        this.maxEvents = maxEvents;
        this.maxAge = maxAge;
    }

    void append(LiveEvent event) {
        events.addLast(event);
        lastSequence = event.cursor().sequence();
        while (events.size() > maxEvents) {
            events.removeFirst();
        }
        evictOlderThan(event.receivedAt());
    }

    /**
     * @param cursor the last event the client received
     * @param now the current time (for the age bound)
     * @return the events after the cursor, or {@code null} when some of them are no longer held
     *     (or the cursor is from another run): the client must reset
     */
    List<LiveEvent> after(Cursor cursor, Instant now) {
        evictOlderThan(now);
        if (!cursor.epoch().equals(epoch) || cursor.sequence() > lastSequence) {
            return null;
        }
        if (cursor.sequence() == lastSequence) {
            return List.of();
        }
        if (events.isEmpty() || events.peekFirst().cursor().sequence() > cursor.sequence() + 1) {
            return null;
        }
        List<LiveEvent> missed = new ArrayList<>();
        Iterator<LiveEvent> newestFirst = events.descendingIterator();
        while (newestFirst.hasNext()) {
            LiveEvent event = newestFirst.next();
            if (event.cursor().sequence() <= cursor.sequence()) {
                break;
            }
            missed.add(event);
        }
        java.util.Collections.reverse(missed);
        return missed;
    }

    /** @return the cursor of the newest event, or of sequence 0 before the first */
    Cursor last() {
        return new Cursor(epoch, lastSequence);
    }

    int size() {
        return events.size();
    }

    private void evictOlderThan(Instant now) {
        Instant limit = now.minus(maxAge);
        while (!events.isEmpty() && events.peekFirst().receivedAt().isBefore(limit)) {
            events.removeFirst();
        }
    }
}
