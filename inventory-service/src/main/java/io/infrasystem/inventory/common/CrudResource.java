package io.infrasystem.inventory.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The collection and item endpoints every inventory resource shares: {@code GET} list (filters,
 * {@code limit}/{@code offset}, {@code ordering}, {@code q}), {@code GET /{id}} with {@code ETag},
 * {@code POST} (201), {@code PUT /{id}} and {@code PATCH /{id}} (JSON Merge Patch) with
 * {@code If-Match} (412 when stale), {@code DELETE /{id}} (204). Viewers ({@code inventory:read})
 * read, editors ({@code inventory:write}) write, admins delete. Subclasses add the class-level
 * {@code @Path}, {@code @Authenticated} and {@code @Produces}.
 *
 * @param <D> the DTO
 * @param <I> the input record
 */
public abstract class CrudResource<D extends Versioned, I> {

    private final CrudService<D, I> service;

    protected CrudResource(CrudService<D, I> service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Page<D> list(@Context UriInfo uri) {
        return service.list(uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response get(@PathParam("id") long id) {
        D dto = service.get(id);
        return Versions.ok(dto, dto.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response create(@Valid @NotNull I input) {
        D dto = service.create(input);
        return Versions.created(dto, dto.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull I input) {
        D dto = service.update(id, input, ifMatch);
        return Versions.ok(dto, dto.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        D dto = service.patch(id, patch, ifMatch);
        return Versions.ok(dto, dto.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
