package io.infrasystem.cert.upload;

import java.util.List;

/**
 * One certificate of an upload.
 *
 * @param id the stored certificate, or {@code null} when ignored
 * @param sha256Thumbprint its identity
 * @param commonName its subject CN, or {@code null}
 * @param outcome {@code created}, {@code existing} or {@code ignored}
 * @param domains the domains it is associated with (DNS SANs), empty when ignored
 * @param ignoredBy the id of the ignored-certificate pattern that matched, or {@code null}
 */
public record UploadedCertificate(
        Long id,
        String sha256Thumbprint,
        String commonName,
        UploadOutcome outcome,
        List<String> domains,
        Long ignoredBy) {}
