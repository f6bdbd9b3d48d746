package io.infrasystem.e2e;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A TLS server on 127.0.0.1 (a port of the system's choosing) that completes the handshake with a
 * self-signed certificate made at start with Bouncy Castle (EC P-256, SHA256withECDSA, the given
 * DNS names as SANs and the first as common name, valid from an hour ago for the given time) and
 * closes the connection: what the suite's scanner meets at a real endpoint, on loopback, which the
 * local stack lets cert-service scan ({@code INFRA_CERT_SCAN_ALLOWED_NETWORKS}).
 */
final class TlsEndpoint implements AutoCloseable {

    private final X509Certificate certificate;
    private final ServerSocket socket;
    private final Thread acceptor;

    private TlsEndpoint(X509Certificate certificate, SSLContext context) throws IOException {
        this.certificate = certificate;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.acceptor =
                Thread.ofVirtual().name("tls-endpoint-" + socket.getLocalPort()).start(() -> accept(context));
    }

    /**
     * Starts the endpoint.
     *
     * @param validFor how long from now the certificate is valid
     * @param dnsNames its DNS names (at least one; the first is also its common name)
     * @return the listening endpoint
     * @throws IllegalArgumentException without a name
     */
    static TlsEndpoint start(Duration validFor, List<String> dnsNames) throws Exception {
        if (dnsNames.isEmpty()) {
            throw new IllegalArgumentException("a TLS endpoint needs at least one DNS name");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + dnsNames.get(0) + ",O=Infra-System E2E");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(63, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(validFor)),
                subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(dnsNames.stream()
                        .map(name -> new GeneralName(GeneralName.dNSName, name))
                        .toArray(GeneralName[]::new)));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "e2e".toCharArray();
        store.setKeyEntry("endpoint", keys.getPrivate(), password, new X509Certificate[] {certificate});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return new TlsEndpoint(certificate, context);
    }

    /** @return the listening port on 127.0.0.1 */
    int port() {
        return socket.getLocalPort();
    }

    /** @return the lower-case hex SHA-256 of the certificate's DER, the suite's identity of a certificate */
    String sha256Thumbprint() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /** @return the certificate's end of validity */
    Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    private void accept(SSLContext context) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> {
                    try (client;
                            SSLSocket tls =
                                    (SSLSocket) context.getSocketFactory().createSocket(client, null, true)) {
                        tls.setUseClientMode(false);
                        tls.setSoTimeout(10_000);
                        tls.startHandshake();
                    } catch (IOException e) {
                        // the scanner hung up early or sent no TLS: nothing to serve
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join(Duration.ofSeconds(5));
    }

    @Override
    public String toString() {
        return "127.0.0.1:" + port() + " ("
                + certificate.getSubjectX500Principal().getName() + ", until " + notAfter() + ")";
    }
}
