package io.infrasystem.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A browser's live-update connection: a WebSocket to {@code /api/realtime/ws} through the gateway,
 * authenticated with the Keycloak token in the {@code access_token} query parameter (as browsers
 * must, having no way to set headers on an upgrade). Collects the {@code kind = event} messages
 * (CloudEvent attributes and data, see docs/services/realtime-service.md).
 */
final class EventSocket implements AutoCloseable {

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<JsonNode> subscribed = new CompletableFuture<>();
    private final WebSocket socket;

    private EventSocket(String gatewayUrl, String token, String types) throws Exception {
        URI uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/api/realtime/ws?types=" + Http.encode(types)
                + "&access_token=" + Http.encode(token));
        socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener())
                .get(20, TimeUnit.SECONDS);
    }

    /**
     * Connects and waits for the server's {@code subscribed} confirmation.
     *
     * @param types comma-separated type patterns, e.g. {@code vm.vm.*,inventory.asset.*}
     * @return the open connection
     */
    static EventSocket open(String gatewayUrl, String token, String types) throws Exception {
        EventSocket socket = new EventSocket(gatewayUrl, token, types);
        socket.subscribed.get(20, TimeUnit.SECONDS);
        return socket;
    }

    /**
     * Waits for events until {@code done} holds for all received so far (in arrival order).
     *
     * @return every event received meanwhile, matching or not
     * @throws AssertionError after {@code timeout}, listing what did arrive
     */
    List<JsonNode> awaitUntil(Duration timeout, Predicate<List<JsonNode>> done) throws InterruptedException {
        List<JsonNode> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            long left = deadline - System.nanoTime();
            JsonNode event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                throw new AssertionError("events not complete after " + timeout + "; received " + summary(received));
            }
            received.add(event);
        }
        return received;
    }

    /** @return the events that arrive within {@code window} (a quiet period check) */
    List<JsonNode> collectFor(Duration window) throws InterruptedException {
        List<JsonNode> received = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            JsonNode event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null) {
                received.add(event);
            }
        }
        return received;
    }

    /** @return "type subject" of each event, for messages */
    static List<String> summary(List<JsonNode> events) {
        return events.stream()
                .map(e -> e.path("type").asText() + " " + e.path("subject").asText())
                .toList();
    }

    @Override
    public String toString() {
        return "subscribed " + subscribed.getNow(null);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
                .orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = Http.JSON.readTree(text);
                    switch (message.path("kind").asText()) {
                        case "event" -> events.add(message);
                        case "subscribed" -> subscribed.complete(message);
                        default -> System.out.println("  realtime: " + text);
                    }
                } catch (JsonProcessingException e) {
                    System.out.println("  realtime: not JSON: " + text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            subscribed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            subscribed.completeExceptionally(error);
        }
    }
}
