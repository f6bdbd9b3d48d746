package io.infrasystem.cert.domain;

import io.infrasystem.cert.binding.CertificateBinding;
import io.infrasystem.cert.domain.dns.DnsResult;
import io.infrasystem.cert.host.Host;
import io.infrasystem.cert.host.HostDto;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A domain's subdomain tree and the hosts that belong to it. */
@ApplicationScoped
public class DomainTree {

    /**
     * A node of the subdomain tree.
     *
     * @param id the domain
     * @param name its name
     * @param certificateCount how many certificates secure it
     * @param dnsResult its last DNS lookup's outcome ({@code null}: never looked up)
     * @param children its subdomains, by name
     */
    public record Node(long id, String name, int certificateCount, DnsResult dnsResult, List<Node> children) {}

    /**
     * A host of a domain.
     *
     * @param host the host
     * @param via why it belongs: {@code name} (its name is the domain or under it) and/or
     *     {@code certificate} (it serves a certificate that secures the domain)
     */
    public record DomainHost(HostDto host, List<String> via) {}

    /**
     * @param id a domain's id
     * @return the domain and every subdomain below it, nested, children by name
     * @throws ProblemException 404 for an unknown id
     */
    @Transactional
    public Node tree(long id) {
        Domain root = find(id);
        List<Domain> below = Domain.list("name like ?1 order by name", "%." + escape(root.name));
        Map<Long, List<Domain>> children = new HashMap<>();
        for (Domain d : below) {
            if (d.parent != null) {
                children.computeIfAbsent(d.parent.id, k -> new ArrayList<>()).add(d);
            }
        }
        return node(root, children);
    }

    private static Node node(Domain domain, Map<Long, List<Domain>> children) {
        List<Node> nodes = children.getOrDefault(domain.id, List.of()).stream()
                .sorted(Comparator.comparing((Domain d) -> d.name))
                .map(d -> node(d, children))
                .toList();
        return new Node(
                domain.id,
                domain.name,
                domain.certificates.size(),
                domain.dns == null ? null : domain.dns.result,
                nodes);
    }

    /**
     * @param id a domain's id
     * @return the hosts named as the domain or below it and those serving a certificate that
     *     secures it, by name
     * @throws ProblemException 404 for an unknown id
     */
    @Transactional
    public List<DomainHost> hosts(long id) {
        Domain domain = find(id);
        Map<Long, Host> hosts = new LinkedHashMap<>();
        Map<Long, Set<String>> via = new HashMap<>();
        for (Host h :
                Host.<Host>list("lower(name) = ?1 or lower(name) like ?2", domain.name, "%." + escape(domain.name))) {
            hosts.put(h.id, h);
            via.computeIfAbsent(h.id, k -> new LinkedHashSet<>()).add("name");
        }
        if (!domain.certificates.isEmpty()) {
            for (CertificateBinding b : CertificateBinding.<CertificateBinding>list(
                    "host is not null and certificate in ?1", domain.certificates)) {
                hosts.put(b.host.id, b.host);
                via.computeIfAbsent(b.host.id, k -> new LinkedHashSet<>()).add("certificate");
            }
        }
        return hosts.values().stream()
                .sorted(Comparator.comparing((Host h) -> h.name).thenComparing(h -> h.id))
                .map(h -> new DomainHost(h.dto(), List.copyOf(via.get(h.id))))
                .toList();
    }

    private static Domain find(long id) {
        Domain domain = Domain.findById(id);
        if (domain == null) {
            throw ProblemException.notFound("domain", id);
        }
        return domain;
    }

    /** Domain names hold no {@code %} or {@code _} wildcard, but hosts may: escape for LIKE anyway. */
    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
