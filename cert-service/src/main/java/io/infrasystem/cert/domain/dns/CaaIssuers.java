package io.infrasystem.cert.domain.dns;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CAA issuer domain names (RFC 8659 §4.2) of well-known certification authorities, found by
 * a word of the issuer DN (its organisation or CA name). The identifiers are those each CA
 * publishes in its CP/CPS section 4.2 ("CAA records"); a CA not listed here is reported as
 * {@code unknown_issuer} rather than guessed.
 */
public final class CaaIssuers {

    /** Word of the issuer DN (lower case) → the CA's CAA identifiers. Most specific first. */
    static final Map<String, List<String>> KNOWN = known();

    private CaaIssuers() {}

    private static Map<String, List<String>> known() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("let's encrypt", List.of("letsencrypt.org"));
        m.put("google trust services", List.of("pki.goog", "google.com"));
        m.put("zerossl", List.of("sectigo.com", "zerossl.com"));
        m.put("sectigo", List.of("sectigo.com", "comodoca.com", "comodo.com"));
        m.put("comodo", List.of("sectigo.com", "comodoca.com", "comodo.com"));
        m.put("rapidssl", List.of("digicert.com", "rapidssl.com", "geotrust.com"));
        m.put("geotrust", List.of("digicert.com", "geotrust.com"));
        m.put("thawte", List.of("digicert.com", "thawte.com"));
        m.put("digicert", List.of("digicert.com", "www.digicert.com"));
        m.put("globalsign", List.of("globalsign.com"));
        m.put("amazon", List.of("amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"));
        m.put("entrust", List.of("entrust.net"));
        m.put("starfield", List.of("starfieldtech.com"));
        m.put("godaddy", List.of("godaddy.com"));
        m.put("buypass", List.of("buypass.com", "buypass.no"));
        m.put("ssl.com", List.of("ssl.com"));
        m.put("certum", List.of("certum.pl"));
        m.put("harica", List.of("harica.gr"));
        m.put("identrust", List.of("identrust.com"));
        m.put("actalis", List.of("actalis.it"));
        return Collections.unmodifiableMap(m);
    }

    /**
     * @param issuerDn a certificate's issuer DN
     * @return the CAA identifiers of its CA, empty when it is not a known one
     */
    public static List<String> of(String issuerDn) {
        if (issuerDn == null) {
            return List.of();
        }
        String dn = issuerDn.toLowerCase(Locale.ROOT);
        return KNOWN.entrySet().stream()
                .filter(e -> dn.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(List.of());
    }
}
