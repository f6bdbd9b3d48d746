package io.infrasystem.vm.manual;

import io.infrasystem.commons.problem.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Validation of IP address literals entered by hand (never a DNS lookup). */
final class IpAddresses {

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {}

    /**
     * @param raw an IPv4 (dotted quad) or IPv6 literal
     * @return the address, IPv6 in lower case
     * @throws ProblemException 400 on field {@code ip_address} when it is neither
     */
    static String normalize(String raw) {
        String ip = raw == null ? "" : raw.strip();
        if (IPV4.matcher(ip).matches()) {
            return ip;
        }
        if (ip.contains(":") && IPV6_CHARS.matcher(ip).matches()) {
            try {
                InetAddress.getByName(ip);
                return ip.toLowerCase(java.util.Locale.ROOT);
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw ProblemException.invalid("ip_address", "must be an IPv4 or IPv6 address");
    }
}
