package io.infrasystem.realtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.realtime.support.Tokens;
import io.infrasystem.realtime.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.UpgradeRejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 8: {@code events:read} alone received every event but {@code mail.*} and
 * {@code gateway.*}, {@code vm.system_api.*} included, and streams outlived their credential.
 */
@QuarkusTest
class StreamAuthorizationTest extends LiveEventsTest {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Test
    void serviceEventsNeedThatServicesReadScopeAndSystemApiEventsAreAdminOnly() throws Exception {
        String subject = "s-" + UUID.randomUUID();
        String query = "subjects=" + subject;
        try (WsClient eventsOnly = WsClient.connect(vertx, query, TestTokens.apiKey("key:o/only", "events:read"));
                WsClient vmReader =
                        WsClient.connect(vertx, query, TestTokens.apiKey("key:o/vm", "events:read", "vm:read"));
                WsClient viewer = WsClient.connect(vertx, query, Tokens.viewer());
                WsClient admin = WsClient.connect(vertx, query, Tokens.admin())) {
            for (WsClient client : List.of(eventsOnly, vmReader, viewer, admin)) {
                assertThat(client.await("subscribed", n -> true, WAIT)).isNotNull();
            }
            events.send("vm.events", "vm.system_api.updated", subject, "{\"entity\":{\"url\":\"https://n8n/hook\"}}");
            events.send("inventory.events", "inventory.asset.moved", subject, "{}");
            events.send("vm.events", "vm.vm.deleted", subject, "{}");

            assertThat(types(admin.events(subject, 3, WAIT)))
                    .containsExactlyInAnyOrder("vm.system_api.updated", "inventory.asset.moved", "vm.vm.deleted");
            assertThat(types(viewer.events(subject, 3, QUIET)))
                    .containsExactlyInAnyOrder("inventory.asset.moved", "vm.vm.deleted");
            assertThat(types(vmReader.events(subject, 3, QUIET))).containsExactly("vm.vm.deleted");
            assertThat(eventsOnly.events(subject, 1, QUIET)).isEmpty();
        }
    }

    @Test
    void aStreamClosesWhenItsTokenExpiresAndTheClientResumesWithItsCursor() throws Exception {
        String subject = "t-" + UUID.randomUUID();
        String viewerGroups = "types=vm.*&subjects=" + subject;
        Set<String> groups = Scopes.groupsForRoles(Set.of(Scopes.VIEWER));
        String cursor;
        // The token must outlive connecting, subscribing and one event's trip through Kafka on a busy
        // machine (seconds); the test then waits for its expiry, however long that takes to be seen.
        try (WsClient shortLived = WsClient.connect(
                vertx, viewerGroups, TestTokens.userValidFor("tess", groups, Duration.ofSeconds(20)))) {
            assertThat(shortLived.await("subscribed", n -> true, WAIT)).isNotNull();
            events.send("vm.events", "vm.vm.updated", subject, "{\"n\":1}");
            cursor = shortLived
                    .events(subject, 1, WAIT)
                    .getFirst()
                    .path("cursor")
                    .asText();
            // test profile: the keepalive tick (1 s) closes it once the token has expired
            await().atMost(Duration.ofSeconds(60)).until(shortLived::closed);
            assertThat(shortLived.closeStatus()).isEqualTo((short) 1001);
            assertThat(shortLived.closeReason()).startsWith("token expired");
        }
        events.send("vm.events", "vm.vm.updated", subject, "{\"n\":2}");
        try (WsClient resumed =
                WsClient.connect(vertx, viewerGroups + "&resume_from=" + cursor, TestTokens.user("tess", groups))) {
            assertThat(resumed.events(subject, 1, WAIT))
                    .extracting(n -> n.path("data").path("n").asInt())
                    .containsExactly(2);
        }
    }

    @Test
    void aPrincipalGetsAtMostTheConfiguredNumberOfOpenStreams() throws Exception {
        String token = TestTokens.apiKey("key:o/capped-" + UUID.randomUUID(), "events:read", "vm:read");
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) { // test profile: 5 per principal
                WsClient client = WsClient.connect(vertx, "types=vm.*", token);
                open.add(client);
                assertThat(client.await("subscribed", n -> true, WAIT)).isNotNull();
            }
            assertThatThrownBy(() -> WsClient.connect(vertx, "types=vm.*", token))
                    .isInstanceOfSatisfying(
                            UpgradeRejectedException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(429));
            given().accept("text/event-stream")
                    .header("Authorization", token)
                    .when()
                    .get("/api/realtime/stream")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json");
            try (WsClient other = WsClient.connect(vertx, "types=vm.*", Tokens.viewer())) {
                assertThat(other.await("subscribed", n -> true, WAIT))
                        .as("another principal")
                        .isNotNull();
            }
            open.removeFirst().close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (WsClient again = WsClient.connect(vertx, "types=vm.*", token)) {
                    assertThat(again.await("subscribed", n -> true, WAIT)).isNotNull();
                }
            });
        } finally {
            open.forEach(WsClient::close);
        }
    }

    private static List<String> types(List<JsonNode> received) {
        return received.stream().map(n -> n.path("type").asText()).toList();
    }
}
