package io.infrasystem.commons.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.KafkaTestBroker;
import io.infrasystem.commons.testing.KafkaTestBrokerResource;
import io.infrasystem.commons.testing.KafkaTestConsumer;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for 30 seconds while the service keeps taking writes: every event written
 * before, during and after the outage reaches Kafka once the broker is back, none lost; meanwhile
 * the service stays ready and the outage shows in the outbox wellness check and gauges.
 */
@QuarkusTest
class OutboxRelayOutageTest {

    private static final String TOKEN = TestTokens.apiKey("outage-test", Scopes.INVENTORY_WRITE);

    @Inject
    DataSource dataSource;

    private void write(String run, int from, int to) {
        for (int i = from; i < to; i++) {
            given().header("Authorization", TOKEN)
                    .contentType("application/json")
                    .body("{\"name\":\"" + run + "-" + i + "\",\"size_u\":1}")
                    .when()
                    .post("/api/probe/widgets")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void relayDeliversEveryEventAfterA30SecondBrokerOutage() throws Exception {
        String run = "outage-" + UUID.randomUUID();
        KafkaTestBroker broker = KafkaTestBrokerResource.broker();

        write(run, 0, 50);
        broker.stop();
        long outageStart = System.nanoTime();
        write(run, 50, 150);
        long remaining = Duration.ofSeconds(30).toNanos() - (System.nanoTime() - outageStart);
        Thread.sleep(Math.max(0, remaining / 1_000_000));
        assertThat(pendingEvents(run))
                .as("events wait in the outbox while the broker is down")
                .isPositive();
        assertOutageVisibleButReady();
        broker.start();
        write(run, 150, 200);

        Set<String> written = eventIds(run);
        assertThat(written).hasSize(200);
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(broker.bootstrapServers(), "probe.events")) {
            List<ConsumerRecord<String, String>> received =
                    consumer.await(200, Duration.ofSeconds(90), r -> r.value().contains(run));
            Set<String> receivedIds = new HashSet<>();
            received.forEach(r ->
                    receivedIds.add(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)));
            assertThat(receivedIds).as("every outbox row reached Kafka").isEqualTo(written);
            System.out.printf(
                    "outage test: %d outbox rows, %d records consumed, %d distinct%n",
                    written.size(), received.size(), receivedIds.size());
        }
        assertThat(pendingEvents(run)).isZero();
        given().when()
                .get("/q/health/well")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.pending", equalTo(0));
    }

    /**
     * Readiness stays UP (the service keeps taking writes); the outbox wellness check is DOWN with
     * the relay's error and the backlog, and the gauges carry the backlog.
     */
    private void assertOutageVisibleButReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when()
                .get("/q/health/well")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'outbox' }.data.pending", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'outbox' }.data.last_error", notNullValue());
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).containsPattern("(?m)^infra_outbox_pending_events [1-9]");
        assertThat(metrics).contains("infra_outbox_oldest_pending_age_seconds");
    }

    private long pendingEvents(String run) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select count(*) from outbox_event where sent_at is null and payload like ?")) {
            statement.setString(1, "%" + run + "%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> eventIds(String run) {
        Set<String> ids = new HashSet<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("select event_id from outbox_event where payload like ?")) {
            statement.setString(1, "%" + run + "%");
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
