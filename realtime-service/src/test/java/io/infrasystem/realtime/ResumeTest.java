package io.infrasystem.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.realtime.support.SseClient;
import io.infrasystem.realtime.support.Tokens;
import io.infrasystem.realtime.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResumeTest extends LiveEventsTest {

    @Test
    void webSocketReconnectingWithACursorGetsExactlyTheMissedEvents() throws Exception {
        String subject = "vm-" + UUID.randomUUID();
        String cursor;
        WsClient watcher = watch(subject);
        try (WsClient first = WsClient.connect(vertx, "types=vm.*&subjects=" + subject, Tokens.viewer())) {
            // the subscription is live once confirmed; an event sent before that may pass it by
            assertThat(first.await("subscribed", n -> true, WAIT)).isNotNull();
            events.send("vm.events", "vm.vm.updated", subject, "{\"n\":1}");
            events.send("vm.events", "vm.vm.updated", subject, "{\"n\":2}");
            List<JsonNode> seen = first.events(subject, 2, WAIT);
            assertThat(seen).hasSize(2);
            cursor = seen.get(1).path("cursor").asText();
        }
        for (int n = 3; n <= 5; n++) {
            events.send("vm.events", "vm.vm.updated", subject, "{\"n\":" + n + "}");
        }
        assertThat(watcher.events(subject, 5, WAIT)).hasSize(5);
        watcher.close();

        try (WsClient again =
                WsClient.connect(vertx, "types=vm.*&subjects=" + subject + "&resume_from=" + cursor, Tokens.viewer())) {
            List<JsonNode> missed = again.events(subject, 4, Duration.ofSeconds(3));
            assertThat(missed).extracting(n -> n.path("data").path("n").asInt()).containsExactly(3, 4, 5);
            events.send("vm.events", "vm.vm.updated", subject, "{\"n\":6}");
            assertThat(again.events(subject, 1, WAIT))
                    .extracting(n -> n.path("data").path("n").asInt())
                    .containsExactly(6);
            assertThat(again.await("reset", n -> true, Duration.ZERO)).isNull();
        }
    }

    @Test
    void sseReconnectingWithLastEventIdGetsExactlyTheMissedEvents() throws Exception {
        String subject = "asset-" + UUID.randomUUID();
        String lastEventId;
        WsClient watcher = watch(subject);
        try (SseClient first = new SseClient("subjects=" + subject, Tokens.viewer(), null)) {
            events.send("inventory.events", "inventory.asset.moved", subject, "{\"n\":1}");
            lastEventId =
                    first.events(subject, 1, WAIT).getFirst().path("sse_id").asText();
        }
        events.send("inventory.events", "inventory.asset.moved", subject, "{\"n\":2}");
        events.send("inventory.events", "inventory.asset.moved", subject, "{\"n\":3}");
        assertThat(watcher.events(subject, 3, WAIT)).hasSize(3);
        watcher.close();

        try (SseClient again = new SseClient("subjects=" + subject, Tokens.viewer(), lastEventId)) {
            assertThat(again.events(subject, 3, Duration.ofSeconds(3)))
                    .extracting(n -> n.path("data").path("n").asInt())
                    .containsExactly(2, 3);
        }
    }

    @Test
    void cursorOlderThanTheReplayBufferGetsAnExplicitReset() throws Exception {
        String subject = "vm-" + UUID.randomUUID();
        String cursor;
        try (WsClient first = WsClient.connect(vertx, "subjects=" + subject, Tokens.viewer())) {
            events.send("vm.events", "vm.vm.updated", subject, "{}");
            cursor = first.events(subject, 1, WAIT).getFirst().path("cursor").asText();
        }
        // the test profile keeps 300 events: 400 more push the cursor out of the buffer
        String filler = "filler-" + UUID.randomUUID();
        WsClient watcher = watch(filler);
        for (int i = 0; i < 400; i++) {
            events.sendAsync("vm.events", "vm.vm.updated", filler, "{}");
        }
        events.flush();
        assertThat(watcher.events(filler, 400, WAIT)).hasSize(400);
        watcher.close();

        try (WsClient again =
                WsClient.connect(vertx, "subjects=" + subject + "&resume_from=" + cursor, Tokens.viewer())) {
            JsonNode reset = again.await("reset", n -> true, WAIT);
            assertThat(reset).isNotNull();
            assertThat(reset.path("reason").asText()).contains(cursor);
            assertThat(reset.path("cursor").asText()).matches("[a-z0-9]+-\\d+");
            assertThat(again.events(subject, 1, Duration.ofMillis(500))).isEmpty();
        }
        try (WsClient foreign = WsClient.connect(vertx, "resume_from=zz0other-12", Tokens.viewer());
                SseClient sse = new SseClient("", Tokens.viewer(), "zz0other-12")) {
            assertThat(foreign.await("reset", n -> true, WAIT)).isNotNull();
            assertThat(sse.await("reset", n -> true, WAIT)).isNotNull();
        }
    }

    /** Opens a client that sees the subject's events: once it has them, they are in the replay buffer too. */
    private WsClient watch(String subject) throws Exception {
        WsClient watcher = WsClient.connect(vertx, "subjects=" + subject, Tokens.admin());
        assertThat(watcher.await("subscribed", n -> true, WAIT)).isNotNull();
        return watcher;
    }
}
