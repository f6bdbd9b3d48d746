package io.infrasystem.cert.scan.run;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.scan.ScanTarget;
import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One handshake with a target and what it showed ({@code certificate_scan}); written once, never edited. */
@Entity
public class CertificateScan extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY)
    public ScanRun scanRun;

    @ManyToOne(fetch = FetchType.LAZY)
    public ScanTarget scanTarget;

    public String host;
    public int port;
    public String sni;
    public Instant scannedAt;
    public String result;
    public String error;
    public String tlsVersion;
    public String cipherSuite;

    @ManyToOne(fetch = FetchType.LAZY)
    public Certificate certificate;

    public String chain;
    public Boolean hostnameMatch;
    public Boolean trusted;
    public String trustError;
    public String peerAddress;

    /** @return the API view */
    public CertificateScanDto dto() {
        return new CertificateScanDto(
                id,
                scanRun == null ? null : scanRun.id,
                scanTarget == null ? null : scanTarget.id,
                host,
                port,
                sni,
                scannedAt,
                result,
                error,
                tlsVersion,
                cipherSuite,
                certificate == null ? null : certificate.id,
                chain == null || chain.isEmpty() ? java.util.List.of() : java.util.List.of(chain.split(",")),
                hostnameMatch,
                trusted,
                trustError,
                peerAddress,
                version,
                createdAt,
                updatedAt);
    }
}
