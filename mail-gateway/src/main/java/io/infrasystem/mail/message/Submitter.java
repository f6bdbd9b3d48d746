package io.infrasystem.mail.message;

import io.infrasystem.commons.security.Actor;

/**
 * Who asks for a message and how.
 *
 * @param actor the user, API key or event source (recorded as sender and in the audit log)
 * @param origin {@code api} or {@code event}
 * @param eventId CloudEvents id of the notification event, or {@code null}
 * @param idempotencyScope the namespace of the sender's idempotency keys
 */
public record Submitter(Actor actor, String origin, String eventId, String idempotencyScope) {}
