package io.infrasystem.inventory.storage;

import io.infrasystem.inventory.asset.AssetStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A storage array as the API returns it.
 *
 * @param totalTb usable capacity in terabytes
 * @param usedTb terabytes in use
 * @param usedPercent {@code used_tb / total_tb} in percent, one decimal
 */
public record StorageArrayDto(
        long id,
        long siteId,
        String siteName,
        Long modelId,
        String name,
        BigDecimal totalTb,
        BigDecimal usedTb,
        BigDecimal usedPercent,
        AssetStatus status,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements io.infrasystem.commons.crud.Versioned {}
