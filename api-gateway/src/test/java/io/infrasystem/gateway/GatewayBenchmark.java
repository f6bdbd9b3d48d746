package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.gateway.support.Keycloak;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Gateway overhead (issue 8, "Benchmark"). Not a test: it runs only with {@code -Pbench}. The same
 * cheap authenticated GET ({@code /api/vm/ping} of the upstream stub, which verifies the internal
 * token's RS256 signature on every request like a service does) is called directly on the upstream
 * with an internal token and through the gateway with an API key:
 * <ol>
 * <li>at saturation with wrk ({@code apt-get install wrk}; 1 thread, 16 connections, 10 s after a 5 s
 *     warm-up): throughput and p50/p99 of both, and the ratio gateway/direct;</li>
 * <li>at a fixed rate, open loop (an in-process Vert.x client sends {@value #RATE} requests/s on
 *     schedule whatever the answers, latency measured from the scheduled send time, so queueing is
 *     not hidden): p50/p99 of both and the p50 the gateway adds.</li>
 * </ol>
 * Targets: gateway throughput ≥ 50 % of direct; ≤ 1 ms added at p50 under the fixed rate.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
class GatewayBenchmark {

    static final int RATE = 500;
    static final int FIXED_SECONDS = 10;

    @TestHTTPResource("/")
    URL gateway;

    @ConfigProperty(name = "gateway.bench.upstream-url")
    String upstream;

    @Test
    void gatewayOverheadAgainstDirectCalls() throws Exception {
        String apiKey = ApiKeyTest.create(
                        Keycloak.bearer("dev-admin"),
                        Map.of("name", ApiKeyTest.unique("bench"), "scopes", List.of("vm:read")))
                .getString("secret");
        given().baseUri(upstream)
                .body(InternalTokenAssert.jwks())
                .when()
                .post("/__bench/jwks")
                .then()
                .statusCode(204);
        String internal = InternalTokenAssert.forwardedAuthorization("X-API-Key", apiKey, "/api/vm/vms");
        given().baseUri(upstream)
                .header("Authorization", internal)
                .when()
                .get("/api/vm/ping")
                .then()
                .statusCode(200);
        given().header("X-API-Key", apiKey).when().get("/api/vm/ping").then().statusCode(200);

        String directUrl = upstream + "/api/vm/ping";
        String gatewayUrl =
                URI.create(gateway.toString()).resolve("/api/vm/ping").toString();
        String directHeader = "Authorization: " + internal;
        String gatewayHeader = "X-API-Key: " + apiKey;

        wrk(directUrl, directHeader, 5);
        wrk(gatewayUrl, gatewayHeader, 5);
        Wrk direct = wrk(directUrl, directHeader, 10);
        Wrk viaGateway = wrk(gatewayUrl, gatewayHeader, 10);

        Vertx vertx = Vertx.vertx();
        try {
            fixedRate(vertx, URI.create(directUrl), "Authorization", internal, 3);
            fixedRate(vertx, URI.create(gatewayUrl), "X-API-Key", apiKey, 3);
            Fixed fixedDirect = fixedRate(vertx, URI.create(directUrl), "Authorization", internal, FIXED_SECONDS);
            Fixed fixedGateway = fixedRate(vertx, URI.create(gatewayUrl), "X-API-Key", apiKey, FIXED_SECONDS);

            System.out.println();
            System.out.println("=== api-gateway benchmark: GET /api/vm/ping (token verified upstream) ===");
            System.out.printf("saturation (wrk, 1 thread, 16 connections, 10 s)%n");
            direct.print("direct ");
            viaGateway.print("gateway");
            System.out.printf(
                    "  throughput ratio gateway/direct: %.1f %% (target >= 50 %%)%n",
                    100 * viaGateway.rps / direct.rps);
            System.out.printf("fixed rate, open loop (%d req/s, %d s)%n", RATE, FIXED_SECONDS);
            fixedDirect.print("direct ");
            fixedGateway.print("gateway");
            System.out.printf(
                    "  added by the gateway at p50: %.3f ms (target <= 1 ms); at p99: %.3f ms%n",
                    fixedGateway.p50 - fixedDirect.p50, fixedGateway.p99 - fixedDirect.p99);
            System.out.println();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    record Wrk(double rps, double p50, double p99, long errors) {
        void print(String label) {
            System.out.printf(
                    "  %s: %9.0f req/s  p50 %7.3f ms  p99 %7.3f ms  errors %d%n", label, rps, p50, p99, errors);
        }
    }

    record Fixed(double p50, double p99, int sent, int failed) {
        void print(String label) {
            System.out.printf("  %s: p50 %7.3f ms  p99 %7.3f ms  sent %d  failed %d%n", label, p50, p99, sent, failed);
        }
    }

    private static Wrk wrk(String url, String header, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t1", "-c16", "-d" + seconds + "s", "--latency", "-H", header, url)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        if (!rps.find()) {
            throw new IllegalStateException("unexpected wrk output: " + output);
        }
        return new Wrk(
                Double.parseDouble(rps.group(1)),
                percentile(output, "50%"),
                percentile(output, "99%"),
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static double percentile(String output, String label) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)")
                .matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + label + " in wrk output: " + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static Fixed fixedRate(Vertx vertx, URI url, String header, String value, int seconds)
            throws InterruptedException {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true));
        int total = RATE * seconds;
        long[] latencies = new long[total];
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / RATE;
        int[] next = {0};
        long timer = vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (next[0] < total && start + next[0] * interval <= now) {
                int index = next[0]++;
                long scheduled = start + index * interval;
                client.request(new RequestOptions()
                                .setMethod(HttpMethod.GET)
                                .setHost(url.getHost())
                                .setPort(url.getPort())
                                .setURI(url.getPath())
                                .putHeader(header, value))
                        .compose(request -> request.send()
                                .compose(response -> response.body().map(b -> response.statusCode())))
                        .onComplete(result -> {
                            latencies[index] = System.nanoTime() - scheduled;
                            if (result.failed() || result.result() != 200) {
                                failed.incrementAndGet();
                            }
                            done.countDown();
                        });
            }
        });
        done.await(seconds + 30L, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        client.close();
        long[] sorted = Arrays.copyOf(latencies, total);
        Arrays.sort(sorted);
        return new Fixed(sorted[total / 2] / 1e6, sorted[(int) (total * 0.99)] / 1e6, total, failed.get());
    }
}
