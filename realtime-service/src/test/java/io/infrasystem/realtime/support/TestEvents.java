package io.infrasystem.realtime.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes CloudEvents in Kafka binary mode ({@code ce_*} headers, JSON value) to the local broker,
 * exactly as the services' outbox relay does.
 */
public final class TestEvents implements AutoCloseable {

    /**
     * @return the broker the application under test consumes from ({@code kafka.bootstrap.servers}:
     *     the test run's own broker under {@code stack test}, else the development broker)
     */
    public static String broker() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private final KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker(),
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.LINGER_MS_CONFIG,
                    0,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    2 * 1024 * 1024),
            new StringSerializer(),
            new CloudEventSerializer());

    /**
     * Sends one event and waits for the broker's acknowledgement.
     *
     * @param topic topic, e.g. {@code vm.events}
     * @param type CloudEvents type
     * @param subject subject and key
     * @param json the data
     * @return the CloudEvents id
     */
    public String send(String topic, String type, String subject, String json) {
        String id = UUID.randomUUID().toString();
        CloudEvent event = builder(id, type, subject, json)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .build();
        try {
            producer.send(new ProducerRecord<>(topic, subject, event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
        return id;
    }

    /**
     * Sends an event without waiting (for bulk sends); {@link #flush()} waits for all.
     *
     * @return the CloudEvents id
     */
    public String sendAsync(String topic, String type, String subject, String json) {
        String id = UUID.randomUUID().toString();
        CloudEvent event = builder(id, type, subject, json).build();
        producer.send(new ProducerRecord<>(topic, subject, event));
        return id;
    }

    /** Waits until every sent event was acknowledged. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The attributes every test event has: id, type, this test's source, subject, JSON data. */
    private static CloudEventBuilder builder(String id, String type, String subject, String json) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create("/infra-system/realtime-test"))
                .withSubject(subject)
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8));
    }
}
