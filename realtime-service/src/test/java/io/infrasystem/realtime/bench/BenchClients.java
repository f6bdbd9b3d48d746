package io.infrasystem.realtime.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Many WebSocket clients on one Vert.x client that record the latency of every event they receive. */
final class BenchClients implements AutoCloseable {

    private final WebSocketClient client;
    private final List<ClientWebSocket> sockets = new ArrayList<>();
    private volatile LatencyRecorder recorder;

    BenchClients(Vertx vertx) {
        client = vertx.createWebSocketClient(
                new WebSocketClientOptions().setMaxConnections(20_000).setConnectTimeout(60_000));
    }

    void recordInto(LatencyRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * @param count how many clients
     * @param port server port
     * @param uri request URI of client {@code i}
     * @param authorization Authorization header, or null
     */
    void connect(int count, int port, IntFunction<String> uri, String authorization) throws Exception {
        int batch = 250;
        for (int from = 0; from < count; from += batch) {
            List<Future<Void>> pending = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++) {
                ClientWebSocket socket = client.webSocket();
                socket.textMessageHandler(text -> {
                    LatencyRecorder current = recorder;
                    long sent = current == null ? -1 : LatencyRecorder.sentNanos(text);
                    if (sent > 0) {
                        current.record(sent);
                    }
                });
                WebSocketConnectOptions options = new WebSocketConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI(uri.apply(i));
                if (authorization != null) {
                    options.addHeader("Authorization", authorization);
                }
                socket.exceptionHandler(failure -> {});
                sockets.add(socket);
                pending.add(socket.connect(options).mapEmpty());
            }
            Future.all(pending).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        List<Future<Void>> closing = new ArrayList<>();
        for (ClientWebSocket socket : sockets) {
            if (socket.isClosed() == Boolean.FALSE) {
                closing.add(socket.close());
            }
        }
        Future.join(closing).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        client.close();
    }
}
