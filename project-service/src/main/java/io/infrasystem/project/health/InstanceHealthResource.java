package io.infrasystem.project.health;

import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/project/instances/{id}/health}: the probes of an Odoo instance's
 * {@code /web/webclient/version_info}, newest first ({@code project:read}; 404 for an instance the
 * caller does not see), and {@code POST} to probe it now (admins).
 */
@Path("/api/project/instances/{id}/health")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InstanceHealthResource {

    private final HealthService health;

    public InstanceHealthResource(HealthService health) {
        this.health = health;
    }

    /** @return the page of probes ({@code limit}, {@code offset}); 404 when not visible */
    @GET
    @RolesAllowed(Scopes.PROJECT_READ)
    public Page<HealthCheckDto> history(@PathParam("id") long id, @Context UriInfo uri) {
        return health.history(id, uri);
    }

    /** @return the probe just made and stored; 404 when not visible, 409 without a URL */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public HealthCheckDto probe(@PathParam("id") long id) {
        return health.probeNow(id);
    }
}
