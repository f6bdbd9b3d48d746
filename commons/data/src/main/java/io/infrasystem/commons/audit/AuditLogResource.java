package io.infrasystem.commons.audit;

import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The audit log read endpoint, the same in every service. A service exposes it under its own
 * prefix with an empty subclass: {@code @Path("/api/vm/audit") class VmAuditResource extends
 * AuditLogResource {}}. Administrators only: entries hold full before/after copies of resources.
 *
 * <p>{@code GET …/audit?actor=alice&action=updated&resource_type=vm&resource_id=42
 * &occurred_at__gte=2026-01-01T00:00:00Z&ordering=-occurred_at&limit=50&offset=0}
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuditLogResource {

    @Inject
    AuditLogQuery query;

    @GET
    @RolesAllowed(Scopes.ADMIN)
    @Operation(
            summary = "List audit entries",
            description = "Filters: id, actor, actor_type, action, "
                    + "resource_type, resource_id, request_id, occurred_at (with __gte, __lte …), q; ordering; paging.")
    public Page<AuditEntry> list(@Context UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        AuditLogQuery.Result result = query.list(uri.getQueryParameters(), page);
        return Page.of(result.entries(), result.count(), page, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Get one audit entry")
    public AuditEntry get(@PathParam("id") long id) {
        return query.find(id).orElseThrow(() -> ProblemException.notFound("audit entry", id));
    }
}
