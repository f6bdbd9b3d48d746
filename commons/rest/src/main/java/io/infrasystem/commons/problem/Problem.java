package io.infrasystem.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error response body as defined by RFC 9457 ("Problem Details for HTTP APIs"), sent with the
 * media type {@code application/problem+json}.
 *
 * <p>{@code type} is a URI reference identifying the problem kind (for this suite
 * {@code https://infra-system.io/problems/<kind>}); {@code title} is the short human summary of that
 * kind; {@code status} repeats the HTTP status; {@code detail} explains this occurrence;
 * {@code instance} is the request path; {@code request_id} correlates the response with the logs;
 * {@code errors} lists field-level validation failures. A body never contains a stack trace.
 *
 * @param type URI of the problem kind
 * @param title short summary of the problem kind
 * @param status HTTP status code
 * @param detail explanation of this occurrence, safe to show to the caller
 * @param instance request path, or {@code null}
 * @param requestId value of {@code X-Request-ID} for this request, or {@code null}
 * @param errors field errors, empty unless the problem is a validation failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors) {

    /** Media type of every problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of the {@code type} URIs of this suite's problems. */
    public static final String TYPE_BASE = "https://infra-system.io/problems/";

    /**
     * A field that failed validation.
     *
     * @param field the JSON field path as the client sent it (snake_case, dotted for nesting,
     *     {@code [n]} for array items), or a query parameter name
     * @param message why the value was refused
     */
    public record FieldError(String field, String message) {}

    /**
     * @param kind problem kind: gives {@code type}, {@code title} and {@code status}
     * @param detail explanation of this occurrence
     * @param instance request path, or {@code null}
     * @param requestId the request's id, or {@code null}
     * @param errors field errors, possibly empty (left out of the body when empty)
     * @return the problem body
     */
    public static Problem of(
            ProblemKind kind, String detail, String instance, String requestId, List<FieldError> errors) {
        return new Problem(
                kind.type(),
                kind.title(),
                kind.status().getStatusCode(),
                detail,
                instance,
                requestId,
                errors.isEmpty() ? null : errors);
    }
}
