package io.infrasystem.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.request.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Writes RFC 9457 problems from plain Vert.x route handlers (filters that run before Quarkus REST,
 * WebSocket upgrades, the gateway's edge), in the same format as {@link ProblemResponses}.
 */
@ApplicationScoped
public class VertxProblems {

    private final ObjectMapper mapper;

    public VertxProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Ends the response with a problem, unless something was already written.
     *
     * @param request the request being answered (its path becomes {@code instance}, its
     *     {@code X-Request-ID} is echoed or a new one generated)
     * @param kind problem kind, which fixes status, type and title
     * @param detail explanation for the caller
     * @param errors field errors, possibly empty
     */
    public void send(HttpServerRequest request, ProblemKind kind, String detail, List<FieldError> errors) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        Problem problem = new Problem(kind.type(), kind.title(), kind.status().getStatusCode(), detail, request.path(),
                requestId, errors.isEmpty() ? null : errors);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem cannot be serialized", e);
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (kind == ProblemKind.UNAUTHORIZED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body);
    }

    /**
     * @param request the request being answered
     * @param problem the exception describing the problem
     */
    public void send(HttpServerRequest request, ProblemException problem) {
        send(request, problem.kind(), problem.getMessage(), problem.errors());
    }
}
