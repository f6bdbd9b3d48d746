package io.infrasystem.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that can leave a resource to an RFC 9457 problem. Bad input of any kind
 * (malformed JSON, a wrong type, a constraint violation, an unknown query field) is a 4xx with the
 * offending field named; only a defect of the service itself is a 500, whose body says nothing
 * about its cause (the cause goes to the log with the request id).
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.kind(), e.getMessage(), path(uri), e.errors());
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        boolean onReturnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (onReturnValue) {
            return internal(e, uri);
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemResponses.of(
                ProblemKind.VALIDATION, errors.size() + " field(s) failed validation", path(uri), errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemKind.MALFORMED_JSON, "The body is not valid JSON" + location(e), path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        return ProblemResponses.of(
                ProblemKind.MALFORMED_JSON, "The body is not valid JSON" + location(e), path(uri), List.of());
    }

    /** 401 for a caller without a token, with an invalid or expired one, or whose authentication failed. */
    @ServerExceptionMapper({
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        AuthenticationCompletionException.class
    })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = switch (e) {
            case AuthenticationFailedException failed -> "The token is missing, invalid or expired";
            case AuthenticationCompletionException incomplete -> "Authentication could not be completed";
            default -> "A valid token is required";
        };
        return ProblemResponses.of(ProblemKind.UNAUTHORIZED, detail, path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemKind.FORBIDDEN, "The caller lacks the scope or role this operation needs", path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return ProblemResponses.of(ProblemKind.NOT_FOUND, "No resource at " + path(uri), path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProcessing(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        return ProblemResponses.of(kind, e.getMessage() == null ? kind.title() : e.getMessage(), path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return internal(e, uri);
    }

    private static Response internal(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return ProblemResponses.of(
                ProblemKind.INTERNAL,
                "The service failed to handle the request; the error is logged under this request id",
                path(uri),
                List.of());
    }

    private static Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "unknown field";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + describe(mismatch.getTargetType());
        } else {
            message = "cannot be read";
        }
        if (field.isEmpty()) {
            return ProblemResponses.of(
                    ProblemKind.MALFORMED_JSON,
                    "The body is not JSON of the expected shape" + location(e),
                    path(uri),
                    List.of());
        }
        return ProblemResponses.of(
                ProblemKind.VALIDATION, field + ": " + message, path(uri), List.of(new FieldError(field, message)));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /**
     * The client-facing name of a violated element: the request body's JSON path (snake_case) or
     * the query/path parameter's name; the Java method and parameter names are dropped.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE, BEAN -> {}
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (!sb.isEmpty() && node.getName() != null) {
                        sb.append('.');
                    }
                    if (node.getName() != null) {
                        sb.append(snakeCase(node.getName()));
                    }
                    if (node.getIndex() != null) {
                        sb.append('[').append(node.getIndex()).append(']');
                    } else if (node.getKey() != null) {
                        sb.append('[').append(node.getKey()).append(']');
                    }
                }
            }
        }
        if (sb.isEmpty()) {
            return parameter == null ? "body" : snakeCase(parameter);
        }
        return sb.toString();
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new java.util.ArrayList<>();
        path.forEach(n -> kinds.add(n.getKind()));
        return kinds;
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
