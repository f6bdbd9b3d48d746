package io.infrasystem.mail.channel;

import io.infrasystem.mail.named.NamedView;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of {@code /api/mail/channels}. */
public final class ChannelViews {

    private ChannelViews() {}

    /** A channel; the secret is never returned, only whether one is set. */
    public record View(
            long id,
            String name,
            String kind,
            String url,
            boolean secretSet,
            List<String> recipients,
            boolean enabled,
            long version,
            Instant createdAt,
            Instant updatedAt)
            implements NamedView {}

    /** @return the view of a channel */
    public static View of(NotificationChannel c) {
        return new View(
                c.id,
                c.name,
                c.kind,
                c.url,
                c.secretEncrypted != null,
                c.recipientList(),
                c.enabled,
                c.version,
                c.createdAt,
                c.updatedAt);
    }

    /** @return the stored values of a channel as an input (the secret, never readable, is kept) */
    public static Input input(NotificationChannel c) {
        return new Input(c.name, c.kind, c.url, null, c.recipientList(), c.enabled);
    }

    /**
     * A new channel or a full replacement.
     *
     * @param name unique, {@code [a-z0-9][a-z0-9._-]*}
     * @param kind {@code email}, {@code slack} or {@code webhook}
     * @param url http(s) URL of a slack or webhook channel
     * @param secret HMAC-SHA256 secret of a webhook (stored AES-GCM encrypted); {@code null} keeps
     *     the stored one on replacement, {@code ""} removes it
     * @param recipients addresses of an email channel
     * @param enabled whether messages are routed to it (default true)
     */
    public record Input(
            String name, String kind, String url, String secret, List<String> recipients, Boolean enabled) {}

    /**
     * The result of a test call.
     *
     * @param ok whether the receiver accepted it
     * @param statusCode HTTP status (webhooks) or SMTP reply code (email), {@code null} without a response
     * @param detail the start of the response body, or the error
     * @param durationMs how long the call took, milliseconds
     */
    public record TestResult(boolean ok, Integer statusCode, String detail, long durationMs) {}

    /** A message's delivery to a webhook channel, as shown with the message. */
    public record Delivery(
            String channel, String status, int attempts, Integer lastStatusCode, String lastError, Instant sentAt) {}
}
