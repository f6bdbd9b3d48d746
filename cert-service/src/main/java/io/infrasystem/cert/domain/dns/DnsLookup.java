package io.infrasystem.cert.domain.dns;

import com.google.common.net.InetAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks the configured resolver ({@code infra.cert.dns.resolver}) for a name's A, AAAA, CNAME, MX,
 * NS, TXT, CAA and SOA records with dnsjava's {@link SimpleResolver} (UDP, TCP when truncated; no
 * cache, so each lookup sees the current data). Only records owned by the name itself and of the
 * type asked are kept (an A query of an alias also answers the alias's CNAME and the target's
 * addresses).
 */
@ApplicationScoped
public class DnsLookup {

    /** The record types looked up, in this order. */
    public static final List<String> TYPES = List.of("A", "AAAA", "CNAME", "MX", "NS", "TXT", "CAA", "SOA");

    /** Longest value stored (a longer TXT record is cut, ending in {@code …}). */
    static final int MAX_VALUE = 2000;

    private final SimpleResolver resolver;
    private final String resolverName;

    public DnsLookup(DnsConfig config) {
        InetSocketAddress address = config.resolver()
                .map(DnsLookup::address)
                .orElseGet(() -> ResolverConfig.getCurrentConfig().server());
        this.resolver = new SimpleResolver(address);
        this.resolver.setTimeout(config.timeout());
        this.resolverName = address.getHostString() + ":" + address.getPort();
    }

    /**
     * A record seen.
     *
     * @param type its type ({@link #TYPES})
     * @param value its RDATA in master-file presentation format ({@code 10 mail.example.com.},
     *     {@code 0 issue "letsencrypt.org"})
     * @param ttl seconds
     */
    public record Seen(String type, String value, long ttl) {}

    /**
     * What a lookup found.
     *
     * @param result ok, nxdomain or error
     * @param records the records of an {@code ok} lookup (empty otherwise)
     * @param error what failed (the type and the answer or exception), for {@code error}
     */
    public record Answer(DnsResult result, List<Seen> records, String error) {}

    /**
     * @param domain a lower-case ASCII domain name
     * @return its records, {@code nxdomain} when any query says the name does not exist, or
     *     {@code error} at the first query without an answer (nothing is then known)
     */
    public Answer lookup(String domain) {
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            return new Answer(DnsResult.ERROR, List.of(), "not a DNS name: " + e.getMessage());
        }
        List<Seen> seen = new ArrayList<>();
        for (String typeName : TYPES) {
            int type = Type.value(typeName);
            Message response;
            try {
                response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
            } catch (IOException e) {
                return new Answer(
                        DnsResult.ERROR,
                        List.of(),
                        typeName + " query to " + resolverName + " failed: "
                                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return new Answer(DnsResult.NXDOMAIN, List.of(), null);
            }
            if (rcode != Rcode.NOERROR) {
                return new Answer(
                        DnsResult.ERROR,
                        List.of(),
                        typeName + " query to " + resolverName + " answered " + Rcode.string(rcode));
            }
            for (Record record : response.getSection(Section.ANSWER)) {
                if (record.getType() == type && record.getName().equals(name)) {
                    // addresses in their canonical text (RFC 5952 for IPv6: 2001:db8::10)
                    String value = record instanceof AAAARecord aaaa
                            ? InetAddresses.toAddrString(aaaa.getAddress())
                            : record.rdataToString();
                    if (value.length() > MAX_VALUE) {
                        value = value.substring(0, MAX_VALUE - 1) + "…";
                    }
                    seen.add(new Seen(typeName, value, record.getTTL()));
                }
            }
        }
        return new Answer(DnsResult.OK, List.copyOf(seen), null);
    }

    /** @return {@code host}, {@code host:port} or {@code [v6]:port} as an address (port 53 by default) */
    static InetSocketAddress address(String spec) {
        String s = spec.strip();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            host = s.substring(1, end);
            if (s.length() > end + 2 && s.charAt(end + 1) == ':') {
                port = Integer.parseInt(s.substring(end + 2));
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = Integer.parseInt(s.substring(s.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }
}
