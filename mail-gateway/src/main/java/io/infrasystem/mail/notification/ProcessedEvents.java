package io.infrasystem.mail.notification;

import io.infrasystem.commons.persistence.UtcTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            var now = UtcTimes.toColumn(Instant.now());
            insert.setString(1, eventId);
            insert.setString(2, type);
            insert.setObject(3, now);
            insert.setObject(4, now);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("recording event " + eventId + " failed", e);
        }
    }

    /** Notes which message an event produced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bind(String eventId, long messageId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(BIND)) {
            update.setLong(1, messageId);
            update.setString(2, eventId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording event " + eventId + " failed", e);
        }
    }
}
