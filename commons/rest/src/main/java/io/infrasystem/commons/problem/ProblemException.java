package io.infrasystem.commons.problem;

import io.infrasystem.commons.problem.Problem.FieldError;
import java.util.List;

/**
 * Thrown by resources and services to answer with an RFC 9457 problem. It is mapped to
 * {@code application/problem+json} by {@link ProblemExceptionMappers}; its message becomes the
 * {@code detail} and must therefore be safe to show to the caller.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final transient List<FieldError> errors;

    /**
     * @param kind the problem kind, which fixes the status
     * @param detail explanation for the caller
     * @param errors field errors (may be empty)
     */
    public ProblemException(ProblemKind kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    /** @return the problem kind */
    public ProblemKind kind() {
        return kind;
    }

    /** @return the field errors, empty when the problem is not about fields */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * 404 for a resource that does not exist (or is hidden from the caller).
     *
     * @param resource resource type as named in the API, e.g. {@code "vm"}
     * @param id the identifier the caller asked for
     * @return the exception to throw
     */
    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(ProblemKind.NOT_FOUND, resource + " " + id + " does not exist", List.of());
    }

    /**
     * 409 for a request that contradicts the current state (a duplicate, a collision).
     *
     * @param detail what conflicts with what
     * @return the exception to throw
     */
    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail, List.of());
    }

    /**
     * 400 for one invalid field or query parameter.
     *
     * @param field the field or parameter name as the caller sent it
     * @param message why it is invalid
     * @return the exception to throw
     */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                ProblemKind.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /**
     * 400 for several invalid fields at once.
     *
     * @param errors every field error found, in input order
     * @return the exception to throw
     */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemKind.VALIDATION, errors.size() + " field(s) failed validation", errors);
    }

    /**
     * 412 for a write whose {@code If-Match} names a version that is no longer current.
     *
     * @param detail which version was expected and which is current
     * @return the exception to throw
     */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemKind.PRECONDITION_FAILED, detail, List.of());
    }

    /**
     * 413 for a body or part of it (an attachment, an upload) over its size limit.
     *
     * @param detail what was too large and the limit, with units
     * @return the exception to throw
     */
    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, detail, List.of());
    }
}
