package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.gateway.support.Keycloak;
import io.infrasystem.gateway.support.KeycloakDirectory;
import io.infrasystem.gateway.support.RawHttp;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
@QuarkusTestResource(KeycloakDirectory.class)
class EdgeProxyTest {

    @TestHTTPResource("/")
    URL base;

    /** Any URL of the management interface: only its host and port are used. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aRealmUsersTokenReachesTheServiceAsAnInternalTokenNamingThatUser() {
        String authorization = given().header("Authorization", Keycloak.bearer("dev-editor"))
                .when()
                .get("/api/vm/vms?limit=5")
                .then()
                .statusCode(200)
                .body("path", equalTo("/api/vm/vms"))
                .body("query", equalTo("limit=5"))
                .body("forwarded_for", startsWith("127.0.0.1"))
                .extract()
                .path("authorization");
        Map<String, Object> claims = InternalTokenAssert.verify(authorization.substring("Bearer ".length()));
        assertThat(claims)
                .containsEntry("sub", "dev-editor")
                .containsEntry("preferred_username", "dev-editor")
                .containsEntry("principal_type", "user")
                .doesNotContainKey("acts_for");
        @SuppressWarnings("unchecked")
        List<String> groups = (List<String>) claims.get("groups");
        assertThat(groups)
                .contains("editor", "viewer", "vm:write", "vm:sync", "vm:read")
                .doesNotContain("admin", "mail:send");
    }

    @Test
    void internalTokensAreCachedPerPrincipal() {
        String bearer = Keycloak.bearer("dev-viewer");
        String first = InternalTokenAssert.forwardedAuthorization("Authorization", bearer, "/api/cert/certificates");
        String second = InternalTokenAssert.forwardedAuthorization("Authorization", bearer, "/api/cert/domains");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void requestIdIsPropagatedToTheServiceAndBackOrGenerated() {
        given().header("X-API-Key", readKey())
                .header("X-Request-ID", "trace-42.a")
                .when()
                .get("/api/inventory/assets")
                .then()
                .statusCode(200)
                .header("X-Request-ID", "trace-42.a")
                .body("request_id", equalTo("trace-42.a"));
        String generated = given().header("X-API-Key", readKey())
                .header("X-Request-ID", "bad id with spaces")
                .when()
                .get("/api/inventory/assets")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-ID");
        assertThat(generated).matches("[0-9a-f-]{36}");
    }

    @Test
    void requestsWithoutAValidCredentialAre401Problems() {
        given().when()
                .get("/api/vm/vms")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer not-a-jwt")
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(401);
        given().header("X-API-Key", "isk_nothing")
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(401);
        given().when().get("/api/nowhere").then().statusCode(401);
        given().header("Authorization", Keycloak.bearer("dev-viewer"))
                .when()
                .get("/api/nowhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredKeycloakTokenIs401() throws Exception {
        String admin = Keycloak.adminToken();
        String clientId = "gw-test-short-" + System.nanoTime();
        Map<String, Object> client = Map.of(
                "clientId",
                clientId,
                "publicClient",
                true,
                "directAccessGrantsEnabled",
                true,
                "standardFlowEnabled",
                false,
                "attributes",
                Map.of("access.token.lifespan", "10"),
                "protocolMappers",
                List.of(Map.of(
                        "name",
                        "gateway-audience",
                        "protocol",
                        "openid-connect",
                        "protocolMapper",
                        "oidc-audience-mapper",
                        "config",
                        Map.of("included.custom.audience", "infra-gateway", "access.token.claim", "true"))));
        String location = given().baseUri(Keycloak.URL)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(client)
                .when()
                .post("/admin/realms/" + Keycloak.REALM + "/clients")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        try {
            String token = Keycloak.token(clientId, "dev-viewer");
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/vm/vms")
                    .then()
                    .statusCode(200);
            waitUntilExpired(token);
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/vm/vms")
                    .then()
                    .statusCode(401);
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/gateway/api-keys")
                    .then()
                    .statusCode(401);
        } finally {
            given().auth().oauth2(admin).when().delete(location).then().statusCode(204);
        }
    }

    /**
     * Sleeps until one second after the token's {@code exp} (the test profile allows no clock
     * skew), so the test decides when the token is expired instead of racing a short lifespan.
     */
    private static void waitUntilExpired(String token) throws InterruptedException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        long expiresAtMillis = new JsonObject(payload).getLong("exp") * 1000;
        long wait = expiresAtMillis + 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @Test
    void aStoppedServiceGivesA502ProblemNamingTheRouteQuickly() {
        long start = System.nanoTime();
        given().header("Authorization", Keycloak.bearer("dev-admin"))
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("'mail'"))
                .body("type", containsString("bad-gateway"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }

    @Test
    void aServiceThatDoesNotAnswerGivesA504ProblemNamingTheRoute() {
        long start = System.nanoTime();
        given().header("X-API-Key", readKey())
                .when()
                .get("/api/vm/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("detail", containsString("'vm'"));
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(2500L, 6000L);
    }

    @Test
    void aSixtyMegabyteBodyStreamsThroughUnchanged() throws Exception {
        Payload payload = new Payload(60L * 1024 * 1024);
        given().header("X-API-Key", syncKey())
                .contentType("application/octet-stream")
                .body(payload.stream())
                .when()
                .post("/api/vm/sync/runs")
                .then()
                .statusCode(200)
                .body("bytes", equalTo((int) payload.size))
                .body("sha256", equalTo(payload.sha256()));
    }

    @Test
    void aSixtyMegabyteBodyWithContentLengthReachesTheSyncRouteUnchanged() throws Exception {
        Payload payload = new Payload(60L * 1000 * 1000);
        long start = System.nanoTime();
        HttpResponse<String> response = postWithLength("/api/vm/sync/vmware?source=vc-60mb", syncKey(), payload, false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject seen = new JsonObject(response.body());
        assertThat(seen.getLong("bytes")).isEqualTo(payload.size);
        assertThat(seen.getString("sha256")).isEqualTo(payload.sha256());
        System.out.printf(
                "[edge] 60 MB (%d bytes) with Content-Length through the gateway: %d ms%n", payload.size, millis);

        HttpResponse<String> expecting =
                postWithLength("/api/vm/sync/vmware?source=vc-60mb-expect", syncKey(), payload, true);
        assertThat(expecting.statusCode())
                .as("with Expect: 100-continue, as curl sends it")
                .isEqualTo(200);
        assertThat(new JsonObject(expecting.body()).getString("sha256")).isEqualTo(payload.sha256());
    }

    @Test
    void tenMebibytesAndOneByteToAnOrdinaryRouteIs413AndNeverForwardedDeclaredOrChunked() throws Exception {
        long tooMuch = 10L * 1024 * 1024 + 1;
        for (String path : new String[] {"/api/vm/vms", "/api/vm/sync-runs"}) {
            String query = "probe=" + java.util.UUID.randomUUID();
            HttpResponse<String> declared = postWithLength(path + "?" + query, syncKey(), new Payload(tooMuch), true);
            assertThat(declared.statusCode()).as(path).isEqualTo(413);
            assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonObject problem = new JsonObject(declared.body());
            assertThat(problem.getString("type")).endsWith("/payload-too-large");
            assertThat(problem.getString("detail")).contains("'vm'", "10485760 bytes");
            assertThat(upstreamCompleted(query)).as(path).isFalse();

            String chunkedQuery = "probe=" + java.util.UUID.randomUUID();
            assertThat(chunkedPost(path + "?" + chunkedQuery, syncKey(), tooMuch))
                    .as(path)
                    .isEqualTo(413);
            assertThat(upstreamCompleted(chunkedQuery)).as(path).isFalse();
        }
        String exact = "probe=" + java.util.UUID.randomUUID();
        assertThat(chunkedPost("/api/vm/vms?" + exact, syncKey(), tooMuch - 1)).isEqualTo(200);
        assertThat(upstreamCompleted(exact)).isTrue();
    }

    @Test
    void theServiceGetsThePublicBaseTheClientUsedAndNoForwardingHeaderOfTheClient() {
        given().header("X-API-Key", readKey())
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Port", "666")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6;host=evil.example;proto=https")
                .when()
                .get("/api/vm/vms?limit=1")
                .then()
                .statusCode(200)
                .body("forwarded_proto", equalTo("http"))
                .body("forwarded_host", equalTo(base.getHost() + ":" + base.getPort()))
                .body("forwarded_prefix", nullValue())
                .body("forwarded_port", nullValue())
                .body("forwarded", nullValue())
                .body("forwarded_for", equalTo("127.0.0.1"));
    }

    @Test
    void aBodyAboveTheRoutesCapIs413WhetherDeclaredOrChunked() throws Exception {
        given().header("X-API-Key", readKey())
                .contentType("application/octet-stream")
                .body(new byte[100 * 1024])
                .when()
                .post("/api/realtime/anything")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("'realtime'"));
        assertThat(chunkedPost("/api/realtime/anything", readKey(), 200 * 1024)).isEqualTo(413);
        assertThat(chunkedPost("/api/realtime/anything", readKey(), 10 * 1024)).isEqualTo(200);
    }

    @Test
    void aPrincipalOverItsRateLimitGets429WithRetryAfter() {
        String key = ApiKeyTest.create(
                        Keycloak.bearer("dev-admin"),
                        Map.of("name", ApiKeyTest.unique("flood"), "scopes", List.of("inventory:read")))
                .getString("secret");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 80 && limited == 0; i++) {
            var response = given().header("X-API-Key", key).when().get("/api/inventory/assets");
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                assertThat(response.contentType()).isEqualTo("application/problem+json");
            }
        }
        assertThat(limited).isEqualTo(1);
        assertThat(Long.parseLong(retryAfter)).isPositive();
    }

    @Test
    void corsPreflightFromAnUnknownOriginIsRefusedAndAllowedForAConfiguredOne() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when()
                .options("/api/vm/vms")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", (String) null);
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key,content-type")
                .when()
                .options("/api/vm/vms")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080");
    }

    @Test
    void aWebSocketUpgradeCarriesTheTokenOfTheQueryOrProtocolAsTheInternalToken() throws Exception {
        String token = Keycloak.token(Keycloak.CLIENT, "dev-viewer");
        Vertx vertx = Vertx.vertx();
        try {
            JsonObject byQuery = firstMessage(
                    vertx,
                    new WebSocketConnectOptions()
                            .setHost(base.getHost())
                            .setPort(base.getPort())
                            .setURI("/api/realtime/ws?access_token=" + token));
            Map<String, Object> claims = InternalTokenAssert.verify(
                    byQuery.getString("authorization").substring(7));
            assertThat(claims).containsEntry("preferred_username", "dev-viewer");

            JsonObject byProtocol = firstMessage(
                    vertx,
                    new WebSocketConnectOptions()
                            .setHost(base.getHost())
                            .setPort(base.getPort())
                            .setURI("/api/realtime/ws")
                            .addHeader("Sec-WebSocket-Protocol", "access_token." + token));
            assertThat(byProtocol.getString("authorization")).startsWith("Bearer ");
            assertThat(byProtocol.getString("protocol")).isNull();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        given().queryParam("access_token", token)
                .when()
                .get("/api/realtime/ws")
                .then()
                .statusCode(401);
    }

    @Test
    void anEventStreamRequestMayCarryTheTokenInTheQueryOtherRequestsMayNot() {
        String token = Keycloak.token(Keycloak.CLIENT, "dev-viewer");
        String authorization = given().header("Accept", "text/event-stream")
                .queryParam("access_token", token)
                .when()
                .get("/api/realtime/events")
                .then()
                .statusCode(200)
                .extract()
                .path("authorization");
        assertThat(InternalTokenAssert.verify(authorization.substring(7)))
                .containsEntry("preferred_username", "dev-viewer");
        given().header("Accept", "application/json")
                .queryParam("access_token", token)
                .when()
                .get("/api/realtime/events")
                .then()
                .statusCode(401);
    }

    @Test
    void everyRequestWritesOneJsonAccessLogLine() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.infrasystem.gateway.access");
        logger.addHandler(handler);
        try {
            given().header("X-API-Key", readKey())
                    .header("X-Request-ID", "log-check-1")
                    .when()
                    .get("/api/inventory/racks")
                    .then()
                    .statusCode(200);
            long deadline = System.currentTimeMillis() + 2000;
            while (lines.stream().noneMatch(l -> l.contains("log-check-1")) && System.currentTimeMillis() < deadline) {
                ApiKeyTest.sleep(20);
            }
        } finally {
            logger.removeHandler(handler);
        }
        JsonObject line = new JsonObject(lines.stream()
                .filter(l -> l.contains("log-check-1"))
                .findFirst()
                .orElseThrow());
        assertThat(line.getString("route")).isEqualTo("inventory");
        assertThat(line.getString("principal")).startsWith("key:dev-admin/edge-read-");
        assertThat(line.getString("principal_type")).isEqualTo("api_key");
        assertThat(line.getInteger("status")).isEqualTo(200);
        assertThat(line.getDouble("latency_ms")).isPositive();
        assertThat(line.getLong("bytes_out")).isPositive();
    }

    @Test
    void theDocsListEveryServicesOpenApiFetchedThroughItsRouteForAnAuthenticatedCaller() {
        given().when()
                .get("/api/docs/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("persistAuthorization: true"))
                .body(containsString("requestInterceptor: function(request)"));
        given().when().get("/q/openapi").then().statusCode(200);
        given().when()
                .get("/api/docs/openapi/vm?format=json")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", readKey())
                .when()
                .get("/api/docs/openapi/vm?format=json")
                .then()
                .statusCode(200)
                .body("path", equalTo("/q/openapi"))
                .body("query", equalTo("format=json"))
                .body("api_key", nullValue())
                .body("authorization", nullValue());
        given().header("X-API-Key", readKey())
                .when()
                .get("/api/docs/openapi/nothing")
                .then()
                .statusCode(404);
        given().when().get("/api/gateway/jwks").then().statusCode(200).body("keys.kty", hasItem("RSA"));
    }

    @Test
    void traversalEncodedDotsEmptySegmentsAndPathParametersAre400ProblemsThatNeverReachAService() throws Exception {
        String[] hostile = {
            "/api/vm/../../q/metrics",
            "/api/vm/%2e%2e/%2e%2e/q/metrics",
            "/api/vm/%2E%2E/q/health/ready",
            "/api/vm/.%2e/.%2e/q/openapi",
            "/api/vm/vms/%2f..%2f..%2fq/metrics",
            "/api/vm//vms",
            "/api/vm/vms;jsessionid=1",
            "/api/vm/./vms",
            "/api/docs/openapi/../../q/metrics",
            "/api/gateway/../q/metrics"
        };
        for (String path : hostile) {
            String probe = "probe=" + java.util.UUID.randomUUID();
            RawHttp.Reply reply = RawHttp.get(base, path + "?" + probe, Map.of("X-API-Key", readKey()));
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(new JsonObject(reply.body()).getString("detail"))
                    .as(path)
                    .startsWith("Path refused");
            assertThat(upstreamCompleted(probe)).as(path).isFalse();
        }
        RawHttp.Reply anonymous = RawHttp.get(base, "/api/vm/../../q/metrics", Map.of());
        assertThat(anonymous.status()).isEqualTo(400);
    }

    @Test
    void theGatewaysOwnHealthAndMetricsAreOnlyOnTheManagementInterface() {
        given().when().get("/q/metrics").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(401);
        given().header("X-API-Key", readKey())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String interfaceBase = "http://" + management.getHost() + ":" + management.getPort();
        assertThat(management.getPort()).isNotEqualTo(base.getPort());
        given().when()
                .get(interfaceBase + "/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().when().get(interfaceBase + "/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
    }

    /** Posts {@code size} zero bytes to {@code uri} in 64 KB chunks without Content-Length; returns the status. */
    private int chunkedPost(String uri, String key, long size) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            return vertx.createHttpClient()
                    .request(new io.vertx.core.http.RequestOptions()
                            .setMethod(io.vertx.core.http.HttpMethod.POST)
                            .setHost(base.getHost())
                            .setPort(base.getPort())
                            .setURI(uri)
                            .putHeader("X-API-Key", key))
                    .compose(request -> {
                        request.setChunked(true);
                        io.vertx.core.buffer.Buffer chunk = io.vertx.core.buffer.Buffer.buffer(new byte[64 * 1024]);
                        for (long sent = 0; sent < size; sent += chunk.length()) {
                            request.write(sent + chunk.length() <= size ? chunk : chunk.slice(0, (int) (size - sent)));
                        }
                        request.end();
                        return request.response().compose(r -> r.body().map(b -> r.statusCode()));
                    })
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Posts {@code payload} to {@code uri} with its {@code Content-Length}; with {@code expectContinue}
     * the body is only sent once the gateway asks for it (a refusal comes before it).
     */
    private HttpResponse<String> postWithLength(String uri, String key, Payload payload, boolean expectContinue)
            throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(uri))
                .timeout(Duration.ofSeconds(120))
                .header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .expectContinue(expectContinue)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(payload::stream), payload.size))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** @return whether the stub upstream received a request with this query string to its end */
    private static boolean upstreamCompleted(String query) {
        String upstream = ConfigProvider.getConfig().getValue("gateway.bench.upstream-url", String.class);
        return given().baseUri(upstream)
                .queryParam("query", query)
                .when()
                .get(UpstreamStub.COMPLETED_PATH)
                .then()
                .statusCode(200)
                .extract()
                .<Boolean>path("completed");
    }

    /** A body of {@code size} repeated pseudo-random bytes, generated while it is sent, and its SHA-256. */
    private static final class Payload {

        private final long size;
        private final byte[] block = new byte[64 * 1024];

        Payload(long size) {
            this.size = size;
            new Random(7).nextBytes(block);
        }

        String sha256() throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (long done = 0; done < size; done += block.length) {
                digest.update(block, 0, (int) Math.min(block.length, size - done));
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        InputStream stream() {
            return new InputStream() {
                long position;

                @Override
                public int read() {
                    return position < size ? block[(int) (position++ % block.length)] & 0xff : -1;
                }

                @Override
                public int read(byte[] target, int offset, int length) {
                    if (position >= size) {
                        return -1;
                    }
                    int index = (int) (position % block.length);
                    int count = (int) Math.min(Math.min(length, block.length - index), size - position);
                    System.arraycopy(block, index, target, offset, count);
                    position += count;
                    return count;
                }
            };
        }
    }

    private static JsonObject firstMessage(Vertx vertx, WebSocketConnectOptions options) throws Exception {
        return vertx.createHttpClient()
                .webSocket(options)
                .compose(ws -> {
                    io.vertx.core.Promise<JsonObject> first = io.vertx.core.Promise.promise();
                    ws.textMessageHandler(text -> first.tryComplete(new JsonObject(text)));
                    return first.future();
                })
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static String cachedReadKey;
    private static String cachedSyncKey;

    private static synchronized String readKey() {
        if (cachedReadKey == null) {
            cachedReadKey = ApiKeyTest.create(
                            Keycloak.bearer("dev-admin"),
                            Map.of(
                                    "name",
                                    ApiKeyTest.unique("edge-read"),
                                    "scopes",
                                    List.of("vm:read", "inventory:read", "events:read")))
                    .getString("secret");
        }
        return cachedReadKey;
    }

    private static synchronized String syncKey() {
        if (cachedSyncKey == null) {
            cachedSyncKey = ApiKeyTest.create(
                            Keycloak.bearer("dev-admin"),
                            Map.of("name", ApiKeyTest.unique("edge-sync"), "scopes", List.of("vm:sync")))
                    .getString("secret");
        }
        return cachedSyncKey;
    }
}
