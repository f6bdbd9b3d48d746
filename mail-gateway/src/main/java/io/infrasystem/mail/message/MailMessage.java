package io.infrasystem.mail.message;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One outgoing email and its delivery state: a row of the transaction log. */
@Entity
public class MailMessage extends Tracked {
    /** RFC 5322 Message-ID including the angle brackets; the same on every attempt. */
    public String messageId;

    public String sender;
    public String senderType;
    /** {@code api} or {@code event}. */
    public String origin;

    public String eventId;
    public String fromAddress;
    public String replyTo;
    public String subject;
    public String textBody;
    public String htmlBody;
    public String templateName;
    public Integer templateVersion;
    /** Template variables as JSON. */
    public String variables;

    public String channel;
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    public MessageStatus status;

    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Integer lastReplyCode;
    public String claimedBy;
    public Instant claimedAt;
    public Instant sentAt;
}
