package io.infrasystem.inventory.rack;

import java.time.Instant;

/**
 * A rack as the API returns it.
 *
 * @param uHeight number of rack units
 * @param widthIn rail width in inches
 * @param outerDepthMm outer depth in millimetres, {@code null} when unknown
 */
public record RackDto(
        long id,
        long siteId,
        String siteName,
        String name,
        String facilityId,
        RackStatus status,
        int uHeight,
        int startingUnit,
        boolean descUnits,
        int widthIn,
        Integer outerDepthMm,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
