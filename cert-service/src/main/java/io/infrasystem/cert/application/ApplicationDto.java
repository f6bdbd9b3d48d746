package io.infrasystem.cert.application;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * An application as the API shows it.
 *
 * @param id application id
 * @param name unique name
 * @param appType {@code web}, {@code api}, {@code mail}, {@code database}, {@code middleware}, {@code other}
 * @param owner the team or person responsible (free text)
 * @param notes operator notes
 * @param version optimistic-locking version ({@code ETag})
 */
public record ApplicationDto(
        long id,
        String name,
        ApplicationType appType,
        String owner,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
