package io.infrasystem.realtime.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The JSON pushed to clients for one event: the CloudEvent's attributes and data (CloudEvents 1.0,
 * as the services publish them in Kafka binary mode) plus the cursor to resume after it.
 *
 * @param kind always {@code event} (control messages carry other kinds)
 * @param id CloudEvents {@code id}: unique per event, clients deduplicate on it
 * @param type CloudEvents {@code type}
 * @param source CloudEvents {@code source}, e.g. {@code /infra-system/vm-service}
 * @param subject CloudEvents {@code subject}: the entity id, may be {@code null}
 * @param time CloudEvents {@code time} (ISO-8601, UTC), may be {@code null}
 * @param data the event data: JSON as published, or a JSON string when the payload is not JSON
 * @param cursor opaque position to pass as {@code resume_from} / {@code Last-Event-ID}
 */
public record EventMessage(
        String kind,
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        JsonNode data,
        String cursor) {}
