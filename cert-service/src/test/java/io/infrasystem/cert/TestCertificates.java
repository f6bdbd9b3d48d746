package io.infrasystem.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.CollectionStore;

/**
 * Certificates for tests, made with Bouncy Castle (EC P-256 keys, fast to generate), and the
 * fixtures under {@code src/test/resources/certs} (see SOURCES.md there).
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private TestCertificates() {}

    /**
     * A certificate and its key.
     *
     * @param holder the certificate
     * @param keys its key pair
     */
    public record Issued(X509CertificateHolder holder, KeyPair keys) {

        /** @return the certificate as PEM */
        public String pem() {
            return TestCertificates.pem(holder);
        }

        /** @return its DER encoding */
        public byte[] der() {
            try {
                return holder.getEncoded();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return the JCA form */
        public java.security.cert.X509Certificate x509() {
            try {
                return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
            } catch (java.security.cert.CertificateException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** @return a new EC P-256 key pair */
    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param cn the subject common name
     * @param notBefore start of validity
     * @param notAfter end of validity
     * @param issuer the issuing certificate, or {@code null} for a self-signed one
     * @param ca whether it is a CA
     * @param dnsNames DNS SANs
     * @return the certificate and its new key
     */
    public static Issued issue(
            String cn, Instant notBefore, Instant notAfter, Issued issuer, boolean ca, String... dnsNames) {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name("CN=" + cn + ",O=Infra-System Tests");
        X500Name issuerName = issuer == null ? subject : issuer.holder().getSubject();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsNames.length > 0) {
                List<GeneralName> names = new ArrayList<>();
                for (String name : dnsNames) {
                    names.add(new GeneralName(GeneralName.dNSName, name));
                }
                builder.addExtension(
                        Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(issuer == null ? keys.getPrivate() : issuer.keys().getPrivate());
            return new Issued(builder.build(signer), keys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a self-signed leaf valid from a day ago for {@code days} days */
    public static Issued selfSigned(String cn, long days, String... dnsNames) {
        Instant now = Instant.now();
        return issue(cn, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(days)), null, false, dnsNames);
    }

    /** @return the PEM text of a certificate */
    public static String pem(X509CertificateHolder holder) {
        return pemOf(holder);
    }

    /** @return the PEM text of any object JcaPEMWriter writes (a certificate, a private key) */
    public static String pemOf(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @return the bytes of {@code certs/<name>} */
    public static byte[] fixture(String name) {
        try (InputStream in = TestCertificates.class.getResourceAsStream("/certs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the certificates of a PEM fixture */
    public static List<X509CertificateHolder> fixtureCertificates(String name) {
        List<X509CertificateHolder> holders = new ArrayList<>();
        try (PEMParser parser =
                new PEMParser(new java.io.StringReader(new String(fixture(name), StandardCharsets.US_ASCII)))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                holders.add((X509CertificateHolder) item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return holders;
    }

    /** @return a DER PKCS#7 SignedData ("certs-only", no signers) holding the certificates */
    public static byte[] pkcs7(List<X509CertificateHolder> certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(certificates));
            return generator.generate(new CMSProcessableByteArray(new byte[0])).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
