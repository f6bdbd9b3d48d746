package io.infrasystem.mail.message;

import io.infrasystem.commons.crud.Lists;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Set;

/** Reads the transaction log: pages of message summaries, one message in full, one summary. */
@ApplicationScoped
public class MessageQueries {

    private static final FilterSpec FILTERS = FilterSpec.builder("m.id")
            .field(FilterField.integer("id", "m.id"))
            .field(FilterField.choice("status", "m.status", MessageStatus.class))
            .field(FilterField.membership(
                    "recipient",
                    "exists (select 1 from MailRecipient r where r.messageId = m.id and r.email in (:values))",
                    v -> v.strip().toLowerCase(Locale.ROOT)))
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

    private final MessageMapper mapper;

    public MessageQueries(MessageMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param uri the request: filters {@code status}, {@code recipient} (address), {@code sender},
     *     {@code sender_type}, {@code origin}, {@code template}, {@code channel}, {@code subject},
     *     {@code message_id}, {@code attempts}, {@code created_at}, {@code sent_at} (with NetBox
     *     lookups such as {@code created_at__gte}), {@code q}, {@code ordering}, {@code limit}/{@code offset}
     * @return a page of message summaries, newest first unless {@code ordering} says otherwise
     * @throws ProblemException 400 for bad filters or paging parameters
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MessageViews.Summary> list(UriInfo uri) {
        return Lists.page(
                FILTERS,
                uri,
                (where, parameters) -> MailMessage.<MailMessage>find("from MailMessage m where " + where, parameters),
                mapper::summary);
    }

    /**
     * @param id the message
     * @param admin whether the reader is an administrator (who alone sees receivers' answers)
     * @return the message with its content, attachments metadata and delivery attempts (its
     *     summary's {@code version} is the ETag)
     * @throws ProblemException 404 when it does not exist
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageViews.Detail detail(long id, boolean admin) {
        MailMessage m = MailMessage.<MailMessage>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(MessageService.RESOURCE, id));
        return mapper.detail(m, admin);
    }

    /** @return the summary of a stored message */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageViews.Summary summary(long id) {
        return mapper.summary(MailMessage.findById(id));
    }
}
