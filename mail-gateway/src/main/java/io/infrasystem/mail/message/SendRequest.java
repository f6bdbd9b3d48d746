package io.infrasystem.mail.message;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/mail/messages}: either direct content ({@code subject} with
 * {@code text} and/or {@code html}) or a stored {@code template} with {@code variables}.
 *
 * @param to recipients, RFC 5322 addresses ({@code ops@example.com} or {@code "Ops" <ops@example.com>})
 * @param cc carbon-copy recipients
 * @param bcc blind-copy recipients (never written into the headers)
 * @param replyTo optional Reply-To address
 * @param subject subject line, one line
 * @param text plain-text body
 * @param html HTML body
 * @param template name of a stored Qute template
 * @param variables data the template is rendered with
 * @param attachments files, base64 content
 * @param channel optional notification channel that also receives the message
 */
public record SendRequest(
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String replyTo,
        String subject,
        String text,
        String html,
        String template,
        Map<String, Object> variables,
        List<AttachmentInput> attachments,
        String channel) {

    /**
     * One attachment.
     *
     * @param fileName file name shown to the recipient
     * @param contentType MIME type, e.g. {@code application/pdf}
     * @param content the bytes, base64 (RFC 4648, standard alphabet)
     */
    public record AttachmentInput(String fileName, String contentType, String content) {}
}
