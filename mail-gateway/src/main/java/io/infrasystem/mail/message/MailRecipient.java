package io.infrasystem.mail.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A to, cc or bcc recipient of a message. */
@Entity
@Table(name = "mail_recipient")
public class MailRecipient extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_id")
    public long messageId;
    /** {@code to}, {@code cc} or {@code bcc}. */
    public String kind;

    public int position;
    /** The address as it goes into the header, display name RFC 2047-encoded. */
    public String address;
    /** The addr-spec in lower case, for filters. */
    public String email;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** @return the recipients of a message in input order */
    public static List<MailRecipient> of(long messageId) {
        return list("messageId = ?1 order by kind, position", messageId);
    }
}
