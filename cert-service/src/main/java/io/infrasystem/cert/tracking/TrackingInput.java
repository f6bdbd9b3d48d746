package io.infrasystem.cert.tracking;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What a caller sends to create or change a tracking entry.
 *
 * @param certificateId required, an existing certificate
 * @param changeNumber at most 100 characters
 * @param plannedDate {@code YYYY-MM-DD}
 * @param status required
 * @param notes at most 4000 characters
 */
public record TrackingInput(
        @NotNull Long certificateId,
        @Size(max = 100) String changeNumber,
        LocalDate plannedDate,
        @NotNull TrackingStatus status,
        @Size(max = 4000) String notes) {}
