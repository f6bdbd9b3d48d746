package io.infrasystem.mail.channel;

import java.util.Locale;

/**
 * Kinds of notification channel: {@code email} (fixed recipients, added as Bcc), {@code slack}
 * (Slack incoming-webhook JSON {@code {"text": …}}, also accepted by Mattermost, Rocket.Chat and
 * Microsoft Teams' Slack-compatible endpoints) and {@code webhook} (generic JSON POST).
 */
public enum ChannelKind {
    EMAIL,
    SLACK,
    WEBHOOK;

    /** @return the API value */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value {@code email}, {@code slack} or {@code webhook}, any case
     * @return the kind
     * @throws IllegalArgumentException for another value
     */
    public static ChannelKind parse(String value) {
        for (ChannelKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be one of email, slack, webhook");
    }
}
