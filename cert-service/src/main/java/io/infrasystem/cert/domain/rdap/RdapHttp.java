package io.infrasystem.cert.domain.rdap;

import io.infrasystem.commons.http.OutboundGuard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * GETs of RDAP servers and of the bootstrap file with the JDK HTTP client. Every URL, and every
 * redirect target (followed here, at most {@value #MAX_REDIRECTS}, so that each one is checked),
 * passes the suite's {@link OutboundGuard} first: a registry or bootstrap entry that points at an
 * internal address is not called.
 */
@ApplicationScoped
public class RdapHttp {

    static final int MAX_REDIRECTS = 3;
    /** Longest body read (a domain answer is a few kB, the bootstrap file about 100 kB). */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final OutboundGuard outbound;
    private final Duration timeout;
    private final HttpClient http;

    public RdapHttp(OutboundGuard outbound, RdapConfig config) {
        this.outbound = outbound;
        this.timeout = config.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body the body as UTF-8 text
     * @param retryAfter the {@code Retry-After} header, when present and readable
     * @param uri the URL that answered (after redirects)
     */
    public record Answer(int status, String body, Optional<Duration> retryAfter, URI uri) {}

    /**
     * @param uri an http(s) URL
     * @param accept the media type asked for
     * @return the answer of the URL or of the last redirect target
     * @throws RdapFailure {@link RdapResult#REFUSED} when the guard refuses an address,
     *     {@link RdapResult#ERROR} for a network error, a timeout, too many redirects or a body
     *     over {@value #MAX_BODY} bytes
     */
    public Answer get(URI uri, String accept) throws RdapFailure {
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!"https".equalsIgnoreCase(target.getScheme()) && !"http".equalsIgnoreCase(target.getScheme())) {
                throw new RdapFailure(RdapResult.ERROR, target.toString(), "not an http(s) URL", null);
            }
            try {
                outbound.check(target);
            } catch (OutboundGuard.RefusedException e) {
                throw new RdapFailure(RdapResult.REFUSED, target.toString(), e.getMessage(), null);
            }
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(timeout)
                    .header("Accept", accept)
                    .header("User-Agent", "infra-system-cert-service")
                    .GET()
                    .build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new RdapFailure(
                        RdapResult.ERROR,
                        target.toString(),
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RdapFailure(RdapResult.ERROR, target.toString(), "interrupted", null);
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                try {
                    target = target.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    throw new RdapFailure(
                            RdapResult.ERROR,
                            target.toString(),
                            "redirect to a malformed URL: " + location.get(),
                            null);
                }
                continue;
            }
            if (response.body().length > MAX_BODY) {
                throw new RdapFailure(RdapResult.ERROR, target.toString(), "the answer is over 4 MB", null);
            }
            return new Answer(
                    status,
                    new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Retry-After").flatMap(RdapHttp::retryAfter),
                    target);
        }
        throw new RdapFailure(RdapResult.ERROR, target.toString(), "more than " + MAX_REDIRECTS + " redirects", null);
    }

    /** @return a {@code Retry-After} (RFC 9110 §10.2.3: seconds or an HTTP date) as a duration */
    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                Duration left = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(left.isNegative() ? Duration.ZERO : left);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
