package io.infrasystem.realtime.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.TimeUnit;

/** A WebSocket test client (Vert.x) that records every message and how the connection closed. */
public final class WsClient extends MessageInbox implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebSocketClient client;
    private final ClientWebSocket socket;
    private volatile Short closeStatus;
    private volatile String closeReason;
    private volatile boolean closed;

    private WsClient(WebSocketClient client, ClientWebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            try {
                received(MAPPER.readTree(text));
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
     * @return the connected client, once the server confirmed its subscription
     * @throws UpgradeRejectedException when the server refused the upgrade
     */
    public static WsClient connect(Vertx vertx, String query, String authorization) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(
                new WebSocketClientOptions().setMaxFrameSize(4 * 1024 * 1024).setMaxMessageSize(8 * 1024 * 1024));
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(RestAssured.port)
                .setURI("/api/realtime/ws" + (query.isEmpty() ? "" : "?" + query));
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        try {
            // handlers are in place before the upgrade, so the first message (the confirmation) is never missed
            WsClient ws = new WsClient(client, client.webSocket());
            ws.socket.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ws.awaitSubscription();
            return ws;
        } catch (java.util.concurrent.ExecutionException e) {
            client.close();
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
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
        socket.textMessageHandler(text -> {});
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
