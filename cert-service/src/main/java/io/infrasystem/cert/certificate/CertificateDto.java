package io.infrasystem.cert.certificate;

import io.infrasystem.cert.x509.SubjectAltName;
import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as the API shows it.
 *
 * @param id certificate id
 * @param sha256Thumbprint lower-case hex SHA-256 of the DER (identity)
 * @param sha1Thumbprint lower-case hex SHA-1 of the DER
 * @param spkiSha256 lower-case hex SHA-256 of the SubjectPublicKeyInfo (same key, same value)
 * @param serialNumber lower-case hex
 * @param subjectDn subject, {@code CN=…,O=…,C=…}
 * @param issuerDn issuer, same form
 * @param commonName first subject CN, or {@code null}
 * @param sans subject alternative names by type, in certificate order
 * @param notBefore start of validity (UTC)
 * @param notAfter end of validity (UTC)
 * @param keyAlgorithm {@code rsa}, {@code ec}, {@code ed25519}, {@code ed448}, {@code dsa}, {@code other}
 * @param keySize key size in bits
 * @param keyCurve named curve of an EC key
 * @param signatureAlgorithm e.g. {@code SHA256WITHRSA}
 * @param isCa basicConstraints CA flag
 * @param selfSigned subject equals issuer and its own key verifies it
 * @param issuerId the issuing certificate when the suite knows it (its key verifies this one)
 * @param replacedById the successor seen at the same binding, when {@code status} is {@code replaced}
 * @param source how it was first learnt: {@code scan} or {@code upload}
 * @param status {@code valid}, {@code expiring}, {@code expired} or {@code replaced}
 * @param firstSeenAt first scan or upload
 * @param lastSeenAt latest scan or upload
 * @param tags free tags, sorted
 * @param notes operator notes
 * @param alertThresholdDays days before {@code not_after} at which expiry alerts are sent, largest
 *     first; {@code null}: the global {@code infra.cert.alerts.threshold-days}; empty: none
 * @param pem the certificate as one PEM block
 * @param version optimistic-locking version ({@code ETag})
 */
public record CertificateDto(
        long id,
        String sha256Thumbprint,
        String sha1Thumbprint,
        String spkiSha256,
        String serialNumber,
        String subjectDn,
        String issuerDn,
        String commonName,
        List<SubjectAltName> sans,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        Integer keySize,
        String keyCurve,
        String signatureAlgorithm,
        boolean isCa,
        boolean selfSigned,
        Long issuerId,
        Long replacedById,
        CertificateSource source,
        CertificateStatus status,
        Instant firstSeenAt,
        Instant lastSeenAt,
        List<String> tags,
        String notes,
        List<Integer> alertThresholdDays,
        String pem,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
