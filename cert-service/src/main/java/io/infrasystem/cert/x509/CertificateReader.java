package io.infrasystem.cert.x509;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads X.509 certificates with Bouncy Castle, from a PEM text (one or more {@code CERTIFICATE}
 * blocks, a pasted chain, or {@code PKCS7} blocks), a DER certificate, or a DER PKCS#7
 * (SignedData "certs-only") bundle; and tells what the suite keeps of each ({@link CertificateFacts}).
 * No ASN.1 is parsed by hand. Stateless and thread-safe.
 */
public final class CertificateReader {

    private static final HexFormat HEX = HexFormat.of();
    private static final DefaultAlgorithmNameFinder ALGORITHM_NAMES = new DefaultAlgorithmNameFinder();
    private static final Set<String> KEY_PEM_TYPES =
            Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY");

    private CertificateReader() {}

    /**
     * @param bytes PEM text (UTF-8/ASCII), a DER certificate, or a DER PKCS#7 bundle
     * @return the certificates in the order given (at least one)
     * @throws UnreadableCertificateException when the bytes are none of those, a PEM block is cut
     *     short or damaged, a block is a private key (never kept), or no certificate is found
     */
    public static List<CertificateFacts> read(byte[] bytes) throws UnreadableCertificateException {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableCertificateException("the upload is empty");
        }
        List<X509CertificateHolder> holders = looksLikePem(bytes) ? readPem(bytes) : readDer(bytes);
        if (holders.isEmpty()) {
            throw new UnreadableCertificateException("no certificate found");
        }
        List<CertificateFacts> facts = new ArrayList<>(holders.size());
        for (X509CertificateHolder holder : holders) {
            facts.add(facts(holder));
        }
        return facts;
    }

    /**
     * @param der a certificate's DER encoding
     * @return it as one PEM {@code CERTIFICATE} block
     */
    public static String pem(byte[] der) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PemObject("CERTIFICATE", der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * @param childDer the DER of a certificate
     * @param issuerDer the DER of a candidate issuer
     * @return whether the candidate's public key verifies the certificate's signature
     */
    public static boolean signedBy(byte[] childDer, byte[] issuerDer) {
        try {
            X509CertificateHolder child = new X509CertificateHolder(childDer);
            X509CertificateHolder issuer = new X509CertificateHolder(issuerDer);
            return child.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().build(issuer.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.ISO_8859_1)
                .contains("-----BEGIN ");
    }

    private static List<X509CertificateHolder> readPem(byte[] bytes) throws UnreadableCertificateException {
        List<X509CertificateHolder> holders = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            Object item;
            while ((item = readPemObject(parser)) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    holders.add(holder);
                } else if (item instanceof org.bouncycastle.asn1.cms.ContentInfo info) {
                    holders.addAll(pkcs7(info.getEncoded()));
                } else if (item instanceof PEMKeyPair
                        || item instanceof PrivateKeyInfo
                        || item instanceof PKCS8EncryptedPrivateKeyInfo
                        || item instanceof org.bouncycastle.openssl.PEMEncryptedKeyPair) {
                    throw new UnreadableCertificateException(
                            "the upload holds a private key, not a certificate; private keys are never accepted");
                } else {
                    throw new UnreadableCertificateException("the upload holds a PEM block that is not a certificate ("
                            + item.getClass().getSimpleName() + ")");
                }
            }
        } catch (IOException e) {
            throw new UnreadableCertificateException("the PEM text is damaged or cut short: " + e.getMessage());
        }
        return holders;
    }

    private static Object readPemObject(PEMParser parser) throws IOException, UnreadableCertificateException {
        try {
            return parser.readObject();
        } catch (IOException e) {
            if (e.getMessage() != null && KEY_PEM_TYPES.stream().anyMatch(e.getMessage()::contains)) {
                throw new UnreadableCertificateException(
                        "the upload holds a private key, not a certificate; private keys are never accepted");
            }
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableCertificateException("the PEM text is damaged: " + e.getMessage());
        }
    }

    private static List<X509CertificateHolder> readDer(byte[] bytes) throws UnreadableCertificateException {
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCertificateException(
                    "the upload is neither PEM text, a DER certificate nor a PKCS#7 bundle");
        }
        if (!(primitive instanceof ASN1Sequence sequence)) {
            throw new UnreadableCertificateException(
                    "the upload is neither PEM text, a DER certificate nor a PKCS#7 bundle");
        }
        if (sequence.size() == 2
                && sequence.getObjectAt(0) instanceof ASN1ObjectIdentifier type
                && PKCSObjectIdentifiers.signedData.equals(type)) {
            return pkcs7(bytes);
        }
        try {
            return List.of(new X509CertificateHolder(bytes));
        } catch (IOException | RuntimeException notCertificate) {
            if (isPrivateKey(sequence)) {
                throw new UnreadableCertificateException(
                        "the upload holds a private key, not a certificate; private keys are never accepted");
            }
            throw new UnreadableCertificateException(
                    "the upload is neither PEM text, a DER certificate nor a PKCS#7 bundle");
        }
    }

    private static boolean isPrivateKey(ASN1Sequence sequence) {
        try {
            return PrivateKeyInfo.getInstance(sequence) != null;
        } catch (RuntimeException notPkcs8) {
            try {
                return org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(sequence) != null;
            } catch (RuntimeException notRsa) {
                return false;
            }
        }
    }

    private static List<X509CertificateHolder> pkcs7(byte[] encoded) throws UnreadableCertificateException {
        try {
            return new ArrayList<>(new CMSSignedData(encoded).getCertificates().getMatches(null));
        } catch (CMSException | RuntimeException e) {
            throw new UnreadableCertificateException("the PKCS#7 bundle is damaged: " + e.getMessage());
        }
    }

    static CertificateFacts facts(X509CertificateHolder holder) throws UnreadableCertificateException {
        try {
            byte[] der = holder.getEncoded();
            SubjectPublicKeyInfo spki = holder.getSubjectPublicKeyInfo();
            KeyFacts key = keyFacts(spki);
            BasicConstraints constraints = BasicConstraints.fromExtensions(holder.getExtensions());
            return new CertificateFacts(
                    der,
                    digest("SHA-256", der),
                    digest("SHA-1", der),
                    digest("SHA-256", spki.getEncoded()),
                    holder.getSerialNumber().toString(16),
                    dn(holder.getSubject()),
                    dn(holder.getIssuer()),
                    commonName(holder.getSubject()),
                    sans(holder),
                    holder.getNotBefore().toInstant(),
                    holder.getNotAfter().toInstant(),
                    key.algorithm(),
                    key.size(),
                    key.curve(),
                    ALGORITHM_NAMES.getAlgorithmName(holder.getSignatureAlgorithm()),
                    constraints != null && constraints.isCA(),
                    holder.getSubject().equals(holder.getIssuer()) && signedBy(der, der));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCertificateException("a certificate could not be read: " + e.getMessage());
        }
    }

    /** @return the name with its most significant RDN last ({@code CN=…,O=…,C=…}), BC's attribute names */
    static String dn(X500Name name) {
        RDN[] rdns = name.getRDNs();
        RDN[] reversed = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            reversed[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(BCStyle.INSTANCE, reversed).toString();
    }

    private static String commonName(X500Name name) {
        RDN[] cns = name.getRDNs(BCStyle.CN);
        return cns.length == 0
                ? null
                : IETFUtils.valueToString(cns[0].getFirst().getValue());
    }

    private static List<SubjectAltName> sans(X509CertificateHolder holder) {
        Extension extension = holder.getExtension(Extension.subjectAlternativeName);
        if (extension == null) {
            return List.of();
        }
        List<SubjectAltName> sans = new ArrayList<>();
        for (GeneralName name :
                GeneralNames.getInstance(extension.getParsedValue()).getNames()) {
            sans.add(
                    switch (name.getTagNo()) {
                        case GeneralName.dNSName -> new SubjectAltName(SanType.DNS, text(name));
                        case GeneralName.rfc822Name -> new SubjectAltName(SanType.EMAIL, text(name));
                        case GeneralName.uniformResourceIdentifier -> new SubjectAltName(SanType.URI, text(name));
                        case GeneralName.iPAddress -> new SubjectAltName(SanType.IP, ip(name));
                        case GeneralName.directoryName ->
                            new SubjectAltName(SanType.OTHER, "dirName:" + dn(X500Name.getInstance(name.getName())));
                        case GeneralName.registeredID ->
                            new SubjectAltName(SanType.OTHER, "registeredID:" + name.getName());
                        case GeneralName.otherName ->
                            new SubjectAltName(
                                    SanType.OTHER,
                                    "otherName:"
                                            + ASN1Sequence.getInstance(name.getName())
                                                    .getObjectAt(0));
                        default -> new SubjectAltName(SanType.OTHER, "tag" + name.getTagNo());
                    });
        }
        return sans;
    }

    private static String text(GeneralName name) {
        return ((ASN1String) name.getName()).getString();
    }

    private static String ip(GeneralName name) {
        byte[] address = ASN1OctetString.getInstance(name.getName()).getOctets();
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return "#" + HEX.formatHex(address);
        }
    }

    private record KeyFacts(String algorithm, Integer size, String curve) {}

    private static KeyFacts keyFacts(SubjectPublicKeyInfo spki) throws IOException {
        AlgorithmIdentifier algorithm = spki.getAlgorithm();
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid) || X509ObjectIdentifiers.id_ea_rsa.equals(oid)) {
            BigInteger modulus = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus();
            return new KeyFacts("rsa", modulus.bitLength(), null);
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            if (algorithm.getParameters() instanceof ASN1ObjectIdentifier curve) {
                // the SEC name where there is one (secp256r1 rather than X9.62's prime256v1)
                String name = SECNamedCurves.getName(curve) != null
                        ? SECNamedCurves.getName(curve)
                        : ECNamedCurveTable.getName(curve);
                X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
                return new KeyFacts(
                        "ec",
                        parameters == null ? null : parameters.getCurve().getFieldSize(),
                        name == null ? curve.getId() : name);
            }
            X9ECParameters explicit = X9ECParameters.getInstance(algorithm.getParameters());
            return new KeyFacts("ec", explicit.getCurve().getFieldSize(), "explicit");
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return new KeyFacts("ed25519", 255, null);
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
            return new KeyFacts("ed448", 448, null);
        }
        if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
            DSAParameter parameters = DSAParameter.getInstance(algorithm.getParameters());
            return new KeyFacts(
                    "dsa", parameters == null ? null : parameters.getP().bitLength(), null);
        }
        return new KeyFacts("other", null, null);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
