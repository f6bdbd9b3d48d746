package io.infrasystem.mail.channel;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A named destination that also receives a notification: {@code email} (fixed recipients),
 * {@code slack} (Slack-compatible incoming webhook) or {@code webhook} (generic JSON POST, signed
 * with HMAC-SHA256 when a secret is set).
 */
@Entity
public class NotificationChannel extends Tracked {
    public String name;
    public String kind;
    public String url;
    public String secretEncrypted;
    /** Email channel: addresses, one per line. */
    public String recipients;

    public boolean enabled;

    /** @return the channel with this name */
    public static Optional<NotificationChannel> byName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** @return the addresses of an email channel in header form, in stored order; empty for other kinds */
    public List<String> recipientList() {
        return recipients == null
                ? List.of()
                : Arrays.stream(recipients.split("\n"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
