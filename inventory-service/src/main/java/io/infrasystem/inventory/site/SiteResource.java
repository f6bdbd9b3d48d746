package io.infrasystem.inventory.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.common.Etags;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/inventory/sites}: viewers read, editors write, admins delete. Filters:
 * {@code id name slug status time_zone created_at updated_at q ordering limit offset}.
 */
@Path("/api/inventory/sites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final SiteService sites;

    public SiteResource(SiteService sites) {
        this.sites = sites;
    }

    @GET
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Page<SiteDto> list(@Context UriInfo uri) {
        return sites.list(uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response get(@PathParam("id") long id) {
        SiteDto site = sites.get(id);
        return Etags.ok(site, site.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response create(@Valid @NotNull SiteInput input) {
        SiteDto site = sites.create(input);
        return Etags.created(site, site.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SiteInput input) {
        SiteDto site = sites.update(id, input, ifMatch);
        return Etags.ok(site, site.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        SiteDto site = sites.patch(id, patch, ifMatch);
        return Etags.ok(site, site.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        sites.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
