package io.infrasystem.mail.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.time.Instant;

/**
 * The columns of a row that belongs to one message ({@link MailRecipient}, {@link MailAttachment},
 * {@link DeliveryAttempt}): an identity {@code id}, the {@code message_id} it belongs to, and
 * {@code created_at}/{@code updated_at} in UTC, both set when the row is stored: these rows are
 * written once and never changed.
 */
@MappedSuperclass
public abstract class MessagePart extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The {@link MailMessage} this row belongs to. */
    public long messageId;

    public Instant createdAt;
    public Instant updatedAt;

    @PrePersist
    void stamp() {
        updatedAt = createdAt = Instant.now();
    }
}
