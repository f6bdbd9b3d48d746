package io.infrasystem.cert.domain;

import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A domain name ({@code domain}), lower-case ASCII (IDNs in punycode); a subdomain links its
 * parent, down to the registrable domain (Public Suffix List). It is "secured by" the certificates
 * whose DNS SANs name it (a wildcard {@code *.example.com} secures {@code example.com}'s children
 * and is associated with {@code example.com}).
 */
@Entity
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

    /** @return the API view */
    public DomainDto dto() {
        return new DomainDto(
                id,
                name,
                parent == null ? null : parent.id,
                parent == null ? null : parent.name,
                certificates.stream()
                        .map(c -> c.id)
                        .sorted(Comparator.naturalOrder())
                        .toList(),
                notes,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public DomainInput input() {
        return new DomainInput(name, notes);
    }
}
