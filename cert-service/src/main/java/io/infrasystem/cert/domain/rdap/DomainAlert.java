package io.infrasystem.cert.domain.rdap;

import io.infrasystem.cert.domain.Domain;
import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * A registration expiry alert sent ({@code domain_alert}): one row per domain, expiry date and
 * threshold, so a renewed registration (a later {@code expires_at}) is alerted again next time.
 */
@Entity
public class DomainAlert extends Stamped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Domain domain;

    public Instant expiresAt;

    public int thresholdDays;
}
