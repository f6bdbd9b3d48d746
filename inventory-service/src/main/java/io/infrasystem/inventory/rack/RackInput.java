package io.infrasystem.inventory.rack;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The writable fields of a rack; absent numbers take NetBox's defaults (42 U, first unit 1,
 * ascending, 19-inch).
 *
 * @param widthIn 10, 19, 21 or 23 (inches)
 */
public record RackInput(
        @NotNull Long siteId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 50) String facilityId,
        @NotNull RackStatus status,
        @JsonProperty("u_height") @Min(1) @Max(100) Integer uHeight,
        @Min(0) Integer startingUnit,
        Boolean descUnits,
        Integer widthIn,
        @Positive Integer outerDepthMm,
        @Size(max = 1000) String description) {}
