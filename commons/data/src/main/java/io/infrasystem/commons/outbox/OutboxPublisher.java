package io.infrasystem.commons.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.infrasystem.commons.persistence.UtcTimes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One relay pass over the outbox table: publish the oldest pending events to Kafka and mark those
 * the broker acknowledged as sent, all under a local database transaction.
 *
 * <p>Concurrency: the pass first takes the row lock of {@code outbox_relay_lock} with
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and MariaDB ≥ 10.6). A relay of another instance that
 * finds it locked skips its pass, so one relay publishes at a time: no row is published by two
 * relays in one pass and events of one key leave in id order. Delivery is at-least-once: a row
 * whose acknowledgement is lost is published again in a later pass (consumers deduplicate on the
 * CloudEvents id). After a failed event, later events with the same key are held back for the next
 * pass so that they never overtake it. Every row handed to the producer and not acknowledged in
 * time counts an attempt and keeps its reason in {@code last_error}.
 */
public final class OutboxPublisher {

    private static final String LOCK = "select id from outbox_relay_lock where id = 1 for update skip locked";
    private static final String PENDING = """
            select id, event_id, topic, event_type, source, subject, message_key, payload, occurred_at
            from outbox_event where sent_at is null order by id limit ? for update skip locked""";
    private static final String MARK_SENT = "update outbox_event set sent_at = ?, attempts = attempts + 1, "
            + "last_error = null, updated_at = ? where id = ?";
    private static final String MARK_FAILED =
            "update outbox_event set attempts = attempts + 1, last_error = ?, " + "updated_at = ? where id = ?";

    private final DataSource dataSource;
    private final Producer<String, CloudEvent> producer;
    private final int batchSize;
    private final Duration sendTimeout;

    /**
     * @param dataSource the service's datasource (non-JTA use: the pass manages its own transaction)
     * @param producer a producer with a CloudEvents binary-mode value serializer
     * @param batchSize most events per pass
     * @param sendTimeout how long to wait for the broker's acknowledgements
     */
    public OutboxPublisher(
            DataSource dataSource, Producer<String, CloudEvent> producer, int batchSize, Duration sendTimeout) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    /**
     * The result of a pass.
     *
     * @param locked whether this relay held the relay lock (false: another relay was publishing)
     * @param sent events acknowledged and marked sent
     * @param failed events that could not be published this time
     * @param lastError the first error message, or {@code null}
     */
    public record PassResult(boolean locked, int sent, int failed, String lastError) {}

    /**
     * Runs one pass.
     *
     * @return what happened
     * @throws SQLException when the database fails (nothing is marked; the pass is repeated later)
     */
    public PassResult publishPending() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                PassResult result = publishLocked(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private PassResult publishLocked(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK);
                ResultSet held = lock.executeQuery()) {
            if (!held.next()) {
                return new PassResult(false, 0, 0, null);
            }
        }
        List<Pending> pending = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(PENDING)) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getLong("id"), rows.getString("message_key"), record(rows), null));
                }
            }
        }
        if (pending.isEmpty()) {
            return new PassResult(true, 0, 0, null);
        }
        String unavailable = awaitTopicMetadata(pending);
        if (unavailable != null) {
            return new PassResult(true, 0, pending.size(), unavailable);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
        String dispatchError = null;
        for (Pending p : pending) {
            try {
                acks.add(producer.send(p.record()));
            } catch (RuntimeException e) {
                // the producer refused the record itself: dispatch nothing more, so that no later
                // event of any key reaches the log ahead of this one
                dispatchError = describe(e);
                break;
            }
        }
        producer.flush();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        Set<String> heldBackKeys = new HashSet<>();
        List<Long> sent = new ArrayList<>();
        List<Pending> failed = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            Pending p = pending.get(i);
            String error = await(acks.get(i), deadline);
            if (error == null && heldBackKeys.contains(p.key())) {
                error = "held back: an earlier event with key " + p.key() + " was not acknowledged";
            }
            if (error == null) {
                sent.add(p.id());
            } else {
                heldBackKeys.add(p.key());
                failed.add(new Pending(p.id(), p.key(), null, error));
            }
        }
        mark(connection, sent, failed);
        int notPublished = pending.size() - sent.size();
        String firstError = !failed.isEmpty() ? failed.get(0).error() : dispatchError;
        return new PassResult(true, sent.size(), notPublished, firstError);
    }

    /**
     * Fetches the partition metadata of every topic of the batch before anything is sent, so that
     * a broker that cannot be reached (or a topic still being created) fails the pass as a whole
     * instead of letting later records through while the first ones wait for metadata.
     *
     * @return {@code null} when every topic's metadata is known, otherwise the reason
     */
    private String awaitTopicMetadata(List<Pending> pending) {
        Set<String> topics = new HashSet<>();
        pending.forEach(p -> topics.add(p.record().topic()));
        try {
            for (String topic : topics) {
                producer.partitionsFor(topic);
            }
            return null;
        } catch (RuntimeException e) {
            return "metadata unavailable: " + describe(e);
        }
    }

    private static String await(Future<RecordMetadata> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return describe(e.getCause());
        } catch (TimeoutException e) {
            return "no acknowledgement from the broker in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void mark(Connection connection, List<Long> sent, List<Pending> failed) throws SQLException {
        LocalDateTime now = UtcTimes.toColumn(Instant.now());
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            for (Long id : sent) {
                update.setObject(1, now);
                update.setObject(2, now);
                update.setLong(3, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            for (Pending p : failed) {
                String error = p.error();
                update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
                update.setObject(2, now);
                update.setLong(3, p.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static ProducerRecord<String, CloudEvent> record(ResultSet row) throws SQLException {
        LocalDateTime occurred = row.getObject("occurred_at", LocalDateTime.class);
        CloudEvent event = CloudEventBuilder.v1()
                .withId(row.getString("event_id"))
                .withSource(URI.create(row.getString("source")))
                .withType(row.getString("event_type"))
                .withSubject(row.getString("subject"))
                .withTime(occurred.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(row.getString("payload").getBytes(StandardCharsets.UTF_8))
                .build();
        return new ProducerRecord<>(row.getString("topic"), row.getString("message_key"), event);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private record Pending(long id, String key, ProducerRecord<String, CloudEvent> record, String error) {}
}
