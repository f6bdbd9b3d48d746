package io.infrasystem.inventory.storage;

import io.infrasystem.inventory.asset.AssetStatus;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The writable fields of a storage array.
 *
 * @param totalTb terabytes, 0 or more, three decimals at most
 * @param usedTb terabytes, 0 to {@code total_tb}; 0 when absent
 */
public record StorageArrayInput(
        @NotNull Long siteId,
        Long modelId,
        @NotBlank @Size(max = 100) String name,

        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 3)
        BigDecimal totalTb,

        @DecimalMin("0") @Digits(integer = 9, fraction = 3) BigDecimal usedTb,
        @NotNull AssetStatus status,
        @Size(max = 1000) String description) {}
