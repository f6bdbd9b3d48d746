package io.infrasystem.project.project;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A project as the API shows it.
 *
 * @param id project id
 * @param clientId the client's id
 * @param clientName the client's name
 * @param name name, unique within the client
 * @param code short code, unique, e.g. {@code ACME-ERP}
 * @param status {@code active}, {@code on_hold} or {@code closed}
 * @param description free text
 * @param startDate first day (ISO-8601 date)
 * @param endDate last day (ISO-8601 date), not before {@code start_date}
 * @param version optimistic-locking version ({@code ETag})
 * @param createdAt creation time, UTC
 * @param updatedAt last change, UTC
 */
public record ProjectDto(
        long id,
        long clientId,
        String clientName,
        String name,
        String code,
        ProjectStatus status,
        String description,
        LocalDate startDate,
        LocalDate endDate,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
