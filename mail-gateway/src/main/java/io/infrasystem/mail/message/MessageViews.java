package io.infrasystem.mail.message;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The DTOs of messages as the API and the change events show them. */
public final class MessageViews {

    private MessageViews() {}

    /**
     * A message without bodies: rows of the transaction log and the entity of
     * {@code mail.message.*} events.
     */
    public record Summary(
            long id,
            String messageId,
            String status,
            String sender,
            String senderType,
            String origin,
            String eventId,
            String from,
            List<String> to,
            List<String> cc,
            int bccCount,
            String subject,
            String template,
            Integer templateVersion,
            String channel,
            String idempotencyKey,
            int attempts,
            Instant nextAttemptAt,
            Integer lastReplyCode,
            String lastError,
            Instant sentAt,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    /** One delivery attempt: when, how long (ms), outcome and the SMTP server's reply. */
    public record Attempt(
            int attemptNo,
            Instant startedAt,
            long durationMs,
            String outcome,
            Integer replyCode,
            String replyText,
            String smtpHost,
            String instance) {}

    /** Metadata of an attachment (the content is not returned). */
    public record Attachment(String fileName, String contentType, long sizeBytes) {}

    /** A message (the summary's fields) with its content, attachments metadata and delivery attempts. */
    public record Detail(
            @JsonUnwrapped Summary message,
            List<String> bcc,
            String replyTo,
            String text,
            String html,
            JsonNode variables,
            List<Attachment> attachments,
            List<Attempt> deliveryAttempts,
            List<io.infrasystem.mail.channel.ChannelViews.Delivery> channelDeliveries) {}
}
