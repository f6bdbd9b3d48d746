package io.infrasystem.project.instance;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The production safeguard: deactivating, deleting, retyping or moving the active production
 * instance of a project needs the header {@value #HEADER} carrying the instance's exact name (as
 * GitHub asks for a repository's name before deleting it). Writes are admin-only already.
 */
@ApplicationScoped
public class ProductionConfirmation {

    /** The confirmation header. */
    public static final String HEADER = "X-Confirm-Instance";

    private final CurrentVertxRequest request;

    public ProductionConfirmation(CurrentVertxRequest request) {
        this.request = request;
    }

    /**
     * @param instance the active production instance about to lose that role or be deleted
     * @param what the change, for the message, e.g. {@code delete}
     * @throws ProblemException 428 when the header is missing or names another instance
     */
    public void require(OdooInstance instance, String what) {
        String given = request.getCurrent() == null
                ? null
                : request.getCurrent().request().getHeader(HEADER);
        if (given == null || !given.strip().equals(instance.name)) {
            throw new ProblemException(
                    ProblemKind.PRECONDITION_REQUIRED,
                    "instance " + instance.id + " (" + instance.name + ") is the active production instance of project "
                            + instance.project.name + "; to " + what + " it, send the header " + HEADER
                            + " with its name",
                    List.of());
        }
    }
}
