package io.infrasystem.mail.template;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * A named Qute template (subject, text and HTML). {@code version} starts at 0 and grows by one with
 * every change; messages record the version they were rendered from.
 */
@Entity
@Table(name = "mail_template")
public class MailTemplate extends Tracked {
    public String name;
    public String description;
    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    /** @return the template with this name */
    public static Optional<MailTemplate> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
