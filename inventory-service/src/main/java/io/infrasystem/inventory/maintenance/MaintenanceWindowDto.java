package io.infrasystem.inventory.maintenance;

import java.time.Instant;

/**
 * A maintenance window as the API returns it.
 *
 * @param startsAt UTC
 * @param endsAt UTC, after {@code starts_at}
 * @param timeZone IANA zone it was planned in (for display in local time)
 * @param state scheduled, in_progress or ended, as of the response
 */
public record MaintenanceWindowDto(
        long id,
        long siteId,
        String siteName,
        Long rackId,
        Long assetId,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        String description,
        WindowState state,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
