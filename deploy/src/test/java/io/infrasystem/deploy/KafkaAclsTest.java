package io.infrasystem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.commons.testing.KafkaTestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Point 9 of docs/security.md against a real broker: a private KRaft broker from the Kafka jars
 * ({@code deploy/local/stack kafka-libs}) secured as the shipped deployments are (SASL/SCRAM-SHA-512,
 * {@code StandardAuthorizer}, nothing allowed without an ACL), with the SCRAM users, topics and
 * ACLs of the shipped {@code deploy/kafka/acls.conf} created through the Admin client as
 * {@code deploy/kafka/setup.sh} creates them. No Docker. Every wait is bounded and polls a
 * condition the broker reports; nothing sleeps to let the broker catch up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclsTest {

    /** Generous for two busy cores: the broker's own start, then each client call. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private KafkaTestBroker broker;
    private KafkaAcls acls;
    private final Map<String, String> passwords = new HashMap<>();

    @BeforeAll
    void startSecuredBrokerWithTheShippedAcls() throws Exception {
        acls = KafkaAcls.shipped();
        broker = KafkaTestBroker.withScram("admin", secret());
        broker.start();
        acls.users().forEach(user -> passwords.put(user, secret()));
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(acls.topics().stream()
                            .map(topic -> new NewTopic(topic, 1, (short) 1))
                            .toList())
                    .all()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            passwords.forEach((user, password) -> users.add(new UserScramCredentialUpsertion(
                    user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)));
            admin.alterUserScramCredentials(users).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            admin.createAcls(acls.bindings()).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            awaitBrokerKnowsUsersAndAcls(admin);
        }
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theShippedDefinitionGivesEveryServiceAUserAndItsOwnTopic() {
        assertThat(acls.users()).containsExactlyInAnyOrderElementsOf(ServiceConfiguration.SERVICES);
        assertThat(acls.topics())
                .containsExactlyInAnyOrder(
                        "gateway.events",
                        "inventory.events",
                        "vm.events",
                        "cert.events",
                        "project.events",
                        "mail.events",
                        "notifications");
    }

    @Test
    void aServiceWritesItsOwnTopicAndIsRefusedOnAnotherServicesTopic() throws Exception {
        assertThat(produce("inventory-service", "inventory.events")).isNull();
        assertThat(produce("inventory-service", "vm.events")).isInstanceOf(TopicAuthorizationException.class);
        assertThat(produce("vm-service", "vm.events")).isNull();
        assertThat(produce("vm-service", "inventory.events")).isInstanceOf(TopicAuthorizationException.class);
        // realtime-service only reads: it cannot forge an event that reaches browsers. Having no WRITE
        // at all, its idempotent producer is already refused its producer id (cluster authorization).
        assertThat(produce("realtime-service", "vm.events")).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void onlyTheServicesThatRequestMailWriteNotificationsAndOnlyMailGatewayReadsThem() throws Exception {
        assertThat(produce("inventory-service", "notifications")).isNull();
        assertThat(produce("cert-service", "notifications")).isNull();
        for (String refused : List.of("vm-service", "project-service", "api-gateway", "mail-gateway")) {
            assertThat(produce(refused, "notifications")).as(refused).isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(produce("realtime-service", "notifications")).isInstanceOf(AuthorizationException.class);
        assertThat(readAndCommit("mail-gateway", "mail-gateway", "notifications"))
                .isNotEmpty();
        assertThat(readAndCommit("realtime-service", "realtime-" + UUID.randomUUID(), "notifications"))
                .isNull();
    }

    @Test
    void realtimeServiceReadsTheEventsTopicsInItsOwnConsumerGroups() throws Exception {
        assertThat(produce("project-service", "project.events")).isNull();
        assertThat(readAndCommit("realtime-service", "realtime-" + UUID.randomUUID(), "project.events"))
                .isNotEmpty();
        // another service cannot read events it was not given
        assertThat(readAndCommit("mail-gateway", "mail-gateway", "project.events"))
                .isNull();
    }

    @Test
    void anUnknownUserOrAWrongPasswordIsNotAuthenticated() throws Exception {
        assertThat(produce(broker.clientConfig("intruder", secret()), "notifications"))
                .isInstanceOf(AuthenticationException.class);
        assertThat(produce(broker.clientConfig("inventory-service", secret()), "inventory.events"))
                .isInstanceOf(AuthenticationException.class);
        // no credential at all: the listener speaks SASL only
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                5000));
        assertThat(produce(anonymous, "notifications")).isNotNull();
    }

    /** @return the failure of producing one record as {@code user}, or {@code null} when it was written */
    private Throwable produce(String user, String topic) {
        return produce(broker.clientConfig(user, passwords.get(user)), topic);
    }

    private Throwable produce(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        // as the outbox relay (commons-data OutboxRelay) produces
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis() / 2);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "k", "{\"probe\":true}"))
                    .get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
            assertThat(written.topic()).isEqualTo(topic);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /**
     * Reads {@code topic} from its beginning as {@code user} in consumer group {@code group} until
     * a record arrives, and commits the group's offset.
     *
     * @return the records read, or {@code null} when the broker refused the topic or the group
     */
    private List<ConsumerRecord<String, String>> readAndCommit(String user, String group, String topic) {
        Map<String, Object> config = broker.clientConfig(user, passwords.get(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(consumer.position(partition))));
            return records;
        } catch (TopicAuthorizationException | org.apache.kafka.common.errors.GroupAuthorizationException refused) {
            return null;
        }
    }

    /**
     * The controller has accepted the users and ACLs; the broker applies them from its metadata
     * log a moment later. Waits (bounded) until the broker itself reports all of them.
     */
    private void awaitBrokerKnowsUsersAndAcls(Admin admin) throws Exception {
        Set<AclBinding> expected = new HashSet<>(acls.bindings());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Set<String> users =
                    admin.describeUserScramCredentials().users().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).stream()
                            .collect(java.util.stream.Collectors.toSet());
            Set<AclBinding> known = new HashSet<>(
                    admin.describeAcls(AclBindingFilter.ANY).values().get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            if (users.containsAll(acls.users()) && known.containsAll(expected)) {
                return;
            }
            assertThat(System.nanoTime()).as("broker applied users and ACLs").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> config = broker.superUserConfig();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis() / 2);
        return config;
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }
}
