package io.infrasystem.inventory.monitoring.rule;

import io.infrasystem.commons.crud.Stamped;
import io.infrasystem.inventory.monitoring.alert.Alert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * What an alert rule has sent for an alert (table {@code alert_notification}, unique per alert and
 * rule): when last, and how often, for the repeat interval.
 */
@Entity
public class AlertNotification extends Stamped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Alert alert;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public AlertRule rule;

    public Instant lastSentAt;
    public int sends;
}
