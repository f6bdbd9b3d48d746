package io.infrasystem.mail.notification;

import io.infrasystem.commons.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * CloudEvents ids already consumed. {@link #firstTime} inserts the id with {@code INSERT IGNORE}
 * in the caller's transaction, so the message the event asks for and the record of the event
 * commit together: a redelivered event (consumer restart, rebalance, producer retry) finds its id
 * and is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String INSERT =
            "insert ignore into processed_event (event_id, event_type, created_at, updated_at) "
                    + "values (?, ?, ?, ?)";
    private static final String BIND = "update processed_event set message_id = ? where event_id = ?";

    private final DataSource dataSource;

    public ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return true when the event was not processed before (and is now marked as processed) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId, String type) {
        Instant now = Instant.now();
        return Jdbc.withConnection(
                dataSource,
                "recording event " + eventId + " failed",
                jdbc -> jdbc.update(INSERT, Jdbc.values(eventId, type, now, now)) == 1);
    }

    /** Notes which message an event produced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bind(String eventId, long messageId) {
        Jdbc.withConnection(
                dataSource,
                "recording event " + eventId + " failed",
                jdbc -> jdbc.update(BIND, Jdbc.values(messageId, eventId)));
    }
}
