package io.infrasystem.mail.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;

/**
 * The columns of a row that belongs to one message ({@link MailRecipient}, {@link MailAttachment},
 * {@link DeliveryAttempt}): an identity {@code id}, the {@code message_id} it belongs to, and
 * {@code created_at}/{@code updated_at} in UTC, set when the row is stored and changed.
 */
@MappedSuperclass
public abstract class MessagePart extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The {@link MailMessage} this row belongs to. */
    @Column(name = "message_id")
    public long messageId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @PrePersist
    void stampCreation() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = Instant.now();
    }
}
