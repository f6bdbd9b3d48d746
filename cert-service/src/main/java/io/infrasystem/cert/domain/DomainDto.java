package io.infrasystem.cert.domain;

import io.infrasystem.cert.domain.dns.DnsCheckDto;
import io.infrasystem.cert.domain.rdap.RegistrationDto;
import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * A domain as the API shows it.
 *
 * @param id domain id
 * @param name lower-case ASCII name
 * @param parentId the parent domain, or {@code null} for a registrable domain
 * @param parentName its name
 * @param registrable whether it is a registrable domain (no parent: RDAP is queried for it)
 * @param certificateIds the certificates that secure it, ascending
 * @param notes operator notes
 * @param registration RDAP registration data of a registrable domain, {@code null} for a subdomain
 * @param dns the last DNS lookup
 * @param version optimistic-locking version ({@code ETag})
 */
public record DomainDto(
        long id,
        String name,
        Long parentId,
        String parentName,
        boolean registrable,
        List<Long> certificateIds,
        String notes,
        RegistrationDto registration,
        DnsCheckDto dns,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
