package io.infrasystem.commons.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One audit log entry as the audit endpoint returns it.
 *
 * @param id entry id, increasing with time
 * @param occurredAt when the change was committed (UTC)
 * @param actor user name, API key name or job name
 * @param actorType {@code user}, {@code api_key} or {@code system}
 * @param action {@code created}, {@code updated}, {@code deleted} or a domain verb
 * @param resourceType entity name, e.g. {@code vm}
 * @param resourceId entity id
 * @param requestId {@code X-Request-ID} of the request that made the change, if any
 * @param clientIp address of the client, if the change came from a request
 * @param before the resource before the change, or null
 * @param after the resource after the change, or null
 * @param changes array of {@code {field, old, new}}
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        String actorType,
        String action,
        String resourceType,
        String resourceId,
        String requestId,
        String clientIp,
        JsonNode before,
        JsonNode after,
        JsonNode changes) {}
