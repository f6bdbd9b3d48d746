package io.infrasystem.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.problem.Problem;
import io.infrasystem.commons.problem.ProblemKind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 9457 problem bodies written by the edge itself (outside Quarkus REST), in the suite's format
 * ({@link Problem}, {@code type} under {@value Problem#TYPE_BASE}). Adds the two gateway kinds
 * that commons' {@link ProblemKind} lacks: {@code bad-gateway} (502) and {@code gateway-timeout} (504).
 */
@ApplicationScoped
public class EdgeProblems {

    /** A problem kind: status, type slug and title. */
    public record Kind(int status, String slug, String title) {
        /** @return the kind of a commons {@link ProblemKind} */
        public static Kind of(ProblemKind kind) {
            return new Kind(kind.status().getStatusCode(), kind.type().substring(Problem.TYPE_BASE.length()), kind.title());
        }
    }

    /** The service behind a route refused the connection or broke it (502). */
    public static final Kind BAD_GATEWAY = new Kind(502, "bad-gateway", "Service unreachable");
    /** The service behind a route did not answer in time (504). */
    public static final Kind GATEWAY_TIMEOUT = new Kind(504, "gateway-timeout", "Service did not answer in time");

    private final ObjectMapper mapper;

    public EdgeProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param kind problem kind
     * @param detail explanation for the caller
     * @param instance request path
     * @param requestId the request's id
     * @return the JSON body
     */
    public Buffer body(Kind kind, String detail, String instance, String requestId) {
        Problem problem = new Problem(Problem.TYPE_BASE + kind.slug(), kind.title(), kind.status(), detail, instance,
                requestId, null);
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problem cannot be serialised", e);
        }
    }

    /** Ends {@code response} with a problem (and {@code WWW-Authenticate: Bearer} for 401). */
    public void send(HttpServerResponse response, Kind kind, String detail, String instance, String requestId) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(kind.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (kind.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body(kind, detail, instance, requestId));
    }
}
