package io.infrasystem.commons.problem;

import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.request.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    private ProblemResponses() {}

    /**
     * @param kind the problem kind (fixes status, type and title)
     * @param detail explanation for the caller, never a stack trace
     * @param instance the request path, or {@code null}
     * @param errors field errors, possibly empty
     * @return a response whose entity is a {@link Problem} and whose {@code X-Request-ID} is set
     */
    public static Response of(ProblemKind kind, String detail, String instance, List<FieldError> errors) {
        String requestId = RequestIds.current();
        Problem problem = Problem.of(kind, detail, instance, requestId, errors);
        Response.ResponseBuilder builder =
                Response.status(kind.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (requestId != null) {
            builder.header(RequestIds.HEADER, requestId);
        }
        if (kind == ProblemKind.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
