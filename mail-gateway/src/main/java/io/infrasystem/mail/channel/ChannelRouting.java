package io.infrasystem.mail.channel;

import io.infrasystem.mail.smtp.Address;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Routes a queued message to its channel: an email channel's recipients become Bcc recipients of
 * the message; a slack or webhook channel gets a pending {@link ChannelDelivery} that the
 * {@code delivery.ChannelDispatcher} posts (with retries). Disabled channels receive nothing.
 */
@ApplicationScoped
public class ChannelRouting {

    /**
     * @param channel the channel name (already validated to exist), or {@code null}
     * @return addresses to add as Bcc (empty unless it is an enabled email channel)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Address> extraBcc(String channel) {
        return enabled(channel)
                .filter(c -> ChannelKind.parse(c.kind) == ChannelKind.EMAIL)
                .map(c -> c.recipientList().stream().map(Address::parse).toList())
                .orElse(List.of());
    }

    /** Schedules the post of a stored message to its webhook channel, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(long messageId, String channel, Instant now) {
        enabled(channel)
                .filter(c -> ChannelKind.parse(c.kind) != ChannelKind.EMAIL)
                .ifPresent(c -> {
                    ChannelDelivery delivery = new ChannelDelivery();
                    delivery.messageId = messageId;
                    delivery.channelId = c.id;
                    delivery.status = "pending";
                    delivery.nextAttemptAt = now;
                    delivery.persist();
                });
    }

    /**
     * @param admin whether the reader is an administrator: others do not see the receivers' answers
     * @return the deliveries of a message to channels
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChannelViews.Delivery> deliveries(long messageId, boolean admin) {
        return ChannelDelivery.<ChannelDelivery>list("messageId = ?1 order by id", messageId).stream()
                .map(d -> new ChannelViews.Delivery(
                        NotificationChannel.<NotificationChannel>findByIdOptional(d.channelId)
                                .map(c -> c.name)
                                .orElse(null),
                        d.status,
                        d.attempts,
                        d.lastStatusCode,
                        d.lastError,
                        d.sentAt))
                .map(d -> admin ? d : d.redacted())
                .toList();
    }

    private static Optional<NotificationChannel> enabled(String channel) {
        return channel == null
                ? Optional.empty()
                : NotificationChannel.byName(channel).filter(c -> c.enabled);
    }
}
