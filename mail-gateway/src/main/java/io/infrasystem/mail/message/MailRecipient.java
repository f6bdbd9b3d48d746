package io.infrasystem.mail.message;

import jakarta.persistence.Entity;
import java.util.List;

/** A to, cc or bcc recipient of a message. */
@Entity
public class MailRecipient extends MessagePart {
    /** {@code to}, {@code cc} or {@code bcc}. */
    public String kind;

    public int position;
    /** The address as it goes into the header, display name RFC 2047-encoded. */
    public String address;
    /** The addr-spec in lower case, for filters. */
    public String email;

    /** @return the recipients of a message in input order */
    public static List<MailRecipient> of(long messageId) {
        return list("messageId = ?1 order by kind, position", messageId);
    }
}
