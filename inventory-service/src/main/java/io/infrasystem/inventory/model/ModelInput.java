package io.infrasystem.inventory.model;

import io.infrasystem.inventory.rack.HalfUnits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The writable fields of a model.
 *
 * @param uHeight rack units in steps of 0.5 from 0 (zero-U) to 100; 1 when absent
 * @param isFullDepth {@code true} when absent (NetBox's default)
 * @param endOfSupport {@code null} means unknown
 * @param colour the colour the rack elevation draws it in: six hex digits, RGB, as NetBox writes
 *     colours ({@code 1f77b4}, no {@code #}); stored in lower case; {@code null} for none
 */
public record ModelInput(
        @NotNull Long manufacturerId,
        @NotNull Long deviceTypeId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String partNumber,
        @HalfUnits @DecimalMax("100") BigDecimal uHeight,
        Boolean isFullDepth,
        LocalDate endOfSale,
        LocalDate endOfSupport,
        String notes,

        @Pattern(regexp = "[0-9a-fA-F]{6}", message = "must be six hex digits (RGB), such as 1f77b4")
        String colour) {}
