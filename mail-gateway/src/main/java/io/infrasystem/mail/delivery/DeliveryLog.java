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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * One finished attempt, to be recorded by {@link #completeAll}.
     *
     * @param id the message
     * @param started when the attempt began
     * @param ended when the server's final reply (or the failure) came
     * @param outcome what happened
     */
    public record Attempt(long id, Instant started, Instant ended, SendOutcome outcome) {}

    /**
     * Records the attempts of one batch in one transaction (a handful of statements and one commit
     * for the whole batch instead of one commit per message) and moves each message on:
     * {@code sent}; {@code retrying} with the next attempt after {@code initial-backoff × 2^(n-1)}
     * (capped); {@code failed} after a permanent failure or the last allowed attempt. Every message
     * still gets its own attempt row, audit entry and event ({@code mail.message.sent} etc.).
     *
     * @param attempts the attempts, in the order they were made
     * @param instance this instance (a message whose claim is no longer ours is skipped)
     * @param smtpHost the server they were handed to ({@code host:port})
     * @return the new status by message id, without the skipped messages
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<Long, MessageStatus> completeAll(List<Attempt> attempts, String instance, String smtpHost) {
        Map<Long, MessageStatus> result = new LinkedHashMap<>();
        if (attempts.isEmpty()) {
            return result;
        }
        List<Long> ids = attempts.stream().map(Attempt::id).toList();
        Map<Long, MailMessage> messages = MailMessage.<MailMessage>list("id in ?1", ids).stream()
                .filter(m -> m.status == MessageStatus.SENDING && instance.equals(m.claimedBy))
                .collect(Collectors.toMap(m -> m.id, m -> m));
        if (messages.isEmpty()) {
            return result;
        }
        Map<Long, List<MailRecipient>> recipients =
                MailRecipient.<MailRecipient>list(
                                "messageId in ?1 order by messageId, kind, position", messages.keySet())
                        .stream()
                        .collect(Collectors.groupingBy(r -> r.messageId));
        Map<Long, Long> earlier = DeliveryAttempt.getEntityManager()
                .createQuery(
                        "select a.messageId, count(a) from DeliveryAttempt a where a.messageId in ?1 group by"
                                + " a.messageId",
                        Object[].class)
                .setParameter(1, messages.keySet())
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
        List<Change> recorded = new ArrayList<>(attempts.size());
        // sent_at and the next attempt count from the recording, as when each outcome had its own
        // transaction: the messages of a wave may finish out of order, sent_at keeps the queue's
        Instant now = Instant.now();
        for (Attempt a : attempts) {
            MailMessage m = messages.get(a.id());
            if (m == null) {
                continue;
            }
            List<MailRecipient> rs = recipients.getOrDefault(a.id(), List.of());
            MessageViews.Summary before = mapper.summary(m, rs);
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.messageId = a.id();
            attempt.attemptNo = (int) (long) earlier.merge(a.id(), 1L, Long::sum);
            attempt.startedAt = a.started();
            attempt.durationMs = Duration.between(a.started(), a.ended()).toMillis();
            attempt.outcome = a.outcome().kind().wire();
            attempt.replyCode = a.outcome().replyCode();
            attempt.replyText = a.outcome().replyText();
            attempt.smtpHost = smtpHost;
            attempt.instance = instance;
            attempt.persist();
            String action = moveOn(m, a.outcome(), now);
            recorded.add(new Change(
                    MessageService.RESOURCE, String.valueOf(a.id()), action, before, mapper.summary(m, rs), WORKER));
            result.put(a.id(), m.status);
        }
        MailMessage.flush();
        changes.recordAll(recorded);
        return result;
    }

    /** Applies an outcome to the message; @return the action of its change event */
    private String moveOn(MailMessage m, SendOutcome outcome, Instant now) {
        m.attempts++;
        m.lastReplyCode = outcome.replyCode();
        m.claimedBy = null;
        m.claimedAt = null;
        switch (outcome.kind()) {
            case SENT -> {
                m.status = MessageStatus.SENT;
                m.sentAt = now;
                m.nextAttemptAt = null;
                m.lastError = null;
                return "sent";
            }
            case PERMANENT -> {
                m.status = MessageStatus.FAILED;
                m.nextAttemptAt = null;
                m.lastError = outcome.replyText();
                return "failed";
            }
            default -> {
                m.lastError = outcome.replyText();
                if (m.attempts >= config.maxAttempts()) {
                    m.status = MessageStatus.FAILED;
                    m.nextAttemptAt = null;
                    return "failed";
                }
                m.status = MessageStatus.RETRYING;
                m.nextAttemptAt = now.plus(Backoff.after(m.attempts, config.initialBackoff(), config.maxBackoff()));
                return "retrying";
            }
        }
    }

    private static List<String> kind(List<MailRecipient> recipients, String kind) {
        return recipients.stream()
                .filter(r -> r.kind.equals(kind))
                .map(r -> r.address)
                .toList();
    }
}
