package io.infrasystem.inventory.asset;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks IP address literals without ever resolving a host name. */
public final class IpAddresses {

    private static final Pattern IPV4 =
            Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private IpAddresses() {}

    /** @return whether {@code value} is an IPv4 dotted quad or an IPv6 literal (RFC 4291 text forms) */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(value); // a literal containing ':' is parsed, never looked up
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
