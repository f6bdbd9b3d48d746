package io.infrasystem.mail.channel;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * Notification channels over HTTP: list and read (readers), create, replace, delete and test
 * (administrators). The work is done by {@link ChannelService} and {@link ChannelTester}.
 */
@Path("/api/mail/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ChannelResource {

    private final ChannelService channels;
    private final ChannelTester tester;

    public ChannelResource(ChannelService channels, ChannelTester tester) {
        this.channels = channels;
        this.tester = tester;
    }

    /** @return a page of channels; filters {@code id}, {@code name}, {@code kind}, {@code enabled}, {@code q} */
    @GET
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Page<ChannelViews.View> list(@Context UriInfo uri) {
        return channels.list(uri);
    }

    /** @return the channel, ETag = version; 404 when unknown */
    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Response get(@PathParam("id") long id) {
        ChannelViews.View view = channels.get(id);
        return Versions.ok(view, view.version());
    }

    /** @return 201 with the channel; 400 naming invalid fields, 409 for a taken name */
    @POST
    @RolesAllowed(Scopes.ADMIN)
    public Response create(ChannelViews.Input input, @Context UriInfo uri) {
        ChannelViews.View view = channels.create(input);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(view.id()))
                        .build())
                .entity(view)
                .tag(Versions.etag(view.version()))
                .build();
    }

    /** Replaces a channel; 400, 404, 409 (name taken), 412 (stale If-Match). */
    @PUT
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    public Response replace(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, ChannelViews.Input input) {
        ChannelViews.View view = channels.replace(id, ifMatch, input);
        return Versions.ok(view, view.version());
    }

    /** Deletes a channel with its pending deliveries; 404, 412. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        channels.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /**
     * Sends a test notification to the channel now.
     *
     * @return whether it was accepted, with the HTTP status (or SMTP reply code) and response detail
     * @throws ProblemException 404 when unknown
     */
    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public ChannelViews.TestResult test(@PathParam("id") long id) {
        return tester.test(id);
    }
}
