package io.infrasystem.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small JSON-over-HTTP client for the tests: one {@link HttpClient} without redirects, and
 * callers that carry one credential header (a Keycloak bearer token or an {@code X-API-Key}).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;

    Http(HttpClient client) {
        this.client = client;
    }

    Http() {
        this(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    HttpClient client() {
        return client;
    }

    /** A response: status, headers and body text. */
    record Reply(int status, HttpHeaders headers, String body) {

        /** @return the body as JSON; fails the test with the body when it is not JSON */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        /** @return the reply itself when its status is {@code expected}; else an error with the body */
        Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param url target
     * @param form fields, sent as {@code application/x-www-form-urlencoded}
     * @return the reply
     */
    Reply postForm(String url, Map<String, String> form) {
        return send(formPost(url, form));
    }

    /** @return a POST of {@code form} as {@code application/x-www-form-urlencoded}, not yet sent */
    static HttpRequest.Builder formPost(String url, Map<String, String> form) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     * @param header credential header name ({@code Authorization} or {@code X-API-Key}), or null for none
     * @param value its value
     * @return a caller that sends that credential with every request
     */
    Caller caller(String baseUrl, String header, String value) {
        return new Caller(this, baseUrl, header, value);
    }

    /** Requests with one credential against one base URL. */
    record Caller(Http http, String baseUrl, String header, String value) {

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
            if (header != null) {
                builder.header(header, value);
            }
            return builder;
        }

        Reply get(String path) {
            return http.send(request(path).GET());
        }

        /** Names the credential without giving it away (an API key's public id, a token's first characters). */
        @Override
        public String toString() {
            if (header == null) {
                return "no credential";
            }
            return header + " " + value.substring(0, Math.min(value.length(), value.startsWith("isk_") ? 16 : 12))
                    + "…";
        }

        Reply post(String path, String contentType, byte[] body) {
            return http.send(request(path)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        Reply postJson(String path, Object body) {
            try {
                return post(path, "application/json", JSON.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        Reply patchJson(String path, Object body) {
            try {
                return http.send(request(path)
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
