package io.infrasystem.project.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks an Odoo instance for its version: {@code POST <url>/web/webclient/version_info} with the
 * JSON-RPC 2.0 body {@code {"jsonrpc":"2.0","method":"call","params":{},"id":…}} (Odoo's
 * {@code @route(type='json', auth='none')} endpoint, no login needed), answered with
 * {@code {"jsonrpc":"2.0","id":…,"result":{"server_version":"17.0",
 * "server_version_info":[17,0,0,"final",0,""],"server_serie":"17.0","protocol_version":1}}}. Up
 * means HTTP 200 and a {@code result} with a {@code server_version}; anything else (an HTTP error, a
 * JSON-RPC {@code error}, another body, a timeout, a refused connection) is down with the reason.
 * Redirects are followed (Odoo behind a proxy often redirects to HTTPS).
 */
@ApplicationScoped
public class OdooVersionProbe {

    /** The path probed, below the instance's URL. */
    static final String PATH = "/web/webclient/version_info";

    private final ObjectMapper mapper;
    private final HttpClient client;
    private final Duration timeout;

    public OdooVersionProbe(ObjectMapper mapper, HealthConfig config) {
        this.mapper = mapper;
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * What one probe found.
     *
     * @param checkedAt when it started, UTC
     * @param status up or down
     * @param httpStatus the HTTP status, {@code null} without an answer
     * @param latencyMs time to the full answer (or the failure), milliseconds
     * @param serverVersion Odoo's {@code server_version} when up
     * @param error why it is down (at most 1000 characters)
     */
    public record Result(
            Instant checkedAt,
            HealthStatus status,
            Integer httpStatus,
            long latencyMs,
            String serverVersion,
            String error) {}

    /**
     * @param baseUrl the instance's URL ({@code http(s)://host[:port][/prefix]}, a trailing slash is ignored)
     * @return the outcome; never throws for what the instance answers or fails to
     */
    public Result probe(String baseUrl) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + PATH))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{},\"id\":1}"))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = millisSince(start);
            if (response.statusCode() != 200) {
                return down(started, response.statusCode(), latency, "HTTP " + response.statusCode());
            }
            JsonNode body;
            try {
                body = mapper.readTree(response.body());
            } catch (IOException e) {
                return down(started, 200, latency, "not a JSON-RPC answer");
            }
            if (body.has("error")) {
                String message = body.path("error").path("message").asText("JSON-RPC error");
                return down(started, 200, latency, "JSON-RPC error: " + message);
            }
            String version = body.path("result").path("server_version").asText(null);
            if (version == null || version.isBlank()) {
                return down(started, 200, latency, "no server_version in the answer");
            }
            return new Result(started, HealthStatus.UP, 200, latency, truncate(version, 50), null);
        } catch (HttpTimeoutException e) {
            return down(started, null, millisSince(start), "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            return down(started, null, millisSince(start), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(started, null, millisSince(start), "interrupted");
        }
    }

    private static Result down(Instant started, Integer status, long latency, String error) {
        return new Result(started, HealthStatus.DOWN, status, latency, null, truncate(error, 1000));
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
