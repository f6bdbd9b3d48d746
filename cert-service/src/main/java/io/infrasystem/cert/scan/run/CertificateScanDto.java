package io.infrasystem.cert.scan.run;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * A scan result as the API shows it.
 *
 * @param id scan id
 * @param scanRunId the run it belongs to
 * @param scanTargetId the target scanned
 * @param host the target's host
 * @param port the target's port
 * @param sni the server name sent, or {@code null}
 * @param scannedAt when (UTC)
 * @param result {@code success} (chain captured) or {@code failure}
 * @param error why it failed, or a note (an ignored certificate), or {@code null}
 * @param tlsVersion e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param certificateId the leaf certificate stored, or {@code null}
 * @param chain SHA-256 thumbprints of the chain as sent, leaf first
 * @param hostnameMatch whether the leaf names the SNI (or host), RFC 6125
 * @param trusted whether the chain verifies against the JDK's trust store
 * @param trustError why not
 * @param peerAddress the address connected to
 * @param version always 0 (results are never edited)
 */
public record CertificateScanDto(
        long id,
        Long scanRunId,
        Long scanTargetId,
        String host,
        int port,
        String sni,
        Instant scannedAt,
        String result,
        String error,
        String tlsVersion,
        String cipherSuite,
        Long certificateId,
        List<String> chain,
        Boolean hostnameMatch,
        Boolean trusted,
        String trustError,
        String peerAddress,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
