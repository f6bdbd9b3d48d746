package io.infrasystem.vm.virtualmachine;

import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The effective VM inventory: {@code GET /api/vm/vms} (filters of {@link VmQueries#FILTERS}, {@code q},
 * {@code ordering}, {@code limit}/{@code offset}) and {@code GET /api/vm/vms/{id}} (with {@code ETag}
 * = version of the VM's manual data).
 */
@Path("/api/vm/vms")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VmResource {

    private final VmQueries queries;
    private final VmDetailQuery details;

    public VmResource(VmQueries queries, VmDetailQuery details) {
        this.queries = queries;
        this.details = details;
    }

    /**
     * @return a page of VMs; 400 naming every unknown filter, bad value or ordering
     */
    @GET
    @RolesAllowed(Scopes.VM_READ)
    public Page<VmSummary> list(@Context UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        QueryFilter filter = VmQueries.filter(uri.getQueryParameters());
        return Page.of(queries.page(filter, page.limit(), page.offset()), queries.count(filter), page, uri);
    }

    /** @return one VM in full; 404 when unknown */
    @GET
    @Path("{id:\\d+}")
    @RolesAllowed(Scopes.VM_READ)
    @APIResponse(
            responseCode = "200",
            description = "The VM",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VmDetail.class)))
    public Response get(@PathParam("id") long id) {
        VmDetail detail = details.detail(id);
        return Versions.ok(detail, detail.vm().version());
    }
}
