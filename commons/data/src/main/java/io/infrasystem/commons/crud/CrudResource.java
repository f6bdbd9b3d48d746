package io.infrasystem.commons.crud;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
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
 * The collection and item endpoints of a resource, written once: {@code GET} list (the service's
 * filters, {@code limit}/{@code offset}, {@code ordering}, {@code q}; a {@link
 * io.infrasystem.commons.paging.Page}), {@code GET /{id}} with {@code ETag}, {@code POST} (201 with
 * {@code Location} and {@code ETag}), {@code PUT /{id}} and {@code PATCH /{id}} (JSON Merge Patch, {@code
 * application/merge-patch+json}) with an optional {@code If-Match} (412 when stale), {@code DELETE
 * /{id}} (204). Errors are the service's {@link io.infrasystem.commons.problem.ProblemException}s
 * (400, 404, 409, 412 as problem+json).
 *
 * <p>A subclass declares the class-level {@code @Path}, {@code @Authenticated},
 * {@code @Produces(MediaType.APPLICATION_JSON)} and {@link CrudScopes} (which scope reads, writes
 * and deletes; {@link CrudScopeFilter} checks them), and passes its {@link CrudService} to the
 * constructor; it may add endpoints of its own (marked {@link CrudScopes.Needs} to need one of the
 * scopes). The first two stay on the subclass: Quarkus Security applies a class-level annotation
 * only to the methods declared in that class (JSR-250), and the OpenAPI document adds the bearer
 * requirement and the 401/403 answers only for the annotated resource class. Resources hold no
 * transaction: every call is one transaction of the service.
 *
 * @param <D> the DTO
 * @param <I> the input record
 */
public abstract class CrudResource<D extends Versioned, I> {

    private final CrudService<D, I> service;

    /** @param service the operations behind the endpoints */
    protected CrudResource(CrudService<D, I> service) {
        this.service = service;
    }

    /** @return the page of matches; 400 for unknown or malformed filters */
    @GET
    @CrudScopes.Needs(CrudScopes.Access.READ)
    public Page<D> list(@Context UriInfo uri) {
        return service.list(uri);
    }

    /** @return 200 with the resource and its {@code ETag}; 404 when it does not exist */
    @GET
    @Path("{id}")
    @CrudScopes.Needs(CrudScopes.Access.READ)
    public Response get(@PathParam("id") long id) {
        D dto = service.get(id);
        return Versions.ok(dto, dto.version());
    }

    /**
     * @return 201 with the created resource, its {@code Location} (the collection's URL as the client
     *     used it, plus the id) and its {@code ETag}; 400 invalid, 409 duplicate
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CrudScopes.Needs(CrudScopes.Access.WRITE)
    public Response create(@Valid @NotNull I input, @Context UriInfo uri) {
        D dto = service.create(input);
        return Versions.created(
                uri.getAbsolutePathBuilder().path(Long.toString(dto.id())).build(), dto, dto.version());
    }

    /** @return 200 with the replaced resource; 400, 404, 409, 412 when {@code If-Match} is stale */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @CrudScopes.Needs(CrudScopes.Access.WRITE)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull I input) {
        D dto = service.update(id, input, ifMatch);
        return Versions.ok(dto, dto.version());
    }

    /** @return 200 with the patched resource (JSON Merge Patch); errors as {@link #update} */
    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @CrudScopes.Needs(CrudScopes.Access.WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        D dto = service.patch(id, patch, ifMatch);
        return Versions.ok(dto, dto.version());
    }

    /** @return 204; 404, 409 while others refer to it, 412 when {@code If-Match} is stale */
    @DELETE
    @Path("{id}")
    @CrudScopes.Needs(CrudScopes.Access.DELETE)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
