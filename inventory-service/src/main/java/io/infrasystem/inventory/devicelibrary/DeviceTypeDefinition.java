package io.infrasystem.inventory.devicelibrary;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * The part of a NetBox devicetype-library file ({@code device-types/<Vendor>/<model>.yaml}, schema
 * {@code schema/devicetype.json} of netbox-community/devicetype-library) that the inventory keeps.
 * Component templates (interfaces, power ports, module bays …) are ignored.
 *
 * @param uHeight rack units, steps of 0.5; NetBox's default 1.0 when absent
 * @param isFullDepth NetBox's default {@code true} when absent
 * @param comments Markdown; {@code null} when absent or when YAML reads it as a comment ({@code ### …})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceTypeDefinition(
        @JsonProperty("manufacturer") String manufacturer,
        @JsonProperty("model") String model,
        @JsonProperty("slug") String slug,
        @JsonProperty("part_number") String partNumber,
        @JsonProperty("u_height") BigDecimal uHeight,
        @JsonProperty("is_full_depth") Boolean isFullDepth,
        @JsonProperty("comments") String comments) {}
