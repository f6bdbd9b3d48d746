package io.infrasystem.cert.certificate;

import io.infrasystem.cert.x509.CertificateFacts;
import io.infrasystem.cert.x509.CertificateReader;
import io.infrasystem.cert.x509.SubjectAltName;
import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * One X.509 certificate the suite tracks ({@code certificate}); its identity is the SHA-256
 * thumbprint of its DER encoding, so a certificate seen by several scans and uploads is one row.
 * Everything read from the certificate is immutable; tags, notes and alert thresholds are the operator's.
 */
@Entity
public class Certificate extends Tracked {

    public String sha256Thumbprint;
    public String sha1Thumbprint;
    public String spkiSha256;
    public String serialNumber;
    public String subjectDn;
    public String issuerDn;
    public String commonName;
    public Instant notBefore;
    public Instant notAfter;
    public String keyAlgorithm;
    public Integer keySize;
    public String keyCurve;
    public String signatureAlgorithm;
    public boolean isCa;
    public boolean selfSigned;

    @ManyToOne(fetch = FetchType.LAZY)
    public Certificate issuer;

    @ManyToOne(fetch = FetchType.LAZY)
    public Certificate replacedBy;

    public CertificateSource source;
    public CertificateStatus status;
    public Instant firstSeenAt;
    /** Moved by every scan and upload that sees it again; no version bump (an editor's ETag stays good). */
    @OptimisticLock(excluded = true)
    public Instant lastSeenAt;

    public String notes;
    public byte[] der;

    /** Days before {@code not_after} to alert at, largest first; {@code null}: the global thresholds. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Integer> alertThresholdDays;

    @OneToMany(mappedBy = "certificate", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<CertificateSan> sans = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "certificate_tag", joinColumns = @JoinColumn(name = "certificate_id"))
    @Column(name = "name")
    public Set<String> tags = new TreeSet<>();

    /**
     * Sets every field read from the certificate.
     *
     * @param facts what the reader found
     */
    void fill(CertificateFacts facts) {
        der = facts.der();
        sha256Thumbprint = facts.sha256Thumbprint();
        sha1Thumbprint = facts.sha1Thumbprint();
        spkiSha256 = facts.spkiSha256();
        serialNumber = facts.serialNumber();
        subjectDn = facts.subjectDn();
        issuerDn = facts.issuerDn();
        commonName = facts.commonName();
        notBefore = facts.notBefore();
        notAfter = facts.notAfter();
        keyAlgorithm = facts.keyAlgorithm();
        keySize = facts.keySize();
        keyCurve = facts.keyCurve();
        signatureAlgorithm = facts.signatureAlgorithm();
        isCa = facts.ca();
        selfSigned = facts.selfSigned();
        sans.clear();
        int position = 0;
        for (SubjectAltName name : facts.sans()) {
            CertificateSan san = new CertificateSan();
            san.certificate = this;
            san.sanType = name.type();
            san.value = name.value();
            san.position = position++;
            sans.add(san);
        }
    }

    /** @return the API view */
    public CertificateDto dto() {
        return new CertificateDto(
                id,
                sha256Thumbprint,
                sha1Thumbprint,
                spkiSha256,
                serialNumber,
                subjectDn,
                issuerDn,
                commonName,
                sans.stream().map(CertificateSan::dto).toList(),
                notBefore,
                notAfter,
                keyAlgorithm,
                keySize,
                keyCurve,
                signatureAlgorithm,
                isCa,
                selfSigned,
                issuer == null ? null : issuer.id,
                replacedBy == null ? null : replacedBy.id,
                source,
                status,
                firstSeenAt,
                lastSeenAt,
                List.copyOf(new TreeSet<>(tags)),
                notes,
                alertThresholdDays == null ? null : List.copyOf(alertThresholdDays),
                CertificateReader.pem(der),
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public CertificateInput input() {
        return new CertificateInput(
                CertificateReader.pem(der),
                List.copyOf(new TreeSet<>(tags)),
                notes,
                alertThresholdDays == null ? null : List.copyOf(alertThresholdDays));
    }
}
