package io.infrasystem.mail.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.mail.support.Mail;
import io.infrasystem.mail.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "mp.messaging.incoming.notifications.topic")
    String topic;

    @Test
    void notificationDeliveredTwiceByKafkaProducesExactlyOneEmail() throws Exception {
        String to = Mail.uniqueAddress("event");
        String eventId = UUID.randomUUID().toString();
        String data = """
                {"to": ["%s"], "cc": [], "bcc": [], "subject": "End-of-support report 2026-11-01",
                 "text": "3 models reach end of support this month.", "idempotency_key": "eos-%s"}""".formatted(to, eventId);
        publish(eventId, "notification.requested", data);
        publish(eventId, "notification.requested", data);

        await().atMost(Duration.ofSeconds(30)).until(() -> Mail.receivedBy(to).size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mail.receivedBy(to).size() == 1);
        MimeMessage received = Mail.receivedBy(to).get(0);
        assertThat(received.getSubject()).isEqualTo("End-of-support report 2026-11-01");

        JsonPath log = given().header("Authorization", Tokens.admin())
                .queryParam("recipient", to)
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .extract()
                .jsonPath();
        assertThat(log.getString("results[0].origin")).isEqualTo("event");
        assertThat(log.getString("results[0].event_id")).isEqualTo(eventId);
        assertThat(log.getString("results[0].sender")).isEqualTo("/infra-system/inventory-service");
        assertThat(log.getString("results[0].sender_type")).isEqualTo("system");
    }

    @Test
    void twoEventsWithTheSameIdempotencyKeyFromOneSourceProduceOneEmail() {
        String to = Mail.uniqueAddress("event-key");
        String data = """
                {"to": ["%s"], "subject": "Certificate expires in 14 days", "text": "www.example.com",
                 "idempotency_key": "cert-expiry-%s"}""".formatted(to, UUID.randomUUID());
        publish(UUID.randomUUID().toString(), "notification.requested", data);
        publish(UUID.randomUUID().toString(), "notification.requested", data);

        await().atMost(Duration.ofSeconds(30)).until(() -> Mail.receivedBy(to).size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mail.receivedBy(to).size() == 1);
    }

    @Test
    void invalidEventIsSkippedAndTheNextOneIsStillConsumed() {
        String bad = Mail.uniqueAddress("bad-event");
        String good = Mail.uniqueAddress("good-event");
        publish(
                UUID.randomUUID().toString(),
                "notification.requested",
                "{\"to\": [\"" + bad + "\"], \"subject\": \"line\\r\\nBcc: x@example.com\", \"text\": \"t\"}");
        publish(UUID.randomUUID().toString(), "notification.requested", "not json at all");
        publish(UUID.randomUUID().toString(), "inventory.asset.moved", "{\"to\": [\"" + bad + "\"]}");
        publish(
                UUID.randomUUID().toString(),
                "notification.requested",
                "{\"to\": [\"" + good + "\"], \"subject\": \"after the bad ones\", \"text\": \"t\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> Mail.receivedBy(good).size() == 1);
        assertThat(Mail.receivedBy(bad)).isEmpty();
        given().header("Authorization", Tokens.admin())
                .queryParam("recipient", bad)
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(200)
                .body("count", equalTo(0));
    }

    private void publish(String eventId, String type, String data) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "eos-report", data);
            record.headers()
                    .add("ce_specversion", bytes("1.0"))
                    .add("ce_id", bytes(eventId))
                    .add("ce_source", bytes("/infra-system/inventory-service"))
                    .add("ce_type", bytes(type))
                    .add("ce_subject", bytes("eos-report"))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("publishing the test event failed", e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
