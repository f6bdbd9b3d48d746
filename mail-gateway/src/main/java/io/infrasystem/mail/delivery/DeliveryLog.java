package io.infrasystem.mail.delivery;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.security.Actor;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.message.DeliveryAttempt;
import io.infrasystem.mail.message.MailAttachment;
import io.infrasystem.mail.message.MailMessage;
import io.infrasystem.mail.message.MailRecipient;
import io.infrasystem.mail.message.MessageMapper;
import io.infrasystem.mail.message.MessageService;
import io.infrasystem.mail.message.MessageStatus;
import io.infrasystem.mail.message.MessageViews;
import io.infrasystem.mail.smtp.Envelope;
import io.infrasystem.mail.smtp.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads claimed messages and records the outcome of each attempt: the attempt row, the message's
 * new state and, for {@code sent}, {@code failed} and {@code retrying}, the change event
 * ({@code mail.message.sent} etc.) in one transaction.
 */
@ApplicationScoped
public class DeliveryLog {

    private static final Actor WORKER = Actor.system("delivery");

    private final ChangeRecorder changes;
    private final MessageMapper mapper;
    private final MailConfig.Delivery config;

    public DeliveryLog(ChangeRecorder changes, MessageMapper mapper, MailConfig config) {
        this.changes = changes;
        this.mapper = mapper;
        this.config = config.delivery();
    }

    /**
     * Reads the claimed messages of one batch in one transaction (three queries, whatever the batch size).
     *
     * @param ids messages this instance claimed, in claim order
     * @param instance this instance
     * @return the envelopes by message id, in claim order, without those whose claim is no longer ours
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<Long, Envelope> envelopes(List<Long> ids, String instance) {
        Map<Long, Envelope> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<Long, MailMessage> messages = MailMessage.<MailMessage>list("id in ?1", ids).stream()
                .filter(m -> m.status == MessageStatus.SENDING && instance.equals(m.claimedBy))
                .collect(Collectors.toMap(m -> m.id, m -> m));
        Map<Long, List<MailRecipient>> recipients =
                MailRecipient.<MailRecipient>list("messageId in ?1 order by messageId, kind, position", ids).stream()
                        .collect(Collectors.groupingBy(r -> r.messageId));
        Map<Long, List<Envelope.File>> files =
                MailAttachment.<MailAttachment>list("messageId in ?1 order by messageId, position", ids).stream()
                        .collect(Collectors.groupingBy(
                                a -> a.messageId,
                                Collectors.mapping(
                                        a -> new Envelope.File(a.fileName, a.contentType, a.content),
                                        Collectors.toList())));
        for (long id : ids) {
            MailMessage m = messages.get(id);
            if (m != null) {
                List<MailRecipient> rs = recipients.getOrDefault(id, List.of());
                result.put(
                        id,
                        new Envelope(
                                m.messageId,
                                m.fromAddress,
                                m.replyTo,
                                kind(rs, "to"),
                                kind(rs, "cc"),
                                kind(rs, "bcc"),
                                m.subject,
                                m.textBody,
                                m.htmlBody,
                                files.getOrDefault(id, List.of())));
            }
        }
        return result;
    }

    /**
     * Records an attempt and moves the message on: {@code sent}; {@code retrying} with the next
     * attempt after {@code initial-backoff × 2^(n-1)} (capped); {@code failed} after a permanent
     * failure or the last allowed attempt.
     *
     * @param id the message
     * @param instance this instance (the claim must still be ours, else nothing is recorded)
     * @param smtpHost the server it was handed to
     * @param started when the attempt began
     * @param outcome what happened
     * @return the new status, or empty when the claim was lost
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<MessageStatus> complete(
            long id, String instance, String smtpHost, Instant started, SendOutcome outcome) {
        MailMessage m = MailMessage.findById(id);
        if (m == null || m.status != MessageStatus.SENDING || !instance.equals(m.claimedBy)) {
            return Optional.empty();
        }
        List<MailRecipient> recipients = MailRecipient.of(id);
        MessageViews.Summary before = mapper.summary(m, recipients);
        Instant now = Instant.now();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.messageId = id;
        attempt.attemptNo = (int) DeliveryAttempt.count("messageId", id) + 1;
        attempt.startedAt = started;
        attempt.durationMs = Duration.between(started, now).toMillis();
        attempt.outcome = outcome.kind().wire();
        attempt.replyCode = outcome.replyCode();
        attempt.replyText = outcome.replyText();
        attempt.smtpHost = smtpHost;
        attempt.instance = instance;
        attempt.persist();

        m.attempts++;
        m.lastReplyCode = outcome.replyCode();
        m.claimedBy = null;
        m.claimedAt = null;
        String action;
        switch (outcome.kind()) {
            case SENT -> {
                m.status = MessageStatus.SENT;
                m.sentAt = now;
                m.nextAttemptAt = null;
                m.lastError = null;
                action = "sent";
            }
            case PERMANENT -> {
                m.status = MessageStatus.FAILED;
                m.nextAttemptAt = null;
                m.lastError = outcome.replyText();
                action = "failed";
            }
            default -> {
                m.lastError = outcome.replyText();
                if (m.attempts >= config.maxAttempts()) {
                    m.status = MessageStatus.FAILED;
                    m.nextAttemptAt = null;
                    action = "failed";
                } else {
                    m.status = MessageStatus.RETRYING;
                    m.nextAttemptAt = now.plus(Backoff.after(m.attempts, config.initialBackoff(), config.maxBackoff()));
                    action = "retrying";
                }
            }
        }
        m.flush();
        changes.record(new Change(
                MessageService.RESOURCE, String.valueOf(id), action, before, mapper.summary(m, recipients), WORKER));
        return Optional.of(m.status);
    }

    private static List<String> kind(List<MailRecipient> recipients, String kind) {
        return recipients.stream()
                .filter(r -> r.kind.equals(kind))
                .map(r -> r.address)
                .toList();
    }
}
