package io.infrasystem.inventory.monitoring.zabbix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.http.OutboundGuard;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * One JSON-RPC 2.0 call to a Zabbix API ({@code POST …/api_jsonrpc.php}, Zabbix 6.0 manual,
 * "API"): the session id or API token travels in the body's {@code auth} field (6.0 reads no
 * {@code Authorization} header). Each request waits at most {@code inventory.monitoring.request-timeout}
 * (10 s); a call that gets no usable answer is retried by SmallRye Fault Tolerance twice, after
 * about 0.5 s and 1 s (exponential back-off, capped at 4 s), before {@link ZabbixUnavailableException}
 * reaches the caller. JSON-RPC errors are not retried. URLs are checked against
 * {@link OutboundGuard} before every call; redirects are not followed.
 */
@ApplicationScoped
public class ZabbixRpc {

    private final ObjectMapper mapper;
    private final OutboundGuard outbound;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    public ZabbixRpc(
            ObjectMapper mapper,
            OutboundGuard outbound,
            @ConfigProperty(name = "inventory.monitoring.request-timeout", defaultValue = "10s") Duration timeout) {
        this.mapper = mapper;
        this.outbound = outbound;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param url the API's URL ({@code http(s)://…/api_jsonrpc.php})
     * @param method e.g. {@code problem.get}
     * @param params the method's parameters (serialized with Jackson)
     * @param auth session id or API token; {@code null} for {@code apiinfo.version} and {@code user.login}
     * @return the JSON-RPC {@code result}
     * @throws ZabbixUnavailableException no usable answer after the retries
     * @throws ZabbixException {@link ZabbixException.Kind#AUTH} for a refused session or login,
     *     {@link ZabbixException.Kind#API} for another JSON-RPC error, {@link ZabbixException.Kind#REFUSED}
     *     for a URL that must not be called
     */
    @Retry(maxRetries = 2, delay = 500, jitter = 100, maxDuration = 60000, retryOn = ZabbixUnavailableException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 4000)
    public JsonNode call(URI url, String method, Object params, String auth) {
        try {
            outbound.check(url);
        } catch (OutboundGuard.RefusedException e) {
            throw new ZabbixException(ZabbixException.Kind.REFUSED, e.getMessage(), e);
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.put("method", method);
        body.set("params", mapper.valueToTree(params));
        body.put("id", ids.incrementAndGet());
        if (auth != null) {
            body.put("auth", auth);
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(timeout)
                            .header("Content-Type", "application/json-rpc")
                            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ZabbixUnavailableException("no answer from " + url + " within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ZabbixUnavailableException("cannot reach " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZabbixUnavailableException("interrupted while calling " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new ZabbixUnavailableException(url + " answered HTTP " + response.statusCode(), null);
        }
        JsonNode answer;
        try {
            answer = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new ZabbixUnavailableException(url + " did not answer JSON-RPC (is it api_jsonrpc.php?)", e);
        }
        if (answer == null || !answer.isObject()) {
            throw new ZabbixUnavailableException(url + " did not answer JSON-RPC (is it api_jsonrpc.php?)", null);
        }
        JsonNode error = answer.get("error");
        if (error != null) {
            String text =
                    (error.path("message").asText("") + " " + error.path("data").asText("")).strip();
            throw new ZabbixException(
                    isAuthError(method, text) ? ZabbixException.Kind.AUTH : ZabbixException.Kind.API,
                    method + ": " + text);
        }
        if (!answer.has("result")) {
            throw new ZabbixUnavailableException(url + " answered JSON without a result", null);
        }
        return answer.get("result");
    }

    /** Zabbix 6.0's texts for a refused login, an expired or unknown session, or a bad token. */
    static boolean isAuthError(String method, String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return method.equals("user.login")
                || t.contains("not authori")
                || t.contains("session terminated")
                || t.contains("re-login")
                || t.contains("incorrect user name or password");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
