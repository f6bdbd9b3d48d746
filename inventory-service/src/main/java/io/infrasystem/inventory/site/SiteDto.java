package io.infrasystem.inventory.site;

import java.time.Instant;

/**
 * A site as the API returns it.
 *
 * @param timeZone IANA zone id, e.g. {@code Africa/Tunis}
 */
public record SiteDto(
        long id,
        String name,
        String slug,
        SiteStatus status,
        String address,
        String timeZone,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
