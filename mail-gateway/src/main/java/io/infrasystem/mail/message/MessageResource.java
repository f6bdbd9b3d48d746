package io.infrasystem.mail.message;

import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.mail.listing.EntityLists;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.util.Set;
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

    private static final FilterSpec FILTERS = FilterSpec.builder("m.id")
            .field(FilterField.integer("id", "m.id"))
            .field(FilterField.choice("status", "m.status", MessageStatus.class))
            .field(FilterField.membership(
                    "recipient",
                    "exists (select 1 from MailRecipient r where r.messageId = m.id and r.email in (:values))",
                    v -> v.strip().toLowerCase(java.util.Locale.ROOT)))
            .field(FilterField.text("sender", "m.sender"))
            .field(FilterField.choice("sender_type", "m.senderType", Set.of("user", "api_key", "system")))
            .field(FilterField.choice("origin", "m.origin", Set.of("api", "event")))
            .field(FilterField.text("template", "m.templateName"))
            .field(FilterField.text("channel", "m.channel"))
            .field(FilterField.text("subject", "m.subject"))
            .field(FilterField.text("message_id", "m.messageId"))
            .field(FilterField.integer("attempts", "m.attempts"))
            .field(FilterField.timestamp("created_at", "m.createdAt"))
            .field(FilterField.timestamp("sent_at", "m.sentAt"))
            .search("m.subject", "m.sender")
            .defaultOrdering("-created_at")
            .build();

    private final MessageValidator validator;
    private final MessageService service;
    private final MessageMapper mapper;
    private final CurrentActor currentActor;

    public MessageResource(
            MessageValidator validator, MessageService service, MessageMapper mapper, CurrentActor currentActor) {
        this.validator = validator;
        this.service = service;
        this.mapper = mapper;
        this.currentActor = currentActor;
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
        return Response.accepted(summary(submitted.message().id))
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
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Page<MessageViews.Summary> list(@Context UriInfo uri) {
        return EntityLists.page(MailMessage.class, "m", FILTERS, uri, mapper::summary);
    }

    /**
     * @param id the message
     * @return the message with its content, attachments metadata and delivery attempts; ETag = version
     * @throws ProblemException 404 when it does not exist
     */
    @GET
    @Path("{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Response get(@PathParam("id") long id) {
        MailMessage m = MailMessage.<MailMessage>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(MessageService.RESOURCE, id));
        return Response.ok(mapper.detail(m)).tag(Versions.etag(m.version)).build();
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
        return Response.accepted(summary(m.id)).build();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    MessageViews.Summary summary(long id) {
        return mapper.summary(MailMessage.findById(id));
    }
}
