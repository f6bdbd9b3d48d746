package io.infrasystem.realtime.event;

import java.time.Instant;

/**
 * One event as this instance received and numbered it.
 *
 * @param cursor its position in this instance's stream
 * @param type CloudEvents {@code type}, e.g. {@code vm.vm.updated}
 * @param subject CloudEvents {@code subject} (the entity id), may be {@code null}
 * @param receivedAt when this instance received it (bounds the replay buffer by age)
 * @param json the message pushed to clients ({@link EventMessage} serialized once for everyone)
 * @param projectId the project of a project-service event ({@code project_id} of its data), else
 *     {@code null}
 */
public record LiveEvent(Cursor cursor, String type, String subject, Instant receivedAt, String json, Long projectId) {}
