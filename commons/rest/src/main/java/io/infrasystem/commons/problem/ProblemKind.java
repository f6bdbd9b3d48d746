package io.infrasystem.commons.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * The kinds of problem every service reports, each with its HTTP status, the last segment of its
 * {@code type} URI and its title (RFC 9457 §3.1).
 */
public enum ProblemKind {
    VALIDATION(Status.BAD_REQUEST, "validation", "Invalid request"),
    MALFORMED_JSON(Status.BAD_REQUEST, "malformed-json", "Malformed JSON body"),
    BAD_REQUEST(Status.BAD_REQUEST, "bad-request", "Bad request"),
    UNAUTHORIZED(Status.UNAUTHORIZED, "unauthorized", "Authentication required"),
    FORBIDDEN(Status.FORBIDDEN, "forbidden", "Not allowed"),
    NOT_FOUND(Status.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(Status.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    CONFLICT(Status.CONFLICT, "conflict", "Conflict"),
    PRECONDITION_FAILED(Status.PRECONDITION_FAILED, "precondition-failed", "The resource was changed by someone else"),
    /** A guarded change that needs a confirmation the request did not carry (RFC 6585). */
    PRECONDITION_REQUIRED(Status.PRECONDITION_REQUIRED, "precondition-required", "Confirmation required"),
    PAYLOAD_TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    TOO_MANY_REQUESTS(Status.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    INTERNAL(Status.INTERNAL_SERVER_ERROR, "internal", "Internal error"),
    /** A service behind the gateway refused or broke the connection. */
    BAD_GATEWAY(Status.BAD_GATEWAY, "bad-gateway", "Service unreachable"),
    UNAVAILABLE(Status.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable"),
    /** A service behind the gateway did not answer in time. */
    GATEWAY_TIMEOUT(Status.GATEWAY_TIMEOUT, "gateway-timeout", "Service did not answer in time");

    private final Status status;
    private final String slug;
    private final String title;

    ProblemKind(Status status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** @return the HTTP status this kind is answered with */
    public Status status() {
        return status;
    }

    /** @return the {@code type} URI of this kind */
    public String type() {
        return Problem.TYPE_BASE + slug;
    }

    /** @return the RFC 9457 title of this kind */
    public String title() {
        return title;
    }

    /**
     * The kind that best describes an HTTP error status raised by the framework (for example 405
     * for a method a resource does not have).
     *
     * @param statusCode an HTTP status code from 400 to 599
     * @return the matching kind; {@link #BAD_REQUEST} or {@link #INTERNAL} when none is specific
     */
    public static ProblemKind forStatus(int statusCode) {
        for (ProblemKind kind : values()) {
            if (kind.status.getStatusCode() == statusCode && kind != VALIDATION && kind != MALFORMED_JSON) {
                return kind;
            }
        }
        return statusCode < 500 ? BAD_REQUEST : INTERNAL;
    }
}
