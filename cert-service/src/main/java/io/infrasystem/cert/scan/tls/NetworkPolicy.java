package io.infrasystem.cert.scan.tls;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the scanner may connect (a scan is an outbound request to an address a user gave: SSRF
 * guard). A target's name is resolved once; every address must be allowed, and the scanner then
 * connects to the checked address (no second lookup a rebinding DNS could answer differently).
 * Loopback, link-local, unspecified and cloud metadata addresses ({@code 169.254.169.254},
 * {@code fd00:ec2::254}, {@code 100.100.100.200}) are refused unless a block of
 * {@code infra.cert.scan.allowed-networks} other than a default route contains them.
 */
@ApplicationScoped
public class NetworkPolicy {

    private static final List<Cidr> METADATA =
            List.of(Cidr.parse("169.254.169.254"), Cidr.parse("fd00:ec2::254"), Cidr.parse("100.100.100.200"));

    private final List<Cidr> allowed;
    private final List<Pattern> domains;

    public NetworkPolicy(ScanConfig config) {
        this.allowed = config.allowedNetworks().stream().map(Cidr::parse).toList();
        this.domains = config.allowedDomains().orElse(List.of()).stream()
                .map(glob -> Pattern.compile(
                        Pattern.quote(glob.strip().toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q")))
                .toList();
    }

    /**
     * @param host a DNS name or IP literal
     * @return the first address to connect to
     * @throws RefusedTargetException when the name does not resolve or an address is not allowed
     */
    public InetAddress resolve(String host) throws RefusedTargetException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("cannot resolve " + host);
        }
        boolean domainAllowed = domains.stream()
                .anyMatch(p -> p.matcher(host.toLowerCase(Locale.ROOT)).matches());
        for (InetAddress address : addresses) {
            check(host, address, domainAllowed);
        }
        return addresses[0];
    }

    private void check(String host, InetAddress address, boolean domainAllowed) throws RefusedTargetException {
        boolean special = address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || METADATA.stream().anyMatch(m -> m.contains(address));
        if (special) {
            if (allowed.stream().noneMatch(block -> block.prefix() > 0 && block.contains(address))) {
                throw new RefusedTargetException(host + " resolves to " + address.getHostAddress()
                        + " (loopback, link-local, unspecified, multicast or metadata), which is not allowed");
            }
            return;
        }
        if (!domainAllowed && allowed.stream().noneMatch(block -> block.contains(address))) {
            throw new RefusedTargetException(
                    host + " resolves to " + address.getHostAddress() + ", outside the allowed networks");
        }
    }
}
