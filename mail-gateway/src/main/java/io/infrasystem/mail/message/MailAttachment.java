package io.infrasystem.mail.message;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import java.util.List;

/** An attachment of a message; its content is kept for delivery and retries. */
@Entity
@Table(name = "mail_attachment")
public class MailAttachment extends MessagePart {

    public int position;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    /** @return the attachments of a message in input order */
    public static List<MailAttachment> of(long messageId) {
        return list("messageId = ?1 order by position", messageId);
    }
}
