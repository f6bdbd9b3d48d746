package io.infrasystem.cert.domain;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Domain names: normalised, checked and split into parents with Guava's {@link InternetDomainName} (Public Suffix List). */
public final class DomainNames {

    private DomainNames() {}

    /**
     * @param raw a name as written (a DNS SAN, user input): any case, Unicode or punycode, an
     *     optional trailing dot, an optional leading wildcard label {@code *.}
     * @return the lower-case ASCII name without the wildcard label, or empty when it is no valid
     *     domain name (an IP literal, a bare public suffix such as {@code com}, a malformed name)
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        if (name.startsWith("*.")) {
            name = name.substring(2);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!InternetDomainName.isValid(name)) {
            return Optional.empty();
        }
        InternetDomainName domain = InternetDomainName.from(name);
        if (domain.isPublicSuffix() || !domain.hasParent()) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * @param normalized a name from {@link #normalize}
     * @return its parents nearest first, down to and including its registrable domain
     *     ({@code a.b.example.co.uk} → {@code b.example.co.uk}, {@code example.co.uk}); empty for a
     *     registrable domain or a name under no known public suffix
     */
    public static List<String> parents(String normalized) {
        InternetDomainName domain = InternetDomainName.from(normalized);
        List<String> parents = new ArrayList<>();
        if (!domain.isUnderPublicSuffix() || domain.isTopPrivateDomain()) {
            return parents;
        }
        InternetDomainName up = domain.parent();
        while (true) {
            parents.add(up.toString());
            if (up.isTopPrivateDomain()) {
                return parents;
            }
            up = up.parent();
        }
    }
}
