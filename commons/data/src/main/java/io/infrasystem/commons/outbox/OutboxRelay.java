package io.infrasystem.commons.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.infrasystem.commons.persistence.UtcTimes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka from a background thread of its own: a pass runs when a commit
 * with events wakes it, or every {@code infra.outbox.poll-interval}, or at once again while full
 * batches keep coming. While the broker (or the database) fails, passes back off exponentially up
 * to {@code infra.outbox.max-backoff}; nothing is lost, events wait in the table. Sent events are
 * purged after {@code infra.outbox.retention}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final DataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile String lastError;
    private Thread thread;
    private KafkaProducer<String, CloudEvent> producer;

    @Inject
    public OutboxRelay(
            OutboxConfig config,
            DataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = createProducer(kafkaConfig, config.sendTimeout());
        OutboxPublisher publisher = new OutboxPublisher(dataSource, producer, config.batchSize(), config.sendTimeout());
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(() -> loop(publisher));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            wake.release();
            try {
                thread.join(config.sendTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks for a pass as soon as possible (called after a commit that added events). */
    public void wakeUp() {
        wake.release();
    }

    /** @return number of events this instance has published since it started */
    public long publishedCount() {
        return published.get();
    }

    /** @return why the relay's last pass failed, or null when it succeeded (or none ran yet) */
    public String lastError() {
        return lastError;
    }

    /** Deletes sent events older than the retention period. */
    @Scheduled(
            every = "${infra.outbox.purge-interval:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_event where sent_at is not null and sent_at < ?")) {
            delete.setObject(1, UtcTimes.toColumn(Instant.now().minus(config.retention())));
            int purged = delete.executeUpdate();
            LOG.debugf("Outbox: purged %d sent event(s)", purged);
        }
    }

    /**
     * Builds the relay's producer: idempotent, {@code acks=all}, CloudEvents binary mode, and
     * bounded blocking so that a broker outage fails a pass quickly instead of hanging it.
     *
     * @param base the {@code kafka.*} configuration of the application
     * @param sendTimeout upper bound for one send's delivery
     * @return a new producer
     */
    public static KafkaProducer<String, CloudEvent> createProducer(Map<String, Object> base, Duration sendTimeout) {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        int timeout = (int) Math.max(sendTimeout.toMillis(), 3000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + java.util.UUID.randomUUID());
        props.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY);
        return new KafkaProducer<>(props, new StringSerializer(), new CloudEventSerializer());
    }

    private void loop(OutboxPublisher publisher) {
        long backoffMillis = 0;
        while (running) {
            try {
                OutboxPublisher.PassResult result = publisher.publishPending();
                published.addAndGet(result.sent());
                if (result.failed() > 0) {
                    lastError = result.lastError();
                    backoffMillis = nextBackoff(backoffMillis);
                    LOG.warnf(
                            "Outbox relay: %d event(s) not published (%s); next pass in %d ms",
                            result.failed(), result.lastError(), backoffMillis);
                    sleep(backoffMillis);
                    continue;
                }
                lastError = null;
                backoffMillis = 0;
                if (result.sent() < config.batchSize()) {
                    pause(config.pollInterval().toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                lastError = e.getMessage();
                backoffMillis = nextBackoff(backoffMillis);
                LOG.warnf("Outbox relay pass failed (%s); next pass in %d ms", e.getMessage(), backoffMillis);
                sleep(backoffMillis);
            }
        }
    }

    private long nextBackoff(long current) {
        return Math.min(current == 0 ? 250 : current * 2, config.maxBackoff().toMillis());
    }

    /** Back-off: commits do not shorten it, so an outage is not hammered by every new event. */
    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void pause(long millis) {
        try {
            if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
