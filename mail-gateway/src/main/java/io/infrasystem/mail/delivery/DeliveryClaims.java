package io.infrasystem.mail.delivery;

import io.infrasystem.commons.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Claims due messages for one instance, so that a message is sent by one instance only.
 *
 * <p>A claim is one short transaction: it takes the row lock of {@code delivery_lock} (claims of
 * all instances queue there for milliseconds, which makes the per-minute rate hold across them),
 * counts the attempts of the last minute and the messages in flight, selects the oldest due
 * messages in id order with {@code FOR UPDATE SKIP LOCKED} and marks them {@code sending} with the
 * instance's name and the time. Due means {@code queued} or {@code retrying} with
 * {@code next_attempt_at} reached, or {@code sending} for longer than the claim timeout (its
 * instance died mid-way: the message is resumed, at least once).
 */
@ApplicationScoped
public class DeliveryClaims {

    private static final String LOCK = "select id from delivery_lock where id = 1 for update";
    private static final String RECENT = "select count(*) from delivery_attempt where started_at > ?";
    private static final String IN_FLIGHT =
            "select count(*) from mail_message where status = 'SENDING' and claimed_at > ?";
    private static final String DUE = """
            select id from mail_message
            where (status in ('QUEUED', 'RETRYING') and next_attempt_at <= ?) or (status = 'SENDING' and claimed_at <= ?)
            order by id limit ? for update skip locked""";
    private static final String MARK = "update mail_message set status = 'SENDING', claimed_by = ?, claimed_at = ?, "
            + "updated_at = ?, version = version + 1 where id = ?";

    private final DataSource dataSource;

    public DeliveryClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param instance this instance's name
     * @param batchSize most messages to claim
     * @param ratePerMinute most attempts per minute, all instances together
     * @param claimTimeout age after which a {@code sending} message is considered abandoned
     * @return ids of the claimed messages, oldest first (empty when nothing is due or the rate is used up)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claim(String instance, int batchSize, int ratePerMinute, Duration claimTimeout) {
        Instant now = Instant.now();
        return Jdbc.withConnection(dataSource, "claiming due messages failed", jdbc -> {
            // the row lock is held until the transaction ends
            jdbc.one(LOCK, Jdbc.NONE, row -> true);
            long used = count(jdbc, RECENT, now.minusSeconds(60)) + count(jdbc, IN_FLIGHT, now.minus(claimTimeout));
            int allowed = (int) Math.min(batchSize, ratePerMinute - used);
            if (allowed <= 0) {
                return List.of();
            }
            return RowClaims.claim(jdbc, DUE, List.of(now, now.minus(claimTimeout), allowed), MARK, instance, now);
        });
    }

    private static long count(Jdbc jdbc, String sql, Instant since) throws SQLException {
        return jdbc.one(sql, Jdbc.values(since), row -> row.getLong(1)).orElseThrow();
    }
}
