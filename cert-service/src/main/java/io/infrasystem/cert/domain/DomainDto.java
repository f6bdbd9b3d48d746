package io.infrasystem.cert.domain;

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
 * @param certificateIds the certificates that secure it, ascending
 * @param notes operator notes
 * @param version optimistic-locking version ({@code ETag})
 */
public record DomainDto(
        long id,
        String name,
        Long parentId,
        String parentName,
        List<Long> certificateIds,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
