package io.infrasystem.mail.template;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import java.util.Optional;

/**
 * A named Qute template (subject, text and HTML). {@code version} starts at 0 and grows by one with
 * every change; messages record the version they were rendered from.
 */
@Entity
public class MailTemplate extends Tracked {
    public String name;
    public String description;
    public String subject;
    public String textBody;
    public String htmlBody;

    /** @return the template with this name */
    public static Optional<MailTemplate> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
