package io.infrasystem.mail.message;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Actor;
import io.infrasystem.mail.channel.ChannelRouting;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.settings.SettingsService;
import io.infrasystem.mail.smtp.Address;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores messages in the queue (with their recipients and attachments, the idempotency key and the
 * {@code mail.message.queued} event in one transaction) and puts failed ones back in it.
 */
@ApplicationScoped
public class MessageService {

    /** Resource name of messages in events ({@code mail.message.*}) and the audit log. */
    public static final String RESOURCE = "message";

    private final IdempotencyKeys keys;
    private final ChangeRecorder changes;
    private final MessageMapper mapper;
    private final SettingsService settings;
    private final MailConfig.Limits limits;
    private final Event<MessageQueued> queued;
    private final ChannelRouting channels;

    public MessageService(
            IdempotencyKeys keys,
            ChangeRecorder changes,
            MessageMapper mapper,
            SettingsService settings,
            MailConfig config,
            Event<MessageQueued> queued,
            ChannelRouting channels) {
        this.channels = channels;
        this.queued = queued;
        this.keys = keys;
        this.changes = changes;
        this.mapper = mapper;
        this.settings = settings;
        this.limits = config.limits();
    }

    /**
     * The stored message and whether it existed already.
     *
     * @param message the message
     * @param replayed true when the idempotency key named a message stored before (nothing new queued)
     * @param summary the message's summary as it was committed (the answer to the submitter, with no
     *     second read)
     */
    public record Submitted(MailMessage message, boolean replayed, MessageViews.Summary summary) {}

    /**
     * Queues a validated message, or returns the one stored under the same idempotency key within
     * the window.
     *
     * @param message what to send
     * @param submitter who asks
     * @param idempotencyKey the key, or {@code null}
     * @return the queued (or earlier) message
     */
    @Transactional
    public Submitted submit(ValidatedMessage message, Submitter submitter, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Long> earlier = keys.reserve(
                    submitter.idempotencyScope(), idempotencyKey, Instant.now().plus(limits.idempotencyWindow()));
            if (earlier.isPresent()) {
                MailMessage stored = MailMessage.findById(earlier.get());
                return new Submitted(stored, true, mapper.summary(stored));
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String from = settings.effective().fromAddress();
        MailMessage m = new MailMessage();
        m.messageId = "<" + UUID.randomUUID() + "@" + domainOf(from) + ">";
        m.sender = submitter.actor().name();
        m.senderType = submitter.actor().type().wireName();
        m.origin = submitter.origin();
        m.eventId = submitter.eventId();
        m.fromAddress = from;
        m.replyTo = message.replyTo() == null ? null : message.replyTo().header();
        m.subject = message.subject();
        m.textBody = message.text();
        m.htmlBody = message.html();
        m.templateName = message.templateName();
        m.templateVersion = message.templateVersion();
        m.variables = message.variablesJson();
        m.channel = message.channel();
        m.idempotencyKey = idempotencyKey;
        m.status = MessageStatus.QUEUED;
        m.attempts = 0;
        m.nextAttemptAt = now;
        m.persistAndFlush();
        List<MailRecipient> recipients = new java.util.ArrayList<>();
        addRecipients(recipients, m.id, "to", message.to());
        addRecipients(recipients, m.id, "cc", message.cc());
        List<Address> bcc = new java.util.ArrayList<>(message.bcc());
        bcc.addAll(channels.extraBcc(message.channel()));
        addRecipients(recipients, m.id, "bcc", bcc);
        MailRecipient.persist(recipients);
        int position = 0;
        for (ValidatedMessage.Attachment a : message.attachments()) {
            MailAttachment attachment = new MailAttachment();
            attachment.messageId = m.id;
            attachment.position = position++;
            attachment.fileName = a.fileName();
            attachment.contentType = a.contentType();
            attachment.sizeBytes = a.content().length;
            attachment.content = a.content();
            attachment.persist();
        }
        channels.schedule(m.id, message.channel(), now);
        MailMessage.flush();
        if (idempotencyKey != null) {
            keys.bind(submitter.idempotencyScope(), idempotencyKey, m.id);
        }
        MessageViews.Summary summary = mapper.summary(m, recipients);
        changes.record(new Change(RESOURCE, String.valueOf(m.id), "queued", null, summary, submitter.actor()));
        queued.fire(new MessageQueued(m.id));
        return new Submitted(m, false, summary);
    }

    /**
     * Puts a failed message back in the queue (attempts start again from zero).
     *
     * @param id the message
     * @param actor who asks
     * @return the queued message
     * @throws ProblemException 404 when it does not exist, 409 when it is not failed
     */
    @Transactional
    public MailMessage retry(long id, Actor actor) {
        MailMessage m = MailMessage.<MailMessage>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(RESOURCE, id));
        if (m.status != MessageStatus.FAILED) {
            throw ProblemException.conflict(
                    "message " + id + " is " + m.status.wire() + "; only failed messages can be retried");
        }
        MessageViews.Summary before = mapper.summary(m);
        m.status = MessageStatus.QUEUED;
        m.attempts = 0;
        m.nextAttemptAt = Instant.now();
        m.flush();
        changes.record(new Change(RESOURCE, String.valueOf(id), "queued", before, mapper.summary(m), actor));
        queued.fire(new MessageQueued(id));
        return m;
    }

    private static void addRecipients(List<MailRecipient> into, long messageId, String kind, List<Address> addresses) {
        int position = 0;
        for (Address address : addresses) {
            MailRecipient r = new MailRecipient();
            r.messageId = messageId;
            r.kind = kind;
            r.position = position++;
            r.address = address.header();
            r.email = address.email();
            into.add(r);
        }
    }

    private static String domainOf(String from) {
        try {
            String email = Address.parse(from).email();
            return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "mail-gateway.invalid";
        }
    }
}
