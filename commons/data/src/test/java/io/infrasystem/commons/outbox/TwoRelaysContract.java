package io.infrasystem.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.infrasystem.commons.testing.KafkaTestBrokerResource;
import io.infrasystem.commons.testing.KafkaTestConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Two relays working the same outbox table at the same time (plus the application's own) publish
 * every row, each once unless an attempt of it went unacknowledged (at-least-once). Run on PostgreSQL and on MariaDB by the subclasses.
 */
abstract class TwoRelaysContract {

    private static final int EVENTS = 1000;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Test
    void twoRelaysOnOneTableNeverPublishTheSameRow() throws Exception {
        String topic = "relay-test-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < EVENTS; i++) {
                String key = "entity-" + (i % 37);
                outbox.add(new OutboxMessage(
                        UUID.randomUUID().toString(),
                        topic,
                        "probe.widget.updated",
                        key,
                        key,
                        Map.of("seq", i),
                        Instant.now()));
            }
        });
        String bootstrap = KafkaTestBrokerResource.broker().bootstrapServers();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> relays = new ArrayList<>();
        List<KafkaProducer<String, CloudEvent>> producers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
            KafkaProducer<String, CloudEvent> producer = OutboxRelay.createProducer(config, Duration.ofSeconds(10));
            producers.add(producer);
            OutboxPublisher publisher = new OutboxPublisher(dataSource, producer, 50, Duration.ofSeconds(10));
            relays.add(pool.submit(() -> {
                int sent = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && pendingRows(topic) > 0) {
                    sent += publisher.publishPending().sent();
                }
                return sent;
            }));
        }
        for (Future<Integer> relay : relays) {
            relay.get();
        }
        pool.shutdown();
        producers.forEach(KafkaProducer::close);

        assertThat(pendingRows(topic)).isZero();
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(bootstrap, topic)) {
            List<ConsumerRecord<String, String>> received = consumer.await(EVENTS, Duration.ofSeconds(30), r -> true);
            received.addAll(consumer.drain(Duration.ofSeconds(2)));
            // What was published is what the log holds: a record read twice by the consumer
            // (same partition and offset, e.g. after a rebalance) is one publication.
            received = List.copyOf(received.stream()
                    .collect(Collectors.toMap(
                            r -> r.partition() + "@" + r.offset(), r -> r, (a, b) -> a, java.util.LinkedHashMap::new))
                    .values());
            Map<String, Long> perId = received.stream()
                    .collect(Collectors.groupingBy(
                            r -> new String(r.headers().lastHeader("ce_id").value()), Collectors.counting()));
            Map<String, Integer> attempts = attempts(topic);
            List<String> republished = perId.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .toList();
            System.out.printf(
                    "two relays: %d records in the log, %d distinct events, %d republished%n",
                    received.size(), perId.size(), republished.size());
            assertThat(perId).as("no event lost").hasSize(EVENTS);
            // At-least-once: an event is published again only in a later pass, after an attempt
            // whose acknowledgement did not arrive in time; never by two relays in one pass.
            assertThat(republished)
                    .as("events published twice without a failed attempt")
                    .allMatch(id -> attempts.get(id) > 1);
            // Order per key holds for every key whose events were all acknowledged at their first
            // attempt; a retried event may follow later ones of its key (documented limitation).
            Set<String> retriedKeys = received.stream()
                    .filter(r -> attempts.get(
                                    new String(r.headers().lastHeader("ce_id").value()))
                            > 1)
                    .map(ConsumerRecord::key)
                    .collect(Collectors.toSet());
            assertKeysInOrder(received.stream()
                    .filter(r -> !retriedKeys.contains(r.key()))
                    .toList());
        }
    }

    /** Events of one key arrive in the order they were written. */
    private static void assertKeysInOrder(List<ConsumerRecord<String, String>> received) {
        Map<String, List<Integer>> sequences = received.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key,
                        Collectors.mapping(
                                r -> Integer.parseInt(r.value().replaceAll("\\D", "")), Collectors.toList())));
        sequences.values().forEach(seq -> assertThat(seq).isSorted());
    }

    private Map<String, Integer> attempts(String topic) {
        Map<String, Integer> attempts = new HashMap<>();
        try (var connection = dataSource.getConnection();
                var statement =
                        connection.prepareStatement("select event_id, attempts from outbox_event where topic = ?")) {
            statement.setString(1, topic);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    attempts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return attempts;
    }

    private long pendingRows(String topic) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select count(*) from outbox_event where topic = ? and sent_at is null")) {
            statement.setString(1, topic);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
