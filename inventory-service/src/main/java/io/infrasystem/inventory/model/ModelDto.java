package io.infrasystem.inventory.model;

import io.infrasystem.inventory.devicetype.DeviceCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A model as the API returns it.
 *
 * @param uHeight rack units, steps of 0.5, 0 for zero-U
 * @param isFullDepth whether it occupies both faces of the rack
 * @param endOfSupport {@code null} when unknown
 * @param colour the colour the rack elevation draws it in, six lower-case hex digits, {@code null} when none is set
 */
public record ModelDto(
        long id,
        long manufacturerId,
        String manufacturerName,
        long deviceTypeId,
        String deviceTypeName,
        DeviceCategory category,
        String name,
        String partNumber,
        BigDecimal uHeight,
        boolean isFullDepth,
        LocalDate endOfSale,
        LocalDate endOfSupport,
        String notes,
        String colour,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
