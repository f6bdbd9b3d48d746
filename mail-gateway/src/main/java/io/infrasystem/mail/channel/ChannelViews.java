package io.infrasystem.mail.channel;

import io.infrasystem.mail.named.NamedView;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of {@code /api/mail/channels}. */
public final class ChannelViews {

    private ChannelViews() {}

    /**
     * A channel; the secret is never returned, only whether one is set. A Slack or webhook URL is a
     * credential (whoever knows it can post), so only administrators read it: others get {@code url}
     * {@code null} with its host and {@code url_set} ({@link #redacted()}).
     *
     * @param url the receiver's URL (administrators only), null for an email channel
     * @param urlHost the URL's host, null for an email channel
     * @param urlSet whether the channel has a URL
     */
    public record View(
            long id,
            String name,
            String kind,
            String url,
            String urlHost,
            boolean urlSet,
            boolean secretSet,
            List<String> recipients,
            boolean enabled,
            long version,
            Instant createdAt,
            Instant updatedAt)
            implements NamedView {

        /** @return this view without the URL, for readers who are not administrators */
        public View redacted() {
            return new View(
                    id,
                    name,
                    kind,
                    null,
                    urlHost,
                    urlSet,
                    secretSet,
                    recipients,
                    enabled,
                    version,
                    createdAt,
                    updatedAt);
        }
    }

    /** @return the view of a channel */
    public static View of(NotificationChannel c) {
        return new View(
                c.id,
                c.name,
                c.kind,
                c.url,
                host(c.url),
                c.url != null,
                c.secretEncrypted != null,
                c.recipientList(),
                c.enabled,
                c.version,
                c.createdAt,
                c.updatedAt);
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /**
     * A message's delivery to a webhook channel, as shown with the message.
     *
     * @param lastError the last error with the start of the receiver's answer (administrators only;
     *     null for others, who see {@code last_status_code})
     */
    public record Delivery(
            String channel, String status, int attempts, Integer lastStatusCode, String lastError, Instant sentAt) {

        /** @return this delivery without the receiver's answer, for readers who are not administrators */
        public Delivery redacted() {
            return new Delivery(channel, status, attempts, lastStatusCode, null, sentAt);
        }
    }
}
