package io.infrasystem.inventory.storage;

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
 * {@code /api/inventory/storage-arrays}: storage arrays and their capacity; viewers read, editors write, admins delete.
 * Filters: {@code id name site site_id model_id status total_tb used_tb q ordering limit offset}.
 */
@Path("/api/inventory/storage-arrays")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StorageArrayResource {

    private final StorageArrayService service;

    public StorageArrayResource(StorageArrayService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Page<StorageArrayDto> list(@Context UriInfo uri) {
        return service.list(uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response get(@PathParam("id") long id) {
        StorageArrayDto dto = service.get(id);
        return Etags.ok(dto, dto.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response create(@Valid @NotNull StorageArrayInput input) {
        StorageArrayDto dto = service.create(input);
        return Etags.created(dto, dto.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StorageArrayInput input) {
        StorageArrayDto dto = service.update(id, input, ifMatch);
        return Etags.ok(dto, dto.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        StorageArrayDto dto = service.patch(id, patch, ifMatch);
        return Etags.ok(dto, dto.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
