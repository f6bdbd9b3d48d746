/*
 * Health check for the local Kafka broker, run by deploy/local/stack as a single-file Java program:
 *
 *   java -cp "$INFRA_STATE_DIR/kafka/libs/*" deploy/local/kafka/KafkaCheck.java <bootstrap> [mode] [topic]
 *
 * mode "metadata"  : one metadata request (describeCluster) must succeed; used while waiting
 *                    for the broker to come up.
 * mode "roundtrip" : (default) creates the topic if needed, produces one record with a random
 *                    value, reads it back from the partition it landed in and commits the offset
 *                    for the group "infra-status" (so the group coordinator is exercised too).
 *
 * Exit status 0 when the check passed, 1 otherwise; one line on stdout says what happened.
 */

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class KafkaCheck {

    /** Upper bound for each step; the whole check stays well under the caller's patience. */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    public static void main(String[] args) {
        if (args.length < 1) {
            System.out.println("usage: KafkaCheck <bootstrap> [metadata|roundtrip] [topic]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String mode = args.length > 1 ? args[1] : "roundtrip";
        String topic = args.length > 2 ? args[2] : "infra.status";
        try {
            switch (mode) {
                case "metadata" -> metadata(bootstrap);
                case "roundtrip" -> roundTrip(bootstrap, topic);
                default -> {
                    System.out.println("unknown mode " + mode);
                    System.exit(2);
                }
            }
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.out.println("FAILED: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            System.exit(1);
        }
    }

    private static void metadata(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            var cluster = admin.describeCluster();
            String clusterId = cluster.clusterId().get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes()
                    .get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            System.out.println("OK cluster " + clusterId + ", " + nodes + " broker(s)");
        }
    }

    private static void roundTrip(String bootstrap, String topic) throws Exception {
        long started = System.nanoTime();
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            createTopicIfMissing(admin, topic);
        }

        String value = UUID.randomUUID().toString();
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
            sent = producer.send(new ProducerRecord<>(topic, "status", value))
                    .get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        TopicPartition partition = new TopicPartition(topic, sent.partition());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrap))) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (value.equals(record.value())) {
                        consumer.commitSync(
                                Map.of(partition, new OffsetAndMetadata(record.offset() + 1)), STEP_TIMEOUT);
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        System.out.println("OK round trip on " + partition + " offset " + record.offset() + " in "
                                + millis + " ms");
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException(
                "record " + value + " not read back from " + partition + " within " + STEP_TIMEOUT.toSeconds() + " s");
    }

    private static void createTopicIfMissing(Admin admin, String topic) throws Exception {
        Set<String> names = admin.listTopics().names().get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (names.contains(topic)) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** @return the settings every client of the check shares: the broker and its client id */
    private static Properties clientConfig(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    private static Properties adminConfig(String bootstrap) {
        Properties p = clientConfig(bootstrap, "infra-status-admin");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) STEP_TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) STEP_TIMEOUT.toMillis());
        return p;
    }

    private static Properties producerConfig(String bootstrap) {
        Properties p = clientConfig(bootstrap, "infra-status-producer");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, STEP_TIMEOUT.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) STEP_TIMEOUT.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) STEP_TIMEOUT.toMillis() / 2);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private static Properties consumerConfig(String bootstrap) {
        Properties p = clientConfig(bootstrap, "infra-status-consumer");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-status");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }
}
