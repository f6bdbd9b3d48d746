package io.infrasystem.vm.trigger;

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
 * System APIs (the n8n webhooks the triggers call), admin only: {@code /api/vm/system-apis} list,
 * create (409 for a taken name), read, {@code PATCH} (merge patch, {@code If-Match}), delete.
 *
 * <p>Webhook authentication (n8n Header Auth): {@code auth_header_name} and {@code auth_header_value}
 * are set together or not at all (400 naming the missing one). The value is write-only: no answer,
 * audit entry or event carries it ({@link SystemApiDto} only says {@code auth_header_set}). A
 * {@code PATCH} that omits it keeps the stored one; {@code null} for either field clears both.
 */
@Path("/api/vm/system-apis")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SystemApiResource {

    private final SystemApiService apis;

    public SystemApiResource(SystemApiService apis) {
        this.apis = apis;
    }

    /** @return every entry, by name */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    public Page<SystemApiDto> list(@Context UriInfo uri) {
        return apis.list(uri);
    }

    /** @return one entry with its {@code ETag}; 404 when unknown */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        SystemApiDto api = apis.get(id);
        return Versions.ok(api, api.version());
    }

    /** @return 201; 400 invalid, 409 name taken */
    @POST
    @RolesAllowed(Scopes.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SystemApiInput input) {
        SystemApiDto api = apis.create(input);
        return Versions.created(api, api.version());
    }

    /** @return the changed entry; 400, 404, 409, 412 */
    @PATCH
    @RolesAllowed(Scopes.ADMIN)
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        SystemApiDto api = apis.patch(id, patch, ifMatch);
        return Versions.ok(api, api.version());
    }

    /** Deletes an entry; 204, 404, 412. */
    @DELETE
    @RolesAllowed(Scopes.ADMIN)
    @Path("{id}")
    public void delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        apis.delete(id, ifMatch);
    }
}
