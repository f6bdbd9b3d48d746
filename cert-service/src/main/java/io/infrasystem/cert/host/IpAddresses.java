package io.infrasystem.cert.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;

/** IP address literals: checked without any DNS lookup, written in one canonical form. */
public final class IpAddresses {

    private IpAddresses() {}

    /**
     * @param text an IPv4 or IPv6 literal (IPv6 optionally in brackets)
     * @return its canonical form ({@link InetAddress#getHostAddress}), or empty when it is not a literal
     */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!IPAddress.isValid(literal)) {
            return Optional.empty();
        }
        try {
            // a validated literal: InetAddress parses it without a lookup
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
