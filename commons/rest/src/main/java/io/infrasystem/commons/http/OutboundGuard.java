package io.infrasystem.commons.http;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps calls to URLs that users store (notification channels, n8n system APIs) away from the
 * suite's own network (server-side request forgery): a URL whose host is, or resolves to, a
 * loopback ({@code 127.0.0.0/8}, {@code ::1}), unspecified ({@code 0.0.0.0/8}, {@code ::}),
 * link-local and cloud metadata ({@code 169.254.0.0/16} with {@code 169.254.169.254},
 * {@code fe80::/10}), private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16},
 * {@code fc00::/7} with AWS's {@code fd00:ec2::254}), shared ({@code 100.64.0.0/10} with
 * Alibaba's {@code 100.100.100.200}), benchmarking ({@code 198.18.0.0/15}) or multicast address is
 * refused, unless {@code infra.outbound.allow} ({@link OutboundConfig}) names the host, the address
 * or a range holding it.
 *
 * <p>Services check a URL when it is saved ({@link #refusal(String, boolean)}: a host that does not
 * resolve yet is accepted then) and again right before each call, after DNS resolution
 * ({@link #check(URI)}), so a name later pointed at an internal address is refused too. The HTTP
 * client resolves the name once more when it connects; the short window between the two lookups
 * (DNS rebinding) is a known limit, documented in docs/security.md.
 */
@Singleton
public class OutboundGuard {

    /** Resolves a host name to its addresses (DNS, or a fixed table in tests). */
    @FunctionalInterface
    public interface Resolver {
        /**
         * @param host a host name or IP literal
         * @return every address of the host
         * @throws UnknownHostException when it has none
         */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Thrown by {@link #check(URI)}: the URL must not be called. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Range> allowedRanges = new ArrayList<>();
    private final Resolver resolver;

    /** @param config the administrator's allow-list */
    @Inject
    public OutboundGuard(OutboundConfig config) {
        this(config.allow().orElse(List.of()), InetAddress::getAllByName);
    }

    /**
     * @param allow host names, IP addresses and CIDR ranges that may be called although internal
     * @param resolver how host names are resolved
     * @throws IllegalArgumentException for a malformed address or range in {@code allow}
     */
    public OutboundGuard(List<String> allow, Resolver resolver) {
        this.resolver = resolver;
        for (String entry : allow) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            String address = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            if (IP_LITERAL.matcher(address).matches()) {
                allowedRanges.add(Range.parse(e));
            } else {
                allowedHosts.add(e.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The check when a URL is saved.
     *
     * @param url an absolute http(s) URL (its syntax is checked by the caller)
     * @param requireResolvable whether a host that does not resolve is refused too
     * @return why the URL is refused, empty when it may be saved
     */
    public Optional<String> refusal(String url, boolean requireResolvable) {
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid URL");
        }
        if (host == null) {
            return Optional.of("has no host");
        }
        try {
            addressesOf(host);
            return Optional.empty();
        } catch (UnknownHostException e) {
            return requireResolvable
                    ? Optional.of("names host " + host + ", which does not resolve")
                    : Optional.empty();
        } catch (RefusedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The check right before a call: resolves the host and refuses it when any of its addresses is
     * internal and not allowed.
     *
     * @param uri the URL about to be called
     * @throws RefusedException with the reason (the host, the address and its kind)
     */
    public void check(URI uri) throws RefusedException {
        String host = uri.getHost();
        if (host == null) {
            throw new RefusedException("the URL has no host");
        }
        try {
            addressesOf(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("host " + host + " does not resolve");
        }
    }

    private void addressesOf(String host) throws UnknownHostException, RefusedException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return;
        }
        for (InetAddress address : resolver.resolve(bare)) {
            String kind = internalKind(address);
            if (kind != null && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                throw new RefusedException("host " + bare + " is " + address.getHostAddress() + ", a " + kind
                        + " address; calls to loopback, link-local, private and metadata addresses are refused"
                        + " unless the administrator's infra.outbound.allow names them");
            }
        }
    }

    /** @return what kind of internal address this is, or null for a public one */
    static String internalKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local (cloud metadata)";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "shared (carrier-grade NAT, metadata)";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first == 255) {
                return "broadcast";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            if (isEmbeddedIpv4(b)) {
                try {
                    return internalKind(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return "invalid";
                }
            }
        }
        return null;
    }

    /** IPv4-compatible ({@code ::a.b.c.d}) and NAT64 ({@code 64:ff9b::a.b.c.d}) addresses. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return compatible || nat64;
    }

    /** An allowed address or CIDR range. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            String[] parts = entry.split("/", 2);
            String literal = parts[0].startsWith("[") ? parts[0].substring(1, parts[0].length() - 1) : parts[0];
            byte[] network;
            try {
                network = InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("infra.outbound.allow: " + entry + " is not an IP address", e);
            }
            int prefix = network.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("infra.outbound.allow: " + entry + " has a bad prefix", e);
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("infra.outbound.allow: " + entry + " has a bad prefix");
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((a[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
