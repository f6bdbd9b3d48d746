package io.infrasystem.mail.template;

import io.infrasystem.mail.named.NamedView;
import java.time.Instant;
import java.util.Map;

/** Request and response bodies of {@code /api/mail/templates}. */
public final class TemplateViews {

    private TemplateViews() {}

    /** A template; {@code version} is the template version messages record (and the ETag). */
    public record View(
            long id,
            String name,
            String description,
            String subject,
            String text,
            String html,
            long version,
            Instant createdAt,
            Instant updatedAt)
            implements NamedView {}

    /**
     * A new template or a full replacement.
     *
     * @param name unique, {@code [a-z0-9][a-z0-9._-]*}, at most 100 characters
     * @param description free text
     * @param subject Qute source of the subject (one line)
     * @param text Qute source of the text body
     * @param html Qute source of the HTML body (values are HTML-escaped)
     */
    public record Input(String name, String description, String subject, String text, String html) {}

    /** @param variables the data to render with */
    public record PreviewRequest(Map<String, Object> variables) {}

    /** The rendered parts. */
    public record Preview(String subject, String text, String html) {}

    /** @return the view of a template */
    public static View of(MailTemplate t) {
        return new View(
                t.id, t.name, t.description, t.subject, t.textBody, t.htmlBody, t.version, t.createdAt, t.updatedAt);
    }

    /** @return the stored sources of a template as an input */
    public static Input input(MailTemplate t) {
        return new Input(t.name, t.description, t.subject, t.textBody, t.htmlBody);
    }
}
