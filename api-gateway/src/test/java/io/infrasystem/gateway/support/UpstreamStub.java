package io.infrasystem.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the services behind the gateway: a Vert.x HTTP server on a random port that the
 * routes {@code vm}, {@code inventory}, {@code realtime} and {@code cert} point to. It answers
 * every request with what it received, as JSON: {@code method}, {@code path}, {@code query},
 * {@code authorization}, {@code api_key}, {@code request_id}, {@code forwarded_for},
 * {@code forwarded_proto}, {@code forwarded_host}, {@code forwarded_prefix}, {@code forwarded_port},
 * {@code forwarded} (the RFC 7239 header), {@code bytes} (body length) and {@code sha256} (of the
 * body, read as a stream). The query strings of requests it read to the end are kept
 * ({@link #COMPLETED_PATH}), so a test can check that a refused request never reached it whole. Paths under
 * {@code /api/vm/slow} never answer (504 test). WebSocket upgrades are accepted and the first frame
 * sent is the JSON of the upgrade request. The route {@code mail} points to a port nothing listens
 * on (a stopped service).
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    /** Answers {@code {"completed": true|false}} for {@code ?query=<a query string>}, asked directly (not through the gateway). */
    public static final String COMPLETED_PATH = "/__stub/completed";

    private static final Set<String> COMPLETED = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .webSocketHandler(ws -> {
                    JsonObject seen = new JsonObject()
                            .put("path", ws.path())
                            .put("query", ws.query())
                            .put("authorization", ws.headers().get("Authorization"))
                            .put("protocol", ws.headers().get("Sec-WebSocket-Protocol"));
                    ws.writeTextMessage(seen.encode());
                })
                .requestHandler(UpstreamStub::handle);
        try {
            server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            String url = "http://127.0.0.1:" + server.actualPort();
            boolean bench = Boolean.getBoolean("gateway.bench");
            return Map.ofEntries(
                    Map.entry("gateway.bench.upstream-url", url),
                    Map.entry("infra.gateway.routes.vm.url", url),
                    Map.entry("infra.gateway.routes.inventory.url", url),
                    Map.entry("infra.gateway.routes.realtime.url", url),
                    Map.entry("infra.gateway.routes.cert.url", url),
                    Map.entry("infra.gateway.routes.mail.url", "http://127.0.0.1:" + closed),
                    Map.entry("infra.gateway.upstream.idle-timeout", "3s"),
                    Map.entry("infra.gateway.rate-limit.principal", bench ? "1000000000" : "60"),
                    Map.entry("infra.gateway.rate-limit.own-endpoints", "1000"),
                    Map.entry("infra.keycloak.clock-skew", "0s"));
        } catch (Exception e) {
            throw new IllegalStateException("Upstream stub did not start", e);
        }
    }

    private static void handle(HttpServerRequest request) {
        if (request.path().startsWith("/api/vm/slow")) {
            return;
        }
        if (request.path().equals(COMPLETED_PATH)) {
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put("completed", COMPLETED.contains(request.getParam("query")))
                            .encode());
            return;
        }
        if (request.path().equals("/api/vm/ping") || request.path().equals("/__bench/jwks")) {
            BenchEndpoint.handle(request);
            return;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] bytes = {0};
        request.handler(buffer -> {
            bytes[0] += buffer.length();
            digest.update(buffer.getBytes());
        });
        request.endHandler(v -> {
            if (request.query() != null) {
                COMPLETED.add(request.query());
            }
            JsonObject seen = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("api_key", request.getHeader("X-API-Key"))
                    .put("request_id", request.getHeader("X-Request-ID"))
                    .put("forwarded_for", request.getHeader("X-Forwarded-For"))
                    .put("forwarded_proto", request.getHeader("X-Forwarded-Proto"))
                    .put("forwarded_host", request.getHeader("X-Forwarded-Host"))
                    .put("forwarded_prefix", request.getHeader("X-Forwarded-Prefix"))
                    .put("forwarded_port", request.getHeader("X-Forwarded-Port"))
                    .put("forwarded", request.getHeader("Forwarded"))
                    .put("bytes", bytes[0])
                    .put("sha256", HexFormat.of().formatHex(digest.digest()));
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-ID", String.valueOf(request.getHeader("X-Request-ID")))
                    .end(seen.encode());
        });
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
