package io.infrasystem.vm.owner;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * An owner as the API shows it.
 *
 * @param id owner id
 * @param fullName name
 * @param email unique e-mail address
 * @param designation job title
 * @param department department
 * @param version optimistic-locking version ({@code ETag})
 */
public record OwnerDto(
        long id,
        String fullName,
        String email,
        String designation,
        String department,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
