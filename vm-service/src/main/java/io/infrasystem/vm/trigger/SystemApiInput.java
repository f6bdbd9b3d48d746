package io.infrasystem.vm.trigger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to create or change a system API entry.
 *
 * @param name unique, 1–100 characters
 * @param url an {@code http} or {@code https} URL, at most 500 characters
 * @param method {@code POST} or {@code GET}
 * @param resourceType {@code nutanix} or {@code vmware}
 * @param source the vCenter / Prism Central name its runs are for (optional, defaults to the name)
 * @param isActive whether triggers call it
 */
public record SystemApiInput(@NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
        @NotNull @Pattern(regexp = "POST|GET", message = "must be POST or GET") String method,
        @NotNull @Pattern(regexp = "nutanix|vmware", message = "must be nutanix or vmware") String resourceType,
        @Size(max = 255) String source, @NotNull Boolean isActive) {
}
