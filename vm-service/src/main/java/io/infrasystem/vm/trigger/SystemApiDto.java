package io.infrasystem.vm.trigger;

import java.time.Instant;

/**
 * A system API entry as the API shows it.
 *
 * @param url the n8n webhook URL
 * @param method {@code POST} or {@code GET}
 * @param resourceType {@code nutanix} or {@code vmware}
 * @param source the vCenter / Prism Central the webhook's workflow reads (defaults to the name)
 * @param isActive whether triggers call it
 */
public record SystemApiDto(long id, String name, String url, String method, String resourceType, String source,
        boolean isActive, long version, Instant createdAt, Instant updatedAt) {
}
