package io.infrasystem.inventory.asset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An asset as the API returns it.
 *
 * @param uHeight the model's height in rack units
 * @param position lowest rack unit occupied, {@code null} when not mounted (or zero-U)
 * @param customFields string keys to scalar values
 */
public record AssetDto(
        long id,
        String hostname,
        String assetTag,
        String serial,
        AssetStatus status,
        long modelId,
        String modelName,
        String modelColour,
        long manufacturerId,
        String manufacturerName,
        BigDecimal uHeight,
        boolean isFullDepth,
        Long siteId,
        String siteName,
        Long rackId,
        String rackName,
        BigDecimal position,
        Face face,
        String mgmtIp,
        List<String> otherIps,
        LocalDate purchaseDate,
        LocalDate warrantyEnd,
        String owner,
        String notes,
        List<String> tags,
        Map<String, Object> customFields,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
