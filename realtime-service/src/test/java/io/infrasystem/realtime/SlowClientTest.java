package io.infrasystem.realtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.infrasystem.realtime.fanout.DropReason;
import io.infrasystem.realtime.fanout.RealtimeMetrics;
import io.infrasystem.realtime.fanout.Transport;
import io.infrasystem.realtime.support.RawWsClient;
import io.infrasystem.realtime.support.TestEvents;
import io.infrasystem.realtime.support.Tokens;
import io.infrasystem.realtime.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SlowClientTest.SmallQueues.class)
class SlowClientTest {

    private static final int EVENTS = 300;

    @Inject
    Vertx vertx;

    @Inject
    RealtimeMetrics metrics;

    @Test
    void clientThatStopsReadingIsDroppedWhileAnotherKeepsReceiving() throws Exception {
        String subject = "big-" + UUID.randomUUID();
        String payload = "{\"blob\":\"" + "x".repeat(100_000) + "\"}";
        double droppedBefore = metrics.droppedCount(Transport.WEBSOCKET, DropReason.OVERFLOW);
        try (TestEvents events = new TestEvents();
                RawWsClient slow = new RawWsClient("subjects=" + subject, Tokens.viewer());
                WsClient fast = WsClient.connect(vertx, "subjects=" + subject, Tokens.viewer())) {
            assertThat(fast.await("subscribed", n -> true, Duration.ofSeconds(10)))
                    .isNotNull();

            // about 5 MB/s: a reading client keeps up, the one that reads nothing fills its queue
            for (int i = 0; i < EVENTS; i++) {
                events.sendAsync("vm.events", "vm.vm.updated", subject, payload);
                Thread.sleep(20);
            }
            events.flush();

            assertThat(fast.events(subject, EVENTS, Duration.ofSeconds(60))).hasSize(EVENTS);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(metrics.droppedCount(Transport.WEBSOCKET, DropReason.OVERFLOW))
                            .isEqualTo(droppedBefore + 1));
            given().when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString(
                            "realtime_clients_dropped_total{reason=\"overflow\",transport=\"websocket\"}"));

            assertThat(slow.readUntilClose()).startsWith("1008 slow client: more than 16 messages waiting");
            assertThat(fast.closed()).isFalse();
        }
    }

    /** A queue of 16 messages, so that overflowing it takes little data; no idle closing meanwhile. */
    public static class SmallQueues implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "infra.realtime.connections.queue-capacity",
                    "16",
                    "infra.realtime.connections.idle-timeout",
                    "120s");
        }
    }
}
