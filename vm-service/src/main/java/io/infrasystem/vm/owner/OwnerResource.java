package io.infrasystem.vm.owner;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Owners CRUD at {@code /api/vm/owners}: list (filters {@code full_name}, {@code email},
 * {@code department}, {@code q}), create (201; 409 for a taken e-mail), read ({@code ETag}),
 * {@code PATCH} (JSON Merge Patch, {@code If-Match}), delete (VMs keep no reference to it).
 */
@Path("/api/vm/owners")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OwnerResource {

    private final OwnerService owners;

    public OwnerResource(OwnerService owners) {
        this.owners = owners;
    }

    /** @return a page of owners */
    @GET
    @RolesAllowed(Scopes.VM_READ)
    public Page<OwnerDto> list(@Context UriInfo uri) {
        return owners.list(uri);
    }

    /** @return one owner with its {@code ETag}; 404 when unknown */
    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.VM_READ)
    public Response get(@PathParam("id") long id) {
        OwnerDto owner = owners.get(id);
        return Versions.ok(owner, owner.version());
    }

    /** @return 201 with the owner; 400 invalid, 409 e-mail taken */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VM_WRITE)
    public Response create(OwnerInput input) {
        OwnerDto owner = owners.create(input);
        return Versions.created(owner, owner.version());
    }

    /** @return the changed owner; 400 invalid, 409 e-mail taken, 412 stale {@code If-Match} */
    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.VM_WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        OwnerDto owner = owners.patch(id, patch, ifMatch);
        return Versions.ok(owner, owner.version());
    }

    /** Deletes an owner; the VMs it owned lose the reference. 204; 404 unknown, 412 stale. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.VM_WRITE)
    public void delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        owners.delete(id, ifMatch);
    }
}
