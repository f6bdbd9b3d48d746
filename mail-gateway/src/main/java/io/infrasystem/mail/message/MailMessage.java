package io.infrasystem.mail.message;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One outgoing email and its delivery state: a row of the transaction log. */
@Entity
@Table(name = "mail_message")
public class MailMessage extends Tracked {
    /** RFC 5322 Message-ID including the angle brackets; the same on every attempt. */
    @Column(name = "message_id")
    public String messageId;

    public String sender;

    @Column(name = "sender_type")
    public String senderType;
    /** {@code api} or {@code event}. */
    public String origin;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "from_address")
    public String fromAddress;

    @Column(name = "reply_to")
    public String replyTo;

    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "template_name")
    public String templateName;

    @Column(name = "template_version")
    public Integer templateVersion;
    /** Template variables as JSON. */
    public String variables;

    public String channel;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    public MessageStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_reply_code")
    public Integer lastReplyCode;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
