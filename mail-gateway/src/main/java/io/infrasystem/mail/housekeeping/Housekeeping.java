package io.infrasystem.mail.housekeeping;

import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.mail.config.MailConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Deletes bookkeeping rows that can no longer matter, every hour: idempotency keys some time after
 * they expired, and consumed event ids older than the retention (longer than Kafka keeps records,
 * so a redelivered event always still finds its id). The transaction log itself is kept.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final DataSource dataSource;
    private final MailConfig.Retention retention;

    public Housekeeping(DataSource dataSource, MailConfig config) {
        this.dataSource = dataSource;
        this.retention = config.retention();
    }

    /** The rows one run deleted. */
    public record Purged(int idempotencyKeys, int processedEvents) {}

    /** Runs every hour; several instances may run it at once (the deletes are idempotent). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purged purged = purge(Instant.now());
        if (purged.idempotencyKeys() + purged.processedEvents() > 0) {
            LOG.infof(
                    "housekeeping deleted %d expired idempotency keys and %d old event ids",
                    purged.idempotencyKeys(), purged.processedEvents());
        }
    }

    /**
     * @param now the reference time
     * @return how many rows were deleted
     */
    @Transactional
    public Purged purge(Instant now) {
        return Jdbc.withConnection(dataSource, "housekeeping failed", jdbc -> {
            int keys = jdbc.update(
                    "delete from idempotency_key where expires_at < ?",
                    Jdbc.values(now.minus(retention.expiredIdempotencyKeys())));
            int events = jdbc.update(
                    "delete from processed_event where created_at < ?",
                    Jdbc.values(now.minus(retention.processedEvents())));
            return new Purged(keys, events);
        });
    }
}
