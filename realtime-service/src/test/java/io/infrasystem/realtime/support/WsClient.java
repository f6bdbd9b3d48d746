package io.infrasystem.realtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket test client (Vert.x) that records every message and how the connection closed. */
public final class WsClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebSocketClient client;
    private final ClientWebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private volatile Short closeStatus;
    private volatile String closeReason;
    private volatile boolean closed;

    private WsClient(WebSocketClient client, ClientWebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            try {
                inbox.add(MAPPER.readTree(text));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        socket.closeHandler(ignored -> {
            closeStatus = socket.closeStatusCode();
            closeReason = socket.closeReason();
            closed = true;
        });
    }

    /**
     * @param vertx Vert.x
     * @param query query string without {@code ?}, may be empty
     * @param authorization the {@code Authorization} header value, or null
     * @return the connected client
     * @throws UpgradeRejectedException when the server refused the upgrade
     */
    public static WsClient connect(Vertx vertx, String query, String authorization) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(4 * 1024 * 1024)
                .setMaxMessageSize(8 * 1024 * 1024));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(RestAssured.port)
                .setURI("/api/realtime/ws" + (query.isEmpty() ? "" : "?" + query));
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        try {
            // handlers are in place before the upgrade, so the first message (the confirmation) is never missed
            WsClient ws = new WsClient(client, client.webSocket());
            ws.socket.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return ws;
        } catch (java.util.concurrent.ExecutionException e) {
            client.close();
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * @param kind message kind
     * @param filter further condition
     * @param timeout how long to wait
     * @return the first message received (or seen before) of that kind matching the filter, or null
     */
    public JsonNode await(String kind, Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
        for (JsonNode node : seen) {
            if (kind.equals(node.path("kind").asText()) && filter.test(node)) {
                seen.remove(node);
                return node;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode node = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (node == null) {
                break;
            }
            if (kind.equals(node.path("kind").asText()) && filter.test(node)) {
                return node;
            }
            seen.add(node);
        }
        return null;
    }

    /** @return the events (kind {@code event}) about {@code subject} received within {@code window} */
    public List<JsonNode> events(String subject, int wanted, Duration window) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (events.size() < wanted && System.nanoTime() < deadline) {
            JsonNode node = await("event", n -> subject.equals(n.path("subject").asText()),
                    Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (node != null) {
                events.add(node);
            }
        }
        return events;
    }

    /** @param json a message to send */
    public void send(String json) {
        socket.writeTextMessage(json);
    }

    /** Stops reading from the socket (TCP back-pressure reaches the server). */
    public void pause() {
        socket.pause();
    }

    /** Reads again, discarding what is received. */
    public void resumeDiscarding() {
        socket.textMessageHandler(text -> { });
        socket.resume();
    }

    /** @return whether the connection is closed */
    public boolean closed() {
        return closed;
    }

    /** @return the close status code received, or null */
    public Short closeStatus() {
        return closeStatus;
    }

    /** @return the close reason received, or null */
    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!closed) {
            socket.close();
        }
        client.close();
    }
}
