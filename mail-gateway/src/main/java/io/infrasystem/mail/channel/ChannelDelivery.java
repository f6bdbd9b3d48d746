package io.infrasystem.mail.channel;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message to post to a webhook channel, with its retry state ({@code pending → sending → sent | failed}). */
@Entity
@Table(name = "channel_delivery")
public class ChannelDelivery extends Tracked {
    @Column(name = "message_id")
    public long messageId;

    @Column(name = "channel_id")
    public long channelId;

    public String status;
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
