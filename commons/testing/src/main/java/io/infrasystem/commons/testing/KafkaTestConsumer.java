package io.infrasystem.commons.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what services published, for assertions: a consumer in a consumer group of its own,
 * from the earliest offset of the given topics.
 */
public final class KafkaTestConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    /**
     * @param bootstrapServers broker to read from
     * @param topics topics to subscribe to
     */
    public KafkaTestConsumer(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /**
     * Polls until {@code wanted} records that match {@code filter} have arrived, or the timeout.
     *
     * @return every matching record received, possibly fewer than wanted (the caller asserts)
     */
    public List<ConsumerRecord<String, String>> await(
            int wanted, Duration timeout, Predicate<ConsumerRecord<String, String>> filter) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < wanted && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (filter.test(record)) {
                    received.add(record);
                }
            }
        }
        return received;
    }

    /** @return every record that arrives within {@code window} (to assert that nothing more comes) */
    public List<ConsumerRecord<String, String>> drain(Duration window) {
        return await(Integer.MAX_VALUE, window, r -> true);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
