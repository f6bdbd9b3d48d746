package io.infrasystem.cert.domain;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.domain.dns.DnsResult;
import io.infrasystem.cert.domain.rdap.RdapResult;
import io.infrasystem.cert.ignore.IgnoreRules;
import io.infrasystem.cert.ignore.IgnoredDomain;
import io.infrasystem.cert.x509.SanType;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Domains on the commons CRUD kernel and the SAN association. Filters: {@code id},
 * {@code created_at}, {@code updated_at}, {@code name}, {@code parent_id}, {@code parent} (name),
 * {@code certificate_id} (secured by), {@code registrar}, {@code expires_at} and {@code registered_at}
 * (RDAP), {@code rdap_result}, {@code rdap_checked_at}, {@code dns_result}, {@code dns_checked_at},
 * {@code q} (name, notes, registrar); {@code parent_id__empty=true} lists the registrable domains. Creating a domain creates its missing parents;
 * a name is fixed once created (400); a domain with subdomains cannot be deleted (409).
 */
@ApplicationScoped
public class DomainService extends EntityCrudService<Domain, DomainDto, DomainInput> {

    static final CrudKind<Domain, DomainDto, DomainInput> KIND = CrudKind.of("domain", Domain.class, DomainInput.class)
            .listedBy(CrudKind.filters("d", "name")
                    .fields(FilterField::text, "name")
                    .relation("parent", "d.parent", "Domain", "name")
                    .field(FilterField.membership(
                            "certificate_id",
                            "exists (select 1 from Domain x join x.certificates c where x = d and c.id in (:values))",
                            Long::valueOf))
                    .field(FilterField.text("registrar", "d.registration.registrar"))
                    .field(FilterField.timestamp("expires_at", "d.registration.expiresAt"))
                    .field(FilterField.timestamp("registered_at", "d.registration.registeredAt"))
                    .field(FilterField.choice("rdap_result", "d.registration.result", RdapResult.class))
                    .field(FilterField.timestamp("rdap_checked_at", "d.registration.checkedAt"))
                    .field(FilterField.choice("dns_result", "d.dns.result", DnsResult.class))
                    .field(FilterField.timestamp("dns_checked_at", "d.dns.checkedAt"))
                    .search("d.name", "coalesce(d.notes, '')", "coalesce(d.registration.registrar, '')"))
            .entity(Domain::new, Domain::dto, Domain::input);

    private IgnoreRules ignoreRules;

    /**
     * @param query a request's query parameters
     * @return the list's filter (for the CSV export)
     * @throws ProblemException 400 naming a bad filter
     */
    static QueryFilter filter(MultivaluedMap<String, String> query) {
        return KIND.filters().parse(query);
    }

    /**
     * @param filter a parsed filter
     * @return the matching domains in the filter's order
     */
    static PanacheQuery<Domain> find(QueryFilter filter) {
        return KIND.find(filter.whereOrdered(), filter.parameters());
    }

    @Inject
    public DomainService(ChangeRecorder changes, MergePatch mergePatch, IgnoreRules ignoreRules) {
        super(changes, mergePatch, KIND);
        this.ignoreRules = ignoreRules;
    }

    /** For the CDI client proxy only. */
    protected DomainService() {}

    /** @throws ProblemException 400 for an invalid name or a renaming, 409 for a known name */
    @Override
    protected void apply(Domain domain, DomainInput input) {
        String name = DomainNames.normalize(input.name())
                .filter(n -> !input.name().strip().startsWith("*"))
                .orElseThrow(() -> ProblemException.invalid(
                        "name", "must be a domain name below a public suffix, without wildcard"));
        if (domain.id == null) {
            if (byName(name).isPresent()) {
                throw ProblemException.conflict("domain " + name + " exists already");
            }
            domain.name = name;
            List<String> parents = DomainNames.parents(name);
            domain.parent = parents.isEmpty() ? null : ensure(parents.get(0));
        } else if (!name.equals(domain.name)) {
            throw ProblemException.invalid("name", "a domain's name cannot change; create the other domain");
        }
        domain.notes = input.notes();
    }

    @Override
    protected void checkDeletable(Domain domain) {
        refuseWhileReferenced(
                "select count(d) from Domain d where d.parent.id = :id",
                domain,
                n -> "domain " + domain.name + " has " + n + " subdomain(s); delete them first");
    }

    /** @return the domain of this normalised name */
    public Optional<Domain> byName(String normalized) {
        return Domain.find("name", normalized).firstResultOptional();
    }

    /**
     * The domain of a normalised name, created (with its missing parents, each recorded) when
     * unknown. Call inside a transaction.
     */
    public Domain ensure(String normalized) {
        return byName(normalized).orElseGet(() -> createEntity(new DomainInput(normalized, null)));
    }

    /**
     * Associates a certificate with the domain of each of its DNS SANs (wildcards with their base
     * name), creating domains and their parents; names matched by an ignored-domain pattern, IP
     * literals and bare public suffixes are skipped. Call inside a transaction.
     *
     * @param certificate a stored certificate
     * @return the names it is associated with, in SAN order
     */
    public List<String> associate(Certificate certificate) {
        List<IgnoredDomain> ignored = ignoreRules.domains();
        Set<String> names = new LinkedHashSet<>();
        certificate.sans.stream()
                .filter(san -> san.sanType == SanType.DNS)
                .forEach(san -> DomainNames.normalize(san.value)
                        .filter(name -> !IgnoreRules.ignored(ignored, name) && !IgnoreRules.ignored(ignored, san.value))
                        .ifPresent(names::add));
        List<String> associated = new ArrayList<>();
        for (String name : names) {
            Domain domain = ensure(name);
            if (domain.certificates.add(certificate)) {
                domain.flush();
            }
            associated.add(name);
        }
        return associated;
    }
}
