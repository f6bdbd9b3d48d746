package io.infrasystem.commons.outbox;

import java.time.Instant;

/**
 * One event to publish, as the outbox stores it until the relay has sent it. The relay turns it
 * into a CloudEvents 1.0 record in Kafka binary mode: {@code ce_id}, {@code ce_source},
 * {@code ce_type}, {@code ce_subject}, {@code ce_time} headers, JSON value, key = {@code key}.
 *
 * @param eventId CloudEvents {@code id}, unique; consumers deduplicate on it
 * @param topic Kafka topic, e.g. {@code vm.events}
 * @param type CloudEvents {@code type}, {@code <service>.<entity>.<action>}, e.g. {@code vm.vm.updated}
 * @param subject CloudEvents {@code subject}: the entity id
 * @param key Kafka record key (the entity id, so that events of one entity stay in order)
 * @param data the event data, serialized as JSON with the service's ObjectMapper
 * @param time when the change happened (UTC)
 */
public record OutboxMessage(
        String eventId, String topic, String type, String subject, String key, Object data, Instant time) {}
