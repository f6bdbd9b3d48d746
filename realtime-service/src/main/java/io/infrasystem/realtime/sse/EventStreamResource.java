package io.infrasystem.realtime.sse;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.infrasystem.realtime.fanout.EventHub;
import io.infrasystem.realtime.subscription.ConnectRequest;
import io.infrasystem.realtime.subscription.Visibility;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/realtime/stream}: live events as Server-Sent Events (WHATWG HTML §9.2).
 */
@Path("/api/realtime")
@Authenticated
public class EventStreamResource {

    private final EventHub hub;
    private final Visibility visibility;
    private final RealtimeConfig config;
    private final SecurityIdentity identity;

    /**
     * @param hub the event hub
     * @param visibility visibility rules
     * @param config limits
     * @param identity the caller
     */
    public EventStreamResource(EventHub hub, Visibility visibility, RealtimeConfig config, SecurityIdentity identity) {
        this.hub = hub;
        this.visibility = visibility;
        this.config = config;
        this.identity = identity;
    }

    /**
     * Streams the caller's events: first a {@code subscribed} confirmation, then (when resuming)
     * the events missed since the cursor or a {@code reset} message, then live events. Every
     * message is an SSE event whose data is JSON with a {@code kind}; events carry their cursor as
     * the SSE {@code id}.
     *
     * @param types type patterns, repeated or comma-separated (none: {@code *})
     * @param subjects subjects (none: any)
     * @param resumeFrom cursor to resume after
     * @param lastEventId the cursor a reconnecting {@code EventSource} sends (wins over {@code resume_from})
     * @param sink the stream
     * @param sse the SSE event factory
     * @throws ProblemException 400 for malformed parameters, 429 when the caller already holds
     *     {@code infra.realtime.connections.max-per-principal} open streams
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Scopes.EVENTS_READ)
    @Operation(summary = "Live events as Server-Sent Events")
    public void stream(
            @QueryParam("types") List<String> types,
            @QueryParam("subjects") List<String> subjects,
            @QueryParam("resume_from") String resumeFrom,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        String cursor = lastEventId != null && !lastEventId.isBlank() ? lastEventId : resumeFrom;
        ConnectRequest request = ConnectRequest.parse(
                types, subjects, cursor, config.connections().maxFilters());
        Visibility.Clearance clearance = visibility.clearanceOf(identity);
        if (hub.openStreams(clearance.principal()) >= config.connections().maxPerPrincipal()) {
            throw new ProblemException(
                    ProblemKind.TOO_MANY_REQUESTS,
                    "At most " + config.connections().maxPerPrincipal()
                            + " open streams per principal; close one before opening another",
                    List.of());
        }
        SseSession session = new SseSession(
                sink,
                sse,
                visibility,
                clearance,
                request.subscription(),
                config.connections().queueCapacity());
        SseBroadcaster closeWatch = sse.newBroadcaster();
        closeWatch.onClose(closed -> session.closedByClient());
        closeWatch.register(sink);
        hub.attach(session, request.resumeFrom());
    }
}
