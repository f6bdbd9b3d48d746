package io.infrasystem.mail.channel;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.settings.SettingsService;
import io.infrasystem.mail.smtp.EffectiveSettings;
import io.infrasystem.mail.smtp.Envelope;
import io.infrasystem.mail.smtp.SendOutcome;
import io.infrasystem.mail.smtp.SmtpTransport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends a test notification to a channel now, outside the queue and outside any transaction: a
 * JSON post to a webhook or Slack URL, or an email to the recipients of an email channel.
 */
@ApplicationScoped
public class ChannelTester {

    private final ChannelService channels;
    private final WebhookClient webhooks;
    private final ChannelPayloads payloads;
    private final SmtpTransport smtp;
    private final SettingsService settings;
    private final Duration sendTimeout;

    public ChannelTester(
            ChannelService channels,
            WebhookClient webhooks,
            ChannelPayloads payloads,
            SmtpTransport smtp,
            SettingsService settings,
            MailConfig config) {
        this.channels = channels;
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.smtp = smtp;
        this.settings = settings;
        this.sendTimeout = config.delivery().sendTimeout();
    }

    /**
     * @param id the channel
     * @return whether it was accepted, with the HTTP status (or SMTP reply code), the response
     *     detail and the duration in milliseconds
     * @throws ProblemException 404 when the channel is unknown
     */
    public ChannelViews.TestResult test(long id) {
        ChannelService.Target target = channels.target(id);
        Instant started = Instant.now();
        String subject = "Infra-System test notification for channel " + target.name();
        String text = "This is a test notification from Infra-System mail-gateway.";
        if (target.kind() == ChannelKind.EMAIL) {
            EffectiveSettings current = settings.effective();
            SendOutcome outcome = smtp.send(
                    current,
                    new Envelope(
                            "<channel-test-" + UUID.randomUUID() + "@mail-gateway>",
                            current.fromAddress(),
                            null,
                            target.recipients(),
                            List.of(),
                            List.of(),
                            subject,
                            text,
                            null,
                            List.of()),
                    sendTimeout);
            return new ChannelViews.TestResult(
                    outcome.kind() == SendOutcome.Kind.SENT,
                    outcome.replyCode(),
                    outcome.replyText(),
                    Duration.between(started, Instant.now()).toMillis());
        }
        String body = payloads.body(
                target.kind(),
                new ChannelPayloads.Notice(null, null, subject, text, null, List.of(), "mail-gateway", started));
        WebhookClient.Outcome outcome = webhooks.post(target.url(), body, target.secret());
        return new ChannelViews.TestResult(
                outcome.ok(),
                outcome.statusCode(),
                outcome.detail(),
                Duration.between(started, Instant.now()).toMillis());
    }
}
