package io.infrasystem.cert.certificate;

import io.infrasystem.cert.x509.SanType;
import io.infrasystem.cert.x509.SubjectAltName;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** One subject alternative name of a certificate ({@code certificate_san}), kept in certificate order. */
@Entity
public class CertificateSan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Certificate certificate;

    public SanType sanType;
    public String value;
    public int position;

    /** @return the API form */
    public SubjectAltName dto() {
        return new SubjectAltName(sanType, value);
    }
}
