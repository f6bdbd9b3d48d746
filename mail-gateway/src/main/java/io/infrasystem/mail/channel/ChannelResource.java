package io.infrasystem.mail.channel;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.mail.named.NamedResource;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Notification channels over HTTP: list and read (readers; the URL, a credential, only for
 * administrators: others see its host and {@code url_set}), create, replace and delete
 * (administrators; {@link NamedResource}, served by {@link ChannelService}), and a test call
 * ({@link ChannelTester}).
 */
@Path("/api/mail/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ChannelResource extends NamedResource<ChannelViews.View, ChannelViews.Input> {

    private final ChannelTester tester;
    private final SecurityIdentity identity;

    public ChannelResource(ChannelService channels, ChannelTester tester, SecurityIdentity identity) {
        super(channels);
        this.tester = tester;
        this.identity = identity;
    }

    /** @return the channel without its URL for callers who are not administrators */
    @Override
    protected ChannelViews.View shown(ChannelViews.View view) {
        return identity.hasRole(Scopes.ADMIN) ? view : view.redacted();
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
