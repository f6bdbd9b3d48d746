package io.infrasystem.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PublicBase} on real Vert.x requests: a server applies it and answers with the forwarding
 * headers it left on the request.
 */
class PublicBaseTest {

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void withoutAConfiguredUrlTheBaseIsTheSchemeAndHostTheClientUsedAndClientHeadersAreDropped() throws Exception {
        JsonObject seen = forwarded(
                new PublicBase(Optional.empty()),
                Map.of(
                        "Host", "gateway.example:8080",
                        "X-Forwarded-Host", "evil.example",
                        "X-Forwarded-Proto", "https",
                        "X-Forwarded-Prefix", "/evil",
                        "X-Forwarded-Port", "666",
                        "X-Forwarded-For", "6.6.6.6",
                        "Forwarded", "for=6.6.6.6;host=evil.example;proto=https"));
        assertThat(seen.getMap())
                .containsEntry("X-Forwarded-Proto", "http")
                .containsEntry("X-Forwarded-Host", "gateway.example:8080")
                .containsEntry("X-Forwarded-For", "10.0.0.7")
                .doesNotContainKeys("X-Forwarded-Prefix", "X-Forwarded-Port", "Forwarded");
    }

    @Test
    void aDefaultPortIsNotRepeated() throws Exception {
        JsonObject seen = forwarded(new PublicBase(Optional.empty()), Map.of("Host", "gateway.example:80"));
        assertThat(seen.getString("X-Forwarded-Host")).isEqualTo("gateway.example");
    }

    @Test
    void aConfiguredPublicUrlTakesPrecedence() throws Exception {
        JsonObject seen = forwarded(
                new PublicBase(Optional.of(URI.create("https://infra.example.com:8443/infra/"))),
                Map.of("Host", "127.0.0.1:8080", "X-Forwarded-Prefix", "/evil"));
        assertThat(seen.getMap())
                .containsEntry("X-Forwarded-Proto", "https")
                .containsEntry("X-Forwarded-Host", "infra.example.com:8443")
                .containsEntry("X-Forwarded-Prefix", "/infra");
    }

    @Test
    void aPublicUrlThatIsNoHttpBaseIsRefused() {
        for (String bad : new String[] {"ftp://infra.example.com", "https://infra.example.com/?a=1", "/infra"}) {
            assertThatThrownBy(() -> new PublicBase(Optional.of(URI.create(bad))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("infra.public-url");
        }
    }

    /** Sends a request with {@code headers} to a server that applies {@code base}; returns the forwarding headers. */
    private JsonObject forwarded(PublicBase base, Map<String, String> headers) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            base.apply(request, "10.0.0.7");
            JsonObject seen = new JsonObject();
            for (String name : PublicBase.FORWARDING_HEADERS) {
                if (request.headers().contains(name)) {
                    seen.put(name, request.getHeader(name));
                }
            }
            request.response().end(seen.encode());
        });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        HttpClient client = vertx.createHttpClient();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost("127.0.0.1")
                .setPort(server.actualPort())
                .setURI("/api/vm/vms");
        headers.forEach(options::putHeader);
        return client.request(options)
                .compose(request -> request.send().compose(response -> response.body()))
                .map(body -> new JsonObject(body))
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }
}
