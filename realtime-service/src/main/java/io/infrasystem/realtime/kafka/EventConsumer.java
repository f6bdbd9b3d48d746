package io.infrasystem.realtime.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.infrasystem.realtime.fanout.EventHub;
import io.infrasystem.realtime.fanout.RealtimeMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every topic matching {@code infra.realtime.consumer.topic-pattern} on one dedicated thread
 * with a plain {@link KafkaConsumer}, in a consumer group unique to this instance (so that every
 * instance sees every event), and hands each record to the {@link EventHub}. A partition seen for
 * the first time starts at the first record of the replay window ({@code infra.realtime.replay.max-age}
 * back), so the replay buffer is warm at start and a topic created later is read from its first
 * recent event; a partition reassigned by a rebalance continues where this instance left it.
 * Offsets are never committed: the group lives only as long as the instance.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long LAG_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final RealtimeConfig config;
    private final RealtimeMetrics metrics;
    private final CloudEventRecords records;
    private final Map<String, Object> kafkaConfig;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param config consumer and replay settings
     * @param hub where events go
     * @param metrics meters
     * @param mapper JSON mapper for event data
     * @param kafkaConfig the application's {@code kafka.*} properties (bootstrap servers, security)
     */
    public EventConsumer(
            RealtimeConfig config,
            EventHub hub,
            RealtimeMetrics metrics,
            ObjectMapper mapper,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.metrics = metrics;
        this.records = new CloudEventRecords(mapper, hub);
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        consumer = new KafkaConsumer<>(properties(), new StringDeserializer(), new ByteArrayDeserializer());
        thread = Thread.ofPlatform().name("realtime-consumer").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    /** @return the partitions this instance reads and the next offset of each (for tests and diagnostics) */
    public Map<TopicPartition, Long> positions() {
        return Map.copyOf(positions);
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupPrefix() + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int)
                config.consumer().metadataRefresh().toMillis());
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "realtime-" + UUID.randomUUID());
        return props;
    }

    private void run() {
        KafkaConsumer<String, byte[]> kafka = consumer;
        long nextLag = 0;
        try (kafka) {
            kafka.subscribe(Pattern.compile(config.consumer().topicPattern()), new Rebalance(kafka));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    metrics.received();
                    positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    try {
                        records.publish(record);
                    } catch (RuntimeException e) {
                        metrics.invalid();
                        LOG.debugf(
                                "Skipped %s-%d@%d: not a CloudEvent (%s)",
                                record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
                if (System.nanoTime() >= nextLag) {
                    metrics.lag(lag(kafka));
                    nextLag = System.nanoTime() + LAG_EVERY_NANOS;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Kafka consumer woken unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Kafka consumer stopped; no more events will be pushed", e);
        }
    }

    private long lag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            total += kafka.currentLag(partition).orElse(0);
        }
        return total;
    }

    /** Positions new partitions at the start of the replay window and known ones where we left them. */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;

        Rebalance(KafkaConsumer<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> fresh = new HashMap<>();
            long since = Instant.now().minus(config.replay().maxAge()).toEpochMilli();
            for (TopicPartition partition : partitions) {
                Long known = positions.get(partition);
                if (known != null) {
                    kafka.seek(partition, known);
                } else {
                    fresh.put(partition, since);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(fresh);
            for (TopicPartition partition : fresh.keySet()) {
                OffsetAndTimestamp offset = offsets.get(partition);
                if (offset != null) {
                    kafka.seek(partition, offset.offset());
                } else {
                    kafka.seekToEnd(java.util.List.of(partition));
                }
                positions.put(partition, kafka.position(partition));
            }
            LOG.debugf("Reading %d new partitions", fresh.size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // positions are kept: a partition that comes back continues where it stopped
        }
    }
}
