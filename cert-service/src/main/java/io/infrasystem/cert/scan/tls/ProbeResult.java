package io.infrasystem.cert.scan.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one handshake showed, whatever the chain's trust.
 *
 * @param peerAddress the address connected to
 * @param chain the certificates the server sent, leaf first (empty when the handshake failed before them)
 * @param tlsVersion e.g. {@code TLSv1.3}, or {@code null}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}, or {@code null}
 * @param error why the scan failed (connect, STARTTLS, handshake), or {@code null} when it succeeded
 */
public record ProbeResult(
        String peerAddress, List<X509Certificate> chain, String tlsVersion, String cipherSuite, String error) {

    /** @return whether a chain was captured */
    public boolean succeeded() {
        return error == null && !chain.isEmpty();
    }
}
