package io.infrasystem.mail.channel;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import java.time.Instant;

/** A message to post to a webhook channel, with its retry state ({@code pending → sending → sent | failed}). */
@Entity
public class ChannelDelivery extends Tracked {
    public long messageId;
    public long channelId;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Integer lastStatusCode;
    public String lastError;
    public String claimedBy;
    public Instant claimedAt;
    public Instant sentAt;
}
