package io.infrasystem.commons.persistence;

import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.problem.ProblemResponses;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps persistence failures that the caller can act on: a concurrent update detected by the
 * {@code version} column is a 412 (reload and retry), a uniqueness or reference rule enforced by
 * the database is a 409. Anything else stays a 500 with nothing of its cause in the body.
 */
public class PersistenceExceptionMappers {

    private static final Logger LOG = Logger.getLogger(PersistenceExceptionMappers.class);

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return map(e, uri);
    }

    @ServerExceptionMapper
    public Response rollback(RollbackException e, UriInfo uri) {
        return map(e, uri);
    }

    private static Response map(Throwable e, UriInfo uri) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return ProblemResponses.of(
                        ProblemKind.PRECONDITION_FAILED,
                        "The resource was changed by someone else since it was read; reload it and retry",
                        path,
                        List.of());
            }
            if (cause instanceof ConstraintViolationException violation) {
                String constraint = violation.getConstraintName();
                return ProblemResponses.of(
                        ProblemKind.CONFLICT,
                        "The change violates the database rule " + (constraint == null ? "(unnamed)" : constraint)
                                + " (a duplicate or a missing reference)",
                        path,
                        List.of());
            }
        }
        LOG.errorf(e, "Persistence failure on %s", path);
        return ProblemResponses.of(
                ProblemKind.INTERNAL,
                "The service failed to handle the request; the error is logged under this request id",
                path,
                List.of());
    }
}
