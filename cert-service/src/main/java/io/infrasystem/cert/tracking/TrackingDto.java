package io.infrasystem.cert.tracking;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A tracking entry as the API shows it.
 *
 * @param id entry id
 * @param certificateId the certificate concerned
 * @param changeNumber the change ticket (free text)
 * @param plannedDate the planned day ({@code YYYY-MM-DD})
 * @param status {@code planned}, {@code in_progress}, {@code completed}, {@code cancelled}
 * @param notes notes
 * @param version optimistic-locking version ({@code ETag})
 */
public record TrackingDto(
        long id,
        long certificateId,
        String changeNumber,
        LocalDate plannedDate,
        TrackingStatus status,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
