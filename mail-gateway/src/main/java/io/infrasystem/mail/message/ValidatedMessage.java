package io.infrasystem.mail.message;

import io.infrasystem.mail.smtp.Address;
import java.util.List;

/**
 * A send request that passed every check, with templates rendered and attachments decoded: what
 * is stored and later delivered.
 */
public record ValidatedMessage(
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        Address replyTo,
        String subject,
        String text,
        String html,
        String templateName,
        Integer templateVersion,
        String variablesJson,
        List<Attachment> attachments,
        String channel) {

    /** A decoded attachment. */
    public record Attachment(String fileName, String contentType, byte[] content) {}
}
