package io.infrasystem.cert.ignore;

import io.infrasystem.cert.x509.CertificateFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The ignore patterns as they stand, asked by uploads, scans and SAN association (read the table each time). */
@ApplicationScoped
public class IgnoreRules {

    /** @return the patterns of ignored domains, for one batch of checks */
    public List<IgnoredDomain> domains() {
        return IgnoredDomain.listAll();
    }

    /**
     * @param facts a certificate
     * @return the first ignored-certificate pattern matching its common name, subject DN or SHA-256 thumbprint
     */
    public java.util.Optional<IgnoredCertificate> certificate(CertificateFacts facts) {
        return certificate(certificates(), facts);
    }

    /** @return the patterns of ignored certificates, for one batch of checks */
    public List<IgnoredCertificate> certificates() {
        return IgnoredCertificate.listAll();
    }

    /**
     * @param patterns from {@link #certificates}
     * @param facts a certificate
     * @return the first pattern matching its common name, subject DN or SHA-256 thumbprint
     */
    public static java.util.Optional<IgnoredCertificate> certificate(
            List<IgnoredCertificate> patterns, CertificateFacts facts) {
        return patterns.stream()
                .filter(p -> p.matches(facts.commonName())
                        || p.matches(facts.subjectDn())
                        || p.matches(facts.sha256Thumbprint()))
                .findFirst();
    }

    /**
     * @param patterns from {@link #domains}
     * @param name a domain name
     * @return whether one of them matches it
     */
    public static boolean ignored(List<IgnoredDomain> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matches(name));
    }
}
