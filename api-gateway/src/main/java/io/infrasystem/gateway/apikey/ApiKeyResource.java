package io.infrasystem.gateway.apikey;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/gateway/api-keys}: people manage the API keys machines use. Admins see and manage
 * every key and create keys for any owner; editors and viewers manage their own, with scopes no
 * wider than their role. API keys cannot manage keys.
 */
@Path("/api/gateway/api-keys")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeyService service;
    private final SecurityIdentity identity;

    public ApiKeyResource(ApiKeyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /**
     * @param input name, description, owner, scopes, expires_at
     * @return 201 with {@code {api_key, secret}}; the secret is never shown again
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.ADMIN, Scopes.EDITOR, Scopes.VIEWER})
    @APIResponse(
            responseCode = "201",
            description = "The key and its secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiKeyRequests.Created.class)))
    public Response create(@Valid @NotNull ApiKeyRequests.Create input) {
        ApiKeyRequests.Created created = service.create(input, caller(), identity.getRoles());
        return Response.status(Response.Status.CREATED)
                .location(URI.create("/api/gateway/api-keys/" + created.apiKey().id()))
                .tag(Versions.etag(created.apiKey().version()))
                .entity(created)
                .build();
    }

    /**
     * @param uri filters ({@code name}, {@code owner}, {@code key_id}, {@code created_by}, time
     *     fields with {@code __lt/__gte/...}), {@code q}, {@code ordering}, {@code limit}, {@code offset}
     * @return a page of keys: all keys for admins, the caller's own otherwise
     */
    @GET
    @RolesAllowed({Scopes.ADMIN, Scopes.EDITOR, Scopes.VIEWER})
    public Page<ApiKeyDto> list(@Context UriInfo uri) {
        return service.list(uri, caller(), isAdmin());
    }

    /** @return one key (404 when absent or, for non-admins, not theirs), with its {@code ETag} */
    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.ADMIN, Scopes.EDITOR, Scopes.VIEWER})
    public Response get(@PathParam("id") long id) {
        ApiKeyDto key = service.find(id, caller(), isAdmin()).dto();
        return Versions.ok(key, key.version());
    }

    /**
     * Revokes the key: from now on it is refused with 401. The key stays listed, as revoked.
     *
     * @return the revoked key
     */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Scopes.ADMIN, Scopes.EDITOR, Scopes.VIEWER})
    @APIResponse(
            responseCode = "200",
            description = "The revoked key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiKeyDto.class)))
    public Response revoke(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        ApiKeyDto key = service.revoke(id, caller(), isAdmin(), ifMatch);
        return Versions.ok(key, key.version());
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private boolean isAdmin() {
        return identity.getRoles().contains(Scopes.ADMIN);
    }
}
