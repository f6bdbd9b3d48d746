package io.infrasystem.vm.trigger;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * A system API entry as the API, the audit log and the change events show it. It never carries the
 * webhook secret (write-only), only whether one is set and when it last changed, so that setting or
 * rotating it is audited without being disclosed.
 *
 * @param url the n8n webhook URL
 * @param method {@code POST} or {@code GET}
 * @param resourceType {@code nutanix} or {@code vmware}
 * @param source the vCenter / Prism Central the webhook's workflow reads (defaults to the name)
 * @param isActive whether triggers call it
 * @param authHeaderName the header the trigger sends to authenticate (n8n Header Auth), or null
 * @param authHeaderSet whether a secret value for that header is stored
 * @param authHeaderChangedAt when the header was last set, changed or cleared (UTC), or null
 */
public record SystemApiDto(
        long id,
        String name,
        String url,
        String method,
        String resourceType,
        String source,
        boolean isActive,
        String authHeaderName,
        boolean authHeaderSet,
        Instant authHeaderChangedAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
