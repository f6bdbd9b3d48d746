package io.infrasystem.inventory.manufacturer;

import java.time.Instant;

/** A manufacturer as the API returns it. */
public record ManufacturerDto(
        long id, String name, String slug, String description, long version, Instant createdAt, Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
