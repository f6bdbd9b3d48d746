package io.infrasystem.mail.smtp;

import java.util.List;

/**
 * Everything the SMTP transaction of one message needs, read from the database.
 *
 * @param messageId RFC 5322 Message-ID, with angle brackets
 * @param from From header
 * @param replyTo Reply-To header or {@code null}
 * @param to to recipients (header form)
 * @param cc cc recipients
 * @param bcc bcc recipients (envelope only)
 * @param subject subject
 * @param text text body or {@code null}
 * @param html HTML body or {@code null}
 * @param attachments the files
 */
public record Envelope(
        String messageId,
        String from,
        String replyTo,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String text,
        String html,
        List<File> attachments) {

    /** An attachment. */
    public record File(String fileName, String contentType, byte[] content) {}
}
