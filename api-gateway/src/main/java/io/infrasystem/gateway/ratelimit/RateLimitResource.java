package io.infrasystem.gateway.ratelimit;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/gateway/rate-limits} (administrators): the gateway's rate limits, read and replaced.
 * The work is done by {@link RateLimitSettingsService}.
 */
@Path("/api/gateway/rate-limits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitResource {

    private final RateLimitSettingsService settings;
    private final SecurityIdentity identity;

    public RateLimitResource(RateLimitSettingsService settings, SecurityIdentity identity) {
        this.settings = settings;
        this.identity = identity;
    }

    /** @return the limits in force with their {@code ETag} (version, 0 while the configuration's apply) */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The limits in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RateLimitViews.View.class)))
    public Response get() {
        RateLimitViews.View view = settings.view();
        return Versions.ok(view, view.version());
    }

    /**
     * Replaces the limits; they apply on this instance at once, on the others within
     * {@code rate-limit.reload-interval}.
     *
     * @param ifMatch optional ETag of the version the caller read (412 when stale)
     * @param input every limit
     * @return the stored limits
     * @throws ProblemException 400 naming missing or out-of-range fields, 412 on a stale If-Match
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @APIResponse(
            responseCode = "200",
            description = "The stored limits",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RateLimitViews.View.class)))
    public Response put(@HeaderParam("If-Match") String ifMatch, RateLimitViews.Input input) {
        RateLimitViews.View view =
                settings.replace(ifMatch, input, identity.getPrincipal().getName());
        return Versions.ok(view, view.version());
    }
}
