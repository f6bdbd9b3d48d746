package io.infrasystem.mail.message;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.regex.Pattern;

/**
 * The queue and transaction log of outgoing email: {@code POST /api/mail/messages} queues a message
 * (202), {@code GET} lists and reads them with their delivery attempts, {@code POST …/retry} puts a
 * failed one back in the queue.
 */
@Path("/api/mail/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MessageResource {

    /** Longest accepted {@code Idempotency-Key}. */
    public static final int MAX_KEY_LENGTH = 200;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_KEY_LENGTH + "}");

    private final MessageValidator validator;
    private final MessageService service;
    private final MessageQueries queries;
    private final CurrentActor currentActor;
    private final SecurityIdentity identity;

    public MessageResource(
            MessageValidator validator,
            MessageService service,
            MessageQueries queries,
            CurrentActor currentActor,
            SecurityIdentity identity) {
        this.validator = validator;
        this.service = service;
        this.queries = queries;
        this.currentActor = currentActor;
        this.identity = identity;
    }

    /**
     * Validates and queues a message.
     *
     * @param idempotencyKey optional; the same key of the same sender within 24 h returns the first
     *     message and queues nothing (header {@code Idempotent-Replayed: true})
     * @param request the message
     * @return 202 with the queued message's summary and its {@code Location}
     * @throws ProblemException 400 naming every invalid field, nothing queued
     */
    @POST
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.EDITOR, Scopes.ADMIN})
    public Response send(
            @HeaderParam("Idempotency-Key") String idempotencyKey, SendRequest request, @Context UriInfo uri) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid(
                    "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        ValidatedMessage message = validator.validate(request);
        var actor = currentActor.resolve("api");
        MessageService.Submitted submitted = service.submit(
                message,
                new Submitter(actor, "api", null, actor.type().wireName() + ":" + actor.name()),
                idempotencyKey);
        return Response.accepted(submitted.summary())
                .location(uri.getBaseUriBuilder().path("api/mail/messages/{id}").build(submitted.message().id))
                .header("Idempotent-Replayed", submitted.replayed())
                .build();
    }

    /**
     * The transaction log. Filters: {@code status}, {@code recipient} (address), {@code sender},
     * {@code sender_type}, {@code origin}, {@code template}, {@code channel}, {@code subject},
     * {@code message_id}, {@code attempts}, {@code created_at}, {@code sent_at} (with NetBox
     * lookups such as {@code created_at__gte}), {@code q}; {@code limit}/{@code offset}.
     *
     * @return a page of message summaries, newest first unless {@code ordering} says otherwise
     */
    @GET
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Page<MessageViews.Summary> list(@Context UriInfo uri) {
        return queries.list(uri);
    }

    /**
     * @param id the message
     * @return the message with its content, attachments metadata and delivery attempts; ETag = version
     *     (the receivers' answers to channel deliveries only for administrators)
     * @throws ProblemException 404 when it does not exist
     */
    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Response get(@PathParam("id") long id) {
        MessageViews.Detail detail = queries.detail(id, identity.hasRole(Scopes.ADMIN));
        return Versions.ok(detail, detail.message().version());
    }

    /**
     * Puts a failed message back in the queue (administrators).
     *
     * @return 202 with the message's summary
     * @throws ProblemException 404 unknown, 409 when the message is not failed
     */
    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public Response retry(@PathParam("id") long id) {
        MailMessage m = service.retry(id, currentActor.resolve("api"));
        return Response.accepted(queries.summary(m.id)).build();
    }
}
