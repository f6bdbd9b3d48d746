package io.infrasystem.mail.message;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import java.util.List;

/** An attachment of a message; its content is kept for delivery and retries. */
@Entity
public class MailAttachment extends MessagePart {

    public int position;
    public String fileName;
    public String contentType;
    public long sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    /** @return the attachments of a message in input order */
    public static List<MailAttachment> of(long messageId) {
        return list("messageId = ?1 order by position", messageId);
    }
}
