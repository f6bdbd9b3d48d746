package io.infrasystem.mail.delivery;

import io.infrasystem.commons.crypto.SecretCipher;
import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.mail.channel.ChannelDelivery;
import io.infrasystem.mail.channel.ChannelKind;
import io.infrasystem.mail.channel.ChannelPayloads;
import io.infrasystem.mail.channel.NotificationChannel;
import io.infrasystem.mail.channel.WebhookClient;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.message.MailMessage;
import io.infrasystem.mail.message.MailRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Posts pending channel deliveries. Claims work like message claims (oldest due rows, {@code FOR
 * UPDATE SKIP LOCKED}, marked {@code sending} with the instance), so two instances never post the
 * same delivery; a delivery left {@code sending} past the claim timeout is taken again. 2xx ends
 * as sent; no response, 408, 429 and 5xx retry with the message back-off up to the attempt limit;
 * other statuses fail at once.
 */
@ApplicationScoped
public class ChannelDispatcher {

    private static final String DUE = """
            select id from channel_delivery
            where (status = 'pending' and next_attempt_at <= ?) or (status = 'sending' and claimed_at <= ?)
            order by id limit ? for update skip locked""";
    private static final String MARK =
            "update channel_delivery set status = 'sending', claimed_by = ?, claimed_at = ?, "
                    + "updated_at = ?, version = version + 1 where id = ?";

    private final DataSource dataSource;
    private final WebhookClient client;
    private final ChannelPayloads payloads;
    private final SecretCipher cipher;
    private final MailConfig.Delivery config;

    public ChannelDispatcher(
            DataSource dataSource,
            WebhookClient client,
            ChannelPayloads payloads,
            SecretCipher cipher,
            MailConfig config) {
        this.dataSource = dataSource;
        this.client = client;
        this.payloads = payloads;
        this.cipher = cipher;
        this.config = config.delivery();
    }

    private record Call(String url, String body, String secret) {}

    /**
     * Claims and posts one batch.
     *
     * @param instance this instance's name
     * @return the number of deliveries attempted
     */
    public int pass(String instance) {
        List<Long> ids = claim(instance);
        for (long id : ids) {
            prepare(id, instance)
                    .ifPresent(call -> record(id, instance, client.post(call.url(), call.body(), call.secret())));
        }
        return ids.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Long> claim(String instance) {
        Instant now = Instant.now();
        return Jdbc.withConnection(
                dataSource,
                "claiming channel deliveries failed",
                jdbc -> RowClaims.claim(
                        jdbc,
                        DUE,
                        List.of(now, now.minus(config.claimTimeout()), config.batchSize()),
                        MARK,
                        instance,
                        now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Call> prepare(long id, String instance) {
        ChannelDelivery d = ChannelDelivery.findById(id);
        if (d == null || !"sending".equals(d.status) || !instance.equals(d.claimedBy)) {
            return Optional.empty();
        }
        NotificationChannel channel = NotificationChannel.findById(d.channelId);
        MailMessage m = MailMessage.findById(d.messageId);
        List<String> to = MailRecipient.of(m.id).stream()
                .filter(r -> r.kind.equals("to"))
                .map(r -> r.address)
                .toList();
        String body = payloads.body(
                ChannelKind.parse(channel.kind),
                new ChannelPayloads.Notice(
                        m.id, m.messageId, m.subject, m.textBody, m.htmlBody, to, m.sender, m.createdAt));
        return Optional.of(new Call(
                channel.url, body, channel.secretEncrypted == null ? null : cipher.decrypt(channel.secretEncrypted)));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(long id, String instance, WebhookClient.Outcome outcome) {
        ChannelDelivery d = ChannelDelivery.findById(id);
        if (d == null || !"sending".equals(d.status) || !instance.equals(d.claimedBy)) {
            return;
        }
        Instant now = Instant.now();
        d.attempts++;
        d.lastStatusCode = outcome.statusCode();
        d.claimedBy = null;
        d.claimedAt = null;
        if (outcome.ok()) {
            d.status = "sent";
            d.sentAt = now;
            d.lastError = null;
            d.nextAttemptAt = null;
        } else {
            d.lastError = outcome.detail() == null || outcome.detail().isEmpty()
                    ? "HTTP " + outcome.statusCode()
                    : outcome.detail();
            if (outcome.transientFailure() && d.attempts < config.maxAttempts()) {
                d.status = "pending";
                d.nextAttemptAt = now.plus(Backoff.after(d.attempts, config.initialBackoff(), config.maxBackoff()));
            } else {
                d.status = "failed";
                d.nextAttemptAt = null;
            }
        }
    }
}
