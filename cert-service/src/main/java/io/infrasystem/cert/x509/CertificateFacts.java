package io.infrasystem.cert.x509;

import java.time.Instant;
import java.util.List;

/**
 * What cert-service keeps of one X.509 certificate, read by {@link CertificateReader}.
 *
 * @param der the certificate's DER encoding
 * @param sha256Thumbprint lower-case hex SHA-256 of {@code der} (the certificate's identity)
 * @param sha1Thumbprint lower-case hex SHA-1 of {@code der}
 * @param spkiSha256 lower-case hex SHA-256 of the DER SubjectPublicKeyInfo
 * @param serialNumber the serial number, lower-case hex without leading zeros
 * @param subjectDn the subject, most significant RDN last, as {@code CN=…,O=…,C=…}
 * @param issuerDn the issuer, same form
 * @param commonName the subject's first common name, or {@code null}
 * @param sans the subject alternative names in certificate order
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyAlgorithm {@code rsa}, {@code ec}, {@code ed25519}, {@code ed448}, {@code dsa} or {@code other}
 * @param keySize key size in bits (RSA modulus, DSA prime, EC field size, 255/448 for EdDSA), or {@code null}
 * @param keyCurve the named curve of an EC key, its SEC name where it has one ({@code secp256r1}, {@code secp384r1}), or {@code null}
 * @param signatureAlgorithm e.g. {@code SHA256WITHRSA}, {@code SHA384WITHECDSA}
 * @param ca whether basicConstraints marks it as a CA
 * @param selfSigned subject equals issuer and the certificate's own key verifies its signature
 */
public record CertificateFacts(
        byte[] der,
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
        boolean ca,
        boolean selfSigned) {

    /** @return the DNS names among the SANs, as written */
    public List<String> dnsNames() {
        return sans.stream()
                .filter(san -> san.type() == SanType.DNS)
                .map(SubjectAltName::value)
                .toList();
    }
}
