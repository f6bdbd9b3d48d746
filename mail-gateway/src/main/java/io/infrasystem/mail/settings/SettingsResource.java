package io.infrasystem.mail.settings;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SMTP settings over HTTP (administrators): read (the password is never returned), replace, and
 * send a test message that reports the server's reply. The work is done by {@link SettingsService}.
 */
@Path("/api/mail/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class SettingsResource {

    private final SettingsService settings;

    public SettingsResource(SettingsService settings) {
        this.settings = settings;
    }

    /** @return the settings in force, ETag = version (0 while the defaults apply) */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    public Response get() {
        SettingsViews.View view = settings.view();
        return Versions.ok(view, view.version());
    }

    /**
     * Replaces the settings.
     *
     * @param ifMatch optional ETag of the version the caller read (412 when stale)
     * @param input the new settings
     * @return the stored settings
     * @throws ProblemException 400 naming invalid fields, 412 on a stale If-Match
     */
    @PUT
    @RolesAllowed(Scopes.ADMIN)
    public Response put(@HeaderParam("If-Match") String ifMatch, SettingsViews.Input input) {
        SettingsViews.View view = settings.replace(ifMatch, input);
        return Versions.ok(view, view.version());
    }

    /**
     * Sends a test message now (not through the queue) with the settings in force.
     *
     * @param request the recipient
     * @return the SMTP server's reply
     * @throws ProblemException 400 when the address is invalid
     */
    @POST
    @Path("test")
    @RolesAllowed(Scopes.ADMIN)
    public SettingsViews.TestResult test(SettingsViews.TestRequest request) {
        return settings.test(request);
    }
}
