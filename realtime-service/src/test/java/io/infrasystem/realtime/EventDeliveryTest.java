package io.infrasystem.realtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.realtime.fanout.DropReason;
import io.infrasystem.realtime.fanout.RealtimeMetrics;
import io.infrasystem.realtime.fanout.Transport;
import io.infrasystem.realtime.support.RawWsClient;
import io.infrasystem.realtime.support.SseClient;
import io.infrasystem.realtime.support.Tokens;
import io.infrasystem.realtime.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventDeliveryTest extends LiveEventsTest {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Inject
    RealtimeMetrics metrics;

    @Test
    void eventReachesWebSocketAndSseClientsWhoseSubscriptionMatchesAndNoOneElse() throws Exception {
        String vmId = "vm-" + UUID.randomUUID();
        String assetId = "asset-" + UUID.randomUUID();
        try (WsClient vmWatcher = WsClient.connect(vertx, "types=vm.*&subjects=" + vmId, Tokens.viewer());
                WsClient assetWatcher = WsClient.connect(vertx, "types=inventory.asset.*", Tokens.viewer());
                SseClient sseVmWatcher = new SseClient("types=vm.vm.updated", Tokens.viewer(), null)) {
            assertThat(vmWatcher.await("subscribed", n -> true, WAIT)).isNotNull();
            assertThat(sseVmWatcher.await("subscribed", n -> true, WAIT)).isNotNull();

            String id = events.send(
                    "vm.events", "vm.vm.updated", vmId, "{\"entity\":{\"name\":\"db01\",\"power_state\":\"off\"}}");

            JsonNode received = vmWatcher.events(vmId, 1, WAIT).getFirst();
            assertThat(received.path("id").asText()).isEqualTo(id);
            assertThat(received.path("type").asText()).isEqualTo("vm.vm.updated");
            assertThat(received.path("source").asText()).isEqualTo("/infra-system/realtime-test");
            assertThat(received.path("time").asText()).isNotBlank();
            assertThat(received.path("data").path("entity").path("power_state").asText())
                    .isEqualTo("off");
            assertThat(received.path("cursor").asText()).matches("[a-z0-9]+-\\d+");
            JsonNode overSse = sseVmWatcher.events(vmId, 1, WAIT).getFirst();
            assertThat(overSse.path("id").asText()).isEqualTo(id);
            assertThat(overSse.path("sse_id").asText())
                    .isEqualTo(overSse.path("cursor").asText());

            events.send("inventory.events", "inventory.asset.moved", assetId, "{\"entity\":{\"rack\":\"R2\"}}");
            assertThat(assetWatcher.events(assetId, 1, WAIT)).hasSize(1);
            assertThat(assetWatcher.events(vmId, 1, QUIET))
                    .as("vm event outside the subscription")
                    .isEmpty();
            assertThat(vmWatcher.events(assetId, 1, QUIET)).isEmpty();
        }
    }

    @Test
    void viewerDoesNotReceiveMailEventsButAdminDoes() throws Exception {
        String subject = "msg-" + UUID.randomUUID();
        try (WsClient viewer = WsClient.connect(vertx, "subjects=" + subject, Tokens.viewer());
                WsClient admin = WsClient.connect(vertx, "subjects=" + subject, Tokens.admin());
                SseClient sseViewer = new SseClient("subjects=" + subject, Tokens.viewer(), null)) {
            assertThat(sseViewer.await("subscribed", n -> true, WAIT)).isNotNull();
            events.send("mail.events", "mail.message.sent", subject, "{\"entity\":{\"to\":\"ops@example.com\"}}");
            events.send("vm.events", "vm.vm.created", subject, "{}");

            assertThat(admin.events(subject, 2, WAIT))
                    .extracting(n -> n.path("type").asText())
                    .containsExactlyInAnyOrder("mail.message.sent", "vm.vm.created");
            assertThat(viewer.events(subject, 2, Duration.ofSeconds(5)))
                    .extracting(n -> n.path("type").asText())
                    .containsExactly("vm.vm.created");
            assertThat(sseViewer.events(subject, 2, Duration.ofSeconds(5)))
                    .extracting(n -> n.path("type").asText())
                    .containsExactly("vm.vm.created");
        }
    }

    @Test
    void connectionWithoutAValidTokenIsRefusedAtTheUpgrade() {
        assertThatThrownBy(() -> WsClient.connect(vertx, "", null))
                .isInstanceOfSatisfying(
                        UpgradeRejectedException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(401));
        assertThatThrownBy(() -> WsClient.connect(vertx, "", TestTokens.forged("root", Set.of("admin"))))
                .isInstanceOfSatisfying(
                        UpgradeRejectedException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(401));
        assertThatThrownBy(() -> WsClient.connect(vertx, "", TestTokens.expired("vera", Set.of("events:read"))))
                .isInstanceOfSatisfying(
                        UpgradeRejectedException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(401));
        assertThatThrownBy(() -> WsClient.connect(vertx, "", TestTokens.apiKey("sync-bot", "vm:sync")))
                .isInstanceOfSatisfying(
                        UpgradeRejectedException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(403));

        given().accept("text/event-stream")
                .when()
                .get("/api/realtime/stream")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().accept("text/event-stream")
                .header("Authorization", TestTokens.apiKey("sync-bot", "vm:sync"))
                .when()
                .get("/api/realtime/stream")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void apiKeyWithEventsReadAndVmReadReceivesTheVmEventsAViewerReceives() throws Exception {
        String subject = "vm-" + UUID.randomUUID();
        try (WsClient key = WsClient.connect(
                vertx, "subjects=" + subject, TestTokens.apiKey("dashboard", "events:read", "vm:read"))) {
            assertThat(key.await("subscribed", n -> true, WAIT)).isNotNull();
            events.send("gateway.events", "gateway.api_key.created", subject, "{}");
            events.send("vm.events", "vm.vm.deleted", subject, "{}");
            assertThat(key.events(subject, 2, Duration.ofSeconds(5)))
                    .extracting(n -> n.path("type").asText())
                    .containsExactly("vm.vm.deleted");
        }
    }

    @Test
    void malformedConnectParametersAreAProblemBeforeAnyUpgrade() throws Exception {
        given().header("Authorization", Tokens.viewer())
                .queryParam("types", "vm.<script>")
                .queryParam("resume_from", "yesterday")
                .when()
                .get("/api/realtime/ws")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("types"))
                .body("errors.field", hasItem("resume_from"));
        given().header("Authorization", Tokens.viewer())
                .accept("text/event-stream")
                .queryParam("types", "a b")
                .when()
                .get("/api/realtime/stream")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("types"));
        assertThatThrownBy(() -> WsClient.connect(vertx, "types=vm.%3Cx%3E", Tokens.viewer()))
                .isInstanceOfSatisfying(
                        UpgradeRejectedException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(400));
    }

    @Test
    void subscriptionChangesByMessageAreConfirmedAndTakeEffect() throws Exception {
        String subject = "cert-" + UUID.randomUUID();
        try (WsClient client = WsClient.connect(vertx, "types=nothing.yet&subjects=" + subject, Tokens.viewer())) {
            JsonNode initial = client.await("subscribed", n -> true, WAIT);
            assertThat(initial.path("types").toString()).isEqualTo("[\"nothing.yet\"]");

            client.send("{\"action\":\"subscribe\",\"types\":[\"cert.*\"]}");
            JsonNode widened = client.await("subscribed", n -> n.path("types").size() == 2, WAIT);
            assertThat(widened.path("types").toString()).isEqualTo("[\"nothing.yet\",\"cert.*\"]");
            events.send("cert.events", "cert.certificate.renewed", subject, "{}");
            assertThat(client.events(subject, 1, WAIT)).hasSize(1);

            client.send("{\"action\":\"unsubscribe\",\"types\":[\"cert.*\"]}");
            assertThat(client.await("subscribed", n -> n.path("types").size() == 1, WAIT))
                    .isNotNull();
            events.send("cert.events", "cert.certificate.expired", subject, "{}");
            assertThat(client.events(subject, 1, QUIET)).isEmpty();

            client.send("not json");
            assertThat(client.await("error", n -> n.path("detail").asText().contains("JSON"), WAIT))
                    .isNotNull();
            client.send("{\"action\":\"subscribe\",\"types\":[\"bad pattern\"]}");
            assertThat(client.await("error", n -> n.path("detail").asText().contains("bad pattern"), WAIT))
                    .isNotNull();
            client.send("{\"action\":\"watch\"}");
            assertThat(client.await("error", n -> n.path("detail").asText().contains("watch"), WAIT))
                    .isNotNull();
        }
    }

    @Test
    void eventsOfATopicCreatedAfterStartAreDelivered() throws Exception {
        String topic = "test-" + UUID.randomUUID() + ".events";
        String subject = "new-" + UUID.randomUUID();
        try (WsClient client = WsClient.connect(vertx, "subjects=" + subject, Tokens.admin())) {
            events.send(topic, "test.thing.created", subject, "{\"n\":1}");
            assertThat(client.events(subject, 1, Duration.ofSeconds(30)))
                    .as("event of the new topic")
                    .hasSize(1);
        }
    }

    @Test
    void webSocketThatAnswersNoPingsIsClosedAfterTheIdleTimeout() throws Exception {
        double before = metrics.droppedCount(Transport.WEBSOCKET, DropReason.IDLE);
        try (RawWsClient silent = new RawWsClient("types=none", Tokens.viewer());
                WsClient alive = WsClient.connect(vertx, "types=none", Tokens.viewer())) {
            // test profile: pings every second, idle timeout 4 s; the raw client never answers
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(metrics.droppedCount(Transport.WEBSOCKET, DropReason.IDLE))
                            .isEqualTo(before + 1));
            assertThat(silent.readUntilClose()).startsWith("1001 idle");
            assertThat(alive.closed()).as("a client that answers pings stays").isFalse();
        }
    }

    @Test
    void metricsCountClientsByTransportEventsAndLag() throws Exception {
        String subject = "m-" + UUID.randomUUID();
        try (WsClient ws = WsClient.connect(vertx, "subjects=" + subject, Tokens.viewer());
                SseClient sse = new SseClient("subjects=" + subject, Tokens.viewer(), null)) {
            assertThat(sse.await("subscribed", n -> true, WAIT)).isNotNull();
            events.send("vm.events", "vm.vm.updated", subject, "{}");
            assertThat(ws.events(subject, 1, WAIT)).hasSize(1);
            assertThat(sse.events(subject, 1, WAIT)).hasSize(1);
            assertThat(metrics.clients(Transport.WEBSOCKET)).isGreaterThanOrEqualTo(1);
            assertThat(metrics.clients(Transport.SSE)).isGreaterThanOrEqualTo(1);
            given().when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("realtime_clients{transport=\"websocket\"}"))
                    .body(containsString("realtime_clients{transport=\"sse\"}"))
                    .body(containsString("realtime_events_received_total"))
                    .body(containsString("realtime_events_pushed_total{transport=\"sse\"}"))
                    .body(containsString("realtime_consumer_lag"))
                    .body(containsString("realtime_replay_buffered"));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics.clients(Transport.SSE) == 0 && metrics.clients(Transport.WEBSOCKET) == 0);
    }
}
