package io.infrasystem.inventory.devicetype;

import java.time.Instant;

/** A device type as the API returns it. */
public record DeviceTypeDto(
        long id,
        String name,
        DeviceCategory category,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
