package io.infrasystem.cert.alert;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** An expiry alert sent ({@code certificate_alert}): one row per certificate and threshold, never two. */
@Entity
public class CertificateAlert extends Stamped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Certificate certificate;

    public int thresholdDays;
}
