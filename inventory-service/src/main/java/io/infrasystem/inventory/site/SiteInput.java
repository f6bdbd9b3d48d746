package io.infrasystem.inventory.site;

import io.infrasystem.inventory.slug.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The writable fields of a site ({@code POST}, {@code PUT}, and the result of a merge patch).
 *
 * @param slug lower-case letters, digits and hyphens; derived from the name when absent
 * @param timeZone IANA zone id; {@code null} when unknown
 */
public record SiteInput(
        @NotBlank @Size(max = 100) String name,

        @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and hyphens")
        String slug,

        @NotNull SiteStatus status,
        @Size(max = 500) String address,
        @ValidTimeZone String timeZone,
        @Size(max = 1000) String description) {}
