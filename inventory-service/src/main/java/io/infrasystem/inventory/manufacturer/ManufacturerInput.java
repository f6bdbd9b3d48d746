package io.infrasystem.inventory.manufacturer;

import io.infrasystem.inventory.slug.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The writable fields of a manufacturer.
 *
 * @param slug derived from the name when absent
 */
public record ManufacturerInput(
        @NotBlank @Size(max = 100) String name,

        @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and hyphens")
        String slug,

        @Size(max = 1000) String description) {}
