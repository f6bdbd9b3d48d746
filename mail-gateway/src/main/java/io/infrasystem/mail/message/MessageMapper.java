package io.infrasystem.mail.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.mail.channel.ChannelRouting;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns message entities into their API views; reads recipients, attachments and attempts. */
@ApplicationScoped
public class MessageMapper {

    private final ObjectMapper json;
    private final ChannelRouting channels;

    public MessageMapper(ObjectMapper json, ChannelRouting channels) {
        this.json = json;
        this.channels = channels;
    }

    /** @return the summary of {@code m}, with its recipients read from the database */
    public MessageViews.Summary summary(MailMessage m) {
        return summary(m, MailRecipient.of(m.id));
    }

    /** @return the summary of {@code m} with the given recipients */
    public MessageViews.Summary summary(MailMessage m, List<MailRecipient> recipients) {
        return new MessageViews.Summary(
                m.id,
                m.messageId,
                m.status.wire(),
                m.sender,
                m.senderType,
                m.origin,
                m.eventId,
                m.fromAddress,
                addresses(recipients, "to"),
                addresses(recipients, "cc"),
                addresses(recipients, "bcc").size(),
                m.subject,
                m.templateName,
                m.templateVersion,
                m.channel,
                m.idempotencyKey,
                m.attempts,
                m.nextAttemptAt,
                m.lastReplyCode,
                m.lastError,
                m.sentAt,
                m.createdAt,
                m.updatedAt,
                m.version);
    }

    /**
     * @param admin whether the reader is an administrator: others do not see the answers of
     *     channel receivers
     * @return the full view of {@code m}: content, attachments metadata and attempts
     */
    public MessageViews.Detail detail(MailMessage m, boolean admin) {
        List<MailRecipient> recipients = MailRecipient.of(m.id);
        List<MessageViews.Attachment> attachments = MailAttachment.find("messageId = ?1 order by position", m.id)
                .project(MessageViews.Attachment.class)
                .list();
        List<MessageViews.Attempt> attempts = DeliveryAttempt.of(m.id).stream()
                .map(a -> new MessageViews.Attempt(
                        a.attemptNo,
                        a.startedAt,
                        a.durationMs,
                        a.outcome,
                        a.replyCode,
                        a.replyText,
                        a.smtpHost,
                        a.instance))
                .toList();
        try {
            return new MessageViews.Detail(
                    summary(m, recipients),
                    addresses(recipients, "bcc"),
                    m.replyTo,
                    m.textBody,
                    m.htmlBody,
                    m.variables == null ? null : json.readTree(m.variables),
                    attachments,
                    attempts,
                    channels.deliveries(m.id, admin));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored variables of message " + m.id + " are not JSON", e);
        }
    }

    private static List<String> addresses(List<MailRecipient> recipients, String kind) {
        return recipients.stream()
                .filter(r -> r.kind.equals(kind))
                .map(r -> r.address)
                .toList();
    }
}
