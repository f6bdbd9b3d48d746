package io.infrasystem.mail.channel;

import io.infrasystem.commons.http.OutboundGuard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts JSON to channel webhooks with the JDK HTTP client. With a secret, the request carries
 * {@code X-Infra-Timestamp} (Unix seconds) and {@code X-Infra-Signature-256: sha256=<hex>}, the
 * HMAC-SHA256 of {@code <timestamp>.<body>} under the secret (the scheme of Stripe's and Slack's
 * request signing), so that receivers can check origin and freshness. A URL whose host is or
 * resolves to an internal address ({@link OutboundGuard}) is not called; redirects are not followed.
 */
@ApplicationScoped
public class WebhookClient {

    /** Longest wait for a webhook's response. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final OutboundGuard outbound;

    public WebhookClient(OutboundGuard outbound) {
        this.outbound = outbound;
    }

    /**
     * The result of one call.
     *
     * @param statusCode HTTP status, or {@code null} when no response came
     * @param detail the start of the response body, or the error
     */
    public record Outcome(Integer statusCode, String detail) {
        /** @return whether the receiver accepted it (2xx) */
        public boolean ok() {
            return statusCode != null && statusCode / 100 == 2;
        }

        /** @return whether trying again later may help (no response, 408, 429, 5xx) */
        public boolean transientFailure() {
            return statusCode == null || statusCode == 408 || statusCode == 429 || statusCode >= 500;
        }
    }

    /**
     * @param url the webhook URL (http or https)
     * @param json the body
     * @param secret HMAC secret, or {@code null} for an unsigned request
     * @return what the receiver answered; no status and the reason when the address is refused
     */
    public Outcome post(String url, String json, String secret) {
        URI target = URI.create(url);
        try {
            outbound.check(target);
        } catch (OutboundGuard.RefusedException e) {
            return new Outcome(null, "refused: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "infra-system-mail-gateway")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (secret != null) {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            request.header("X-Infra-Timestamp", timestamp)
                    .header("X-Infra-Signature-256", "sha256=" + sign(secret, timestamp + "." + json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            return new Outcome(response.statusCode(), body.length() > 500 ? body.substring(0, 500) : body);
        } catch (IOException e) {
            return new Outcome(
                    null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }

    /** @return hex HMAC-SHA256 of {@code content} under {@code secret} */
    public static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
