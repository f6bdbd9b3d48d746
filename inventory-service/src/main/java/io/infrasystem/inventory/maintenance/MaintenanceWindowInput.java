package io.infrasystem.inventory.maintenance;

import io.infrasystem.inventory.site.ValidTimeZone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The writable fields of a maintenance window: a site, and at most one of rack or asset there.
 *
 * @param startsAt ISO-8601 instant with offset
 * @param timeZone IANA zone, e.g. {@code Africa/Tunis}
 */
public record MaintenanceWindowInput(
        @NotNull Long siteId,
        Long rackId,
        Long assetId,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @NotBlank @ValidTimeZone String timeZone,
        @Size(max = 1000) String description) {}
