package io.infrasystem.gateway.owner;

import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code GET /api/gateway/users}: the realm's people, read from Keycloak's admin API through
 * {@link OwnerDirectory}, for administrators who pick a user (project members, an API key's owner).
 * Filter {@code q} (user name, e-mail, first or last name contains, case-insensitive), paging
 * {@code limit} (at most 100, default 50) and {@code offset}; ordered by user name. Read-only: users
 * are managed in Keycloak. 503 when Keycloak cannot be asked.
 */
@Path("/api/gateway/users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    /** Largest page: Keycloak pages cheaply, but a picker never needs more. */
    static final int MAX_LIMIT = 100;

    /** A user of the realm as this API shows it (snake_case on the wire like everywhere). */
    public record UserDto(
            String id, String username, String firstName, String lastName, String email, boolean enabled) {

        static UserDto of(OwnerDirectory.User user) {
            return new UserDto(
                    user.id(), user.username(), user.firstName(), user.lastName(), user.email(), user.enabled());
        }
    }

    private final OwnerDirectory directory;

    public UserResource(OwnerDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param q text the user name, e-mail or name contains; all users when absent
     * @param uri {@code limit} and {@code offset}
     * @return a page of users (the suite's list envelope)
     */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    public Page<UserDto> list(@QueryParam("q") String q, @Context UriInfo uri) {
        PageRequest asked = PageRequest.from(uri.getQueryParameters());
        PageRequest window = new PageRequest(Math.min(asked.limit(), MAX_LIMIT), asked.offset());
        OwnerDirectory.UserPage page;
        try {
            page = directory.users(q, window.offset(), window.limit());
        } catch (OwnerDirectory.Unavailable e) {
            throw new ProblemException(
                    ProblemKind.UNAVAILABLE, "the user directory (Keycloak) cannot be read", List.of());
        }
        return Page.of(page.users().stream().map(UserDto::of).toList(), page.count(), window, uri);
    }
}
