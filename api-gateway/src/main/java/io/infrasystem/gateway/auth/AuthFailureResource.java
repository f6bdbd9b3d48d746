package io.infrasystem.gateway.auth;

import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/gateway/auth-failures}: refused credentials, newest first, for administrators.
 * Filters: {@code credential_type}, {@code reason}, {@code credential_hint}, {@code client_ip},
 * {@code path}, {@code occurred_at__gte/__lt}; {@code q}; {@code limit/offset}.
 */
@Path("/api/gateway/auth-failures")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuthFailureResource {

    private final AuthFailureLog failures;

    public AuthFailureResource(AuthFailureLog failures) {
        this.failures = failures;
    }

    /** @return a page of failures */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    public Page<AuthFailure.Dto> list(@Context UriInfo uri) {
        return failures.list(uri);
    }
}
