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
     * Ends the response with a problem, unless something was already written; the request's
     * {@code X-Request-ID} is echoed, or a new one generated.
     *
     * @param request the request being answered (its path becomes {@code instance})
     * @param kind problem kind, which fixes status, type and title
     * @param detail explanation for the caller
     * @param errors field errors, possibly empty
     */
    public void send(HttpServerRequest request, ProblemKind kind, String detail, List<FieldError> errors) {
        send(
                request.response(),
                kind,
                detail,
                request.path(),
                RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER)),
                errors);
    }

    /**
     * Ends the response with a problem, unless something was already written.
     *
     * @param response the response to end
     * @param kind problem kind, which fixes status, type and title
     * @param detail explanation for the caller
     * @param instance the request path
     * @param requestId the request's id, echoed in the body and the {@code X-Request-ID} header
     * @param errors field errors, possibly empty
     */
    public void send(
            HttpServerResponse response,
            ProblemKind kind,
            String detail,
            String instance,
            String requestId,
            List<FieldError> errors) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(kind.status().getStatusCode())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (kind == ProblemKind.UNAUTHORIZED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body(kind, detail, instance, requestId, errors));
    }

    /**
     * @param kind problem kind
     * @param detail explanation for the caller
     * @param instance the request path
     * @param requestId the request's id
     * @param errors field errors, possibly empty
     * @return the JSON body of the problem
     */
    public String body(ProblemKind kind, String detail, String instance, String requestId, List<FieldError> errors) {
        Problem problem = Problem.of(kind, detail, instance, requestId, errors);
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem cannot be serialized", e);
        }
    }

    /**
     * @param request the request being answered
     * @param problem the exception describing the problem
     */
    public void send(HttpServerRequest request, ProblemException problem) {
        send(request, problem.kind(), problem.getMessage(), problem.errors());
    }
}
