package io.infrasystem.cert.scan.tls;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.util.IPAddress;

/**
 * Judges a captured chain, apart from capturing it: trust (the JDK's default trust store, PKIX),
 * hostname (RFC 6125: DNS SANs, a wildcard only as the whole left-most label; IP SANs for an
 * address; the CN only when the certificate has no SAN) and expiry at a given time.
 */
@ApplicationScoped
public class ChainValidation {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final X509TrustManager trust;

    public ChainValidation() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            X509TrustManager found = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    found = x509;
                }
            }
            trust = found;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has a default trust store", e);
        }
    }

    /**
     * The verdict on a chain.
     *
     * @param trusted whether it chains to a trusted root
     * @param trustError why not, or {@code null}
     * @param hostnameMatch whether the leaf names the host, or {@code null} when no name was given
     * @param expired whether the leaf is outside its validity at the time judged
     */
    public record Verdict(boolean trusted, String trustError, Boolean hostnameMatch, boolean expired) {}

    /**
     * @param chain leaf first, as sent
     * @param name the DNS name or IP address the client asked for, or {@code null}
     * @param at the time judged
     * @return the verdict
     */
    public Verdict judge(List<X509Certificate> chain, String name, Instant at) {
        X509Certificate[] certificates = chain.toArray(X509Certificate[]::new);
        String trustError = null;
        try {
            trust.checkServerTrusted(certificates, "UNKNOWN");
        } catch (CertificateException | RuntimeException e) {
            trustError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        X509Certificate leaf = certificates[0];
        boolean expired = at.isAfter(leaf.getNotAfter().toInstant())
                || at.isBefore(leaf.getNotBefore().toInstant());
        return new Verdict(trustError == null, trustError, name == null ? null : matches(leaf, name), expired);
    }

    /**
     * @param leaf a server certificate
     * @param name a DNS name (Unicode or ASCII) or an IP literal
     * @return whether the certificate is valid for it (RFC 6125)
     */
    public static boolean matches(X509Certificate leaf, String name) {
        Collection<List<?>> sans;
        try {
            sans = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (IPAddress.isValid(name)) {
            String wanted = canonicalIp(name);
            return sans != null
                    && sans.stream()
                            .anyMatch(san -> (Integer) san.get(0) == SAN_IP
                                    && canonicalIp((String) san.get(1)).equals(wanted));
        }
        String host = IDN.toASCII(name.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (sans == null || sans.stream().noneMatch(san -> (Integer) san.get(0) == SAN_DNS)) {
            String cn = commonName(leaf);
            return cn != null && dnsMatch(cn.toLowerCase(Locale.ROOT), host);
        }
        String target = host;
        return sans.stream()
                .filter(san -> (Integer) san.get(0) == SAN_DNS)
                .anyMatch(san -> dnsMatch(((String) san.get(1)).toLowerCase(Locale.ROOT), target));
    }

    static boolean dnsMatch(String pattern, String host) {
        if (pattern.endsWith(".")) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        int dot = host.indexOf('.');
        String suffix = pattern.substring(1);
        // the wildcard stands for exactly one non-empty label, and never for a label of a public suffix alone
        return dot > 0 && host.substring(dot).equals(suffix) && suffix.indexOf('.', 1) > 0;
    }

    private static String canonicalIp(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    private static String commonName(X509Certificate leaf) {
        RDN[] cns = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.CN);
        return cns.length == 0
                ? null
                : IETFUtils.valueToString(cns[0].getFirst().getValue());
    }
}
