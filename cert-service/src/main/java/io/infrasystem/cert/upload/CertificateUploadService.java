package io.infrasystem.cert.upload;

import io.infrasystem.cert.certificate.CertificateService;
import io.infrasystem.cert.certificate.CertificateSource;
import io.infrasystem.cert.domain.DomainService;
import io.infrasystem.cert.ignore.IgnoreRules;
import io.infrasystem.cert.ignore.IgnoredCertificate;
import io.infrasystem.cert.x509.CertificateFacts;
import io.infrasystem.cert.x509.CertificateReader;
import io.infrasystem.cert.x509.UnreadableCertificateException;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Uploads of certificates: reads the whole upload first (PEM, DER or PKCS#7; a bad one is a 400
 * and nothing is kept), then in one transaction stores each new certificate (audited, one
 * {@code cert.certificate.created} event each), marks known ones seen, skips those an
 * ignored-certificate pattern matches, links issuers, and associates each stored certificate with
 * the domains of its DNS SANs.
 */
@ApplicationScoped
public class CertificateUploadService {

    private final CertificateService certificates;
    private final DomainService domains;
    private final IgnoreRules ignoreRules;

    public CertificateUploadService(CertificateService certificates, DomainService domains, IgnoreRules ignoreRules) {
        this.certificates = certificates;
        this.domains = domains;
        this.ignoreRules = ignoreRules;
    }

    /**
     * @param bytes the upload: PEM text (one or more certificates, {@code PKCS7} blocks), a DER
     *     certificate or a DER PKCS#7 bundle
     * @return what happened to each certificate
     * @throws ProblemException 400 on field {@code file} when the upload holds no readable
     *     certificate, a damaged or cut-short block, or a private key
     */
    @Transactional
    public UploadResult upload(byte[] bytes) {
        List<CertificateFacts> all;
        try {
            all = CertificateReader.read(bytes);
        } catch (UnreadableCertificateException e) {
            throw ProblemException.invalid("file", e.getMessage());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UploadedCertificate> results = new ArrayList<>();
        int created = 0;
        int existing = 0;
        int ignored = 0;
        for (CertificateFacts facts : all) {
            Optional<IgnoredCertificate> pattern = ignoreRules.certificate(facts);
            if (pattern.isPresent()) {
                ignored++;
                results.add(new UploadedCertificate(
                        null,
                        facts.sha256Thumbprint(),
                        facts.commonName(),
                        UploadOutcome.IGNORED,
                        List.of(),
                        pattern.get().id));
                continue;
            }
            CertificateService.Ingested ingested = certificates.ingest(facts, CertificateSource.UPLOAD, now);
            if (ingested.created()) {
                created++;
            } else {
                existing++;
            }
            List<String> names = domains.associate(ingested.certificate());
            results.add(new UploadedCertificate(
                    ingested.certificate().id,
                    facts.sha256Thumbprint(),
                    facts.commonName(),
                    ingested.created() ? UploadOutcome.CREATED : UploadOutcome.EXISTING,
                    names,
                    null));
        }
        return new UploadResult(created, existing, ignored, results);
    }
}
