package io.infrasystem.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One JSON line per request on logger {@code io.infrasystem.gateway.access}:
 * {@code {"time", "request_id", "method", "path", "route", "principal", "principal_type",
 * "client_ip", "status", "latency_ms", "bytes_in", "bytes_out"}} (latency in milliseconds with
 * microsecond precision, from the first byte received to the last byte sent).
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("io.infrasystem.gateway.access");

    private final ObjectMapper mapper;

    /**
     * One request.
     *
     * @param requestId {@code X-Request-ID}
     * @param method HTTP method
     * @param path path without query string (tokens in query strings are never logged)
     * @param route route name, {@code gateway} for the gateway's own endpoints
     * @param principal principal name or {@code null}
     * @param principalType {@code user}, {@code api_key} or {@code null}
     * @param clientIp caller's address
     * @param status response status
     * @param latencyNanos duration in nanoseconds
     * @param bytesIn request body bytes read
     * @param bytesOut response bytes written
     */
    public record Entry(
            String requestId,
            String method,
            String path,
            String route,
            String principal,
            String principalType,
            String clientIp,
            int status,
            long latencyNanos,
            long bytesIn,
            long bytesOut) {}

    public AccessLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes the line (no-op when the logger is off). */
    public void log(Entry entry) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("request_id", entry.requestId());
        line.put("method", entry.method());
        line.put("path", entry.path());
        line.put("route", entry.route());
        line.put("principal", entry.principal());
        line.put("principal_type", entry.principalType());
        line.put("client_ip", entry.clientIp());
        line.put("status", entry.status());
        line.put("latency_ms", Math.round(entry.latencyNanos() / 1_000.0) / 1_000.0);
        line.put("bytes_in", entry.bytesIn());
        line.put("bytes_out", entry.bytesOut());
        try {
            LOG.info(mapper.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("Access log line cannot be serialised", e);
        }
    }
}
