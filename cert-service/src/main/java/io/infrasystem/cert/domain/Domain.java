package io.infrasystem.cert.domain;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.domain.dns.DnsCheck;
import io.infrasystem.cert.domain.rdap.Registration;
import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A domain name ({@code domain}), lower-case ASCII (IDNs in punycode); a subdomain links its
 * parent, down to the registrable domain (Public Suffix List). It is "secured by" the certificates
 * whose DNS SANs name it (a wildcard {@code *.example.com} secures {@code example.com}'s children
 * and is associated with {@code example.com}). Updates write the changed columns only
 * ({@code @DynamicUpdate}), so an edit never writes back registration or DNS state that a refresh
 * stored meanwhile.
 */
@Entity
@DynamicUpdate
public class Domain extends Tracked {

    public String name;

    @ManyToOne(fetch = FetchType.LAZY)
    public Domain parent;

    public String notes;

    @ManyToMany
    @JoinTable(
            name = "domain_certificate",
            joinColumns = @JoinColumn(name = "domain_id"),
            inverseJoinColumns = @JoinColumn(name = "certificate_id"))
    public Set<Certificate> certificates = new LinkedHashSet<>();

    /**
     * Registration data from RDAP (registrable domains only), read here and written through
     * {@link DomainState} (no version bump: a refresh is not an edit).
     */
    @Embedded
    public Registration registration;

    /** The last DNS lookup (its records are {@code dns_record} rows); written through {@link DomainState}. */
    @Embedded
    public DnsCheck dns;

    /** @return the API view */
    public DomainDto dto() {
        return new DomainDto(
                id,
                name,
                parent == null ? null : parent.id,
                parent == null ? null : parent.name,
                parent == null,
                certificates.stream()
                        .map(c -> c.id)
                        .sorted(Comparator.naturalOrder())
                        .toList(),
                notes,
                parent == null ? (registration == null ? new Registration() : registration).dto() : null,
                (dns == null ? new DnsCheck() : dns).dto(),
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public DomainInput input() {
        return new DomainInput(name, notes);
    }
}
