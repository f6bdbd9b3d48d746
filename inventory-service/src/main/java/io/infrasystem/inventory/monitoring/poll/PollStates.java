package io.infrasystem.inventory.monitoring.poll;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reads and writes the poll state of the connections, each write a short transaction of its own
 * (the poller calls Zabbix outside transactions).
 */
@ApplicationScoped
public class PollStates {

    /** @return the state of a connection, created as {@code unknown} when missing */
    @Transactional
    public PollState of(long configId) {
        PollState state = PollState.findById(configId);
        if (state == null) {
            state = new PollState();
            state.configId = configId;
            state.status = ConnectionStatus.UNKNOWN;
            state.createdAt = now();
            state.updatedAt = state.createdAt;
            state.persist();
        }
        return state;
    }

    /** Forgets the cached session (credentials changed, or Zabbix ended it). */
    @Transactional
    public void forgetSession(long configId) {
        PollState state = PollState.findById(configId);
        if (state != null) {
            state.sessionToken = null;
            state.sessionObtainedAt = null;
            state.updatedAt = now();
        }
    }

    /** Caches a new login session. */
    @Transactional
    public void rememberSession(long configId, String session) {
        PollState state = of(configId);
        state.sessionToken = session;
        state.sessionObtainedAt = now();
        state.updatedAt = state.sessionObtainedAt;
    }

    /**
     * Records a successful poll or connection test.
     *
     * @param cursor the new event cursor, or {@code null} to keep it
     */
    @Transactional
    public PollState succeeded(long configId, String apiVersion, Long cursor) {
        PollState state = of(configId);
        Instant now = now();
        state.status = ConnectionStatus.UP;
        state.detail = null;
        state.apiVersion = apiVersion;
        state.lastPollAt = now;
        state.lastSuccessAt = now;
        state.failures = 0;
        if (cursor != null) {
            state.eventCursor = cursor;
        }
        state.updatedAt = now;
        return state;
    }

    /** Moves the event cursor forward (after each imported batch). */
    @Transactional
    public void advance(long configId, long cursor) {
        PollState state = of(configId);
        if (state.eventCursor == null || cursor > state.eventCursor) {
            state.eventCursor = cursor;
            state.updatedAt = now();
        }
    }

    /** Records a failed poll or connection test. */
    @Transactional
    public PollState failed(long configId, ConnectionStatus status, String detail) {
        PollState state = of(configId);
        Instant now = now();
        state.status = status;
        state.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        state.lastPollAt = now;
        state.failures++;
        state.updatedAt = now;
        return state;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
