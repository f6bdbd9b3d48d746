package io.infrasystem.realtime.ws;

import java.util.List;

/**
 * A JSON message from a WebSocket client: {@code {"action": "subscribe" | "unsubscribe",
 * "types": ["vm.*"], "subjects": ["42"]}}. {@code subscribe} adds the patterns and subjects,
 * {@code unsubscribe} removes them (by exact text); the server answers each with a
 * {@code subscribed} confirmation of the whole subscription, or an {@code error} message.
 *
 * @param action {@code subscribe} or {@code unsubscribe}
 * @param types type patterns, may be absent
 * @param subjects subjects, may be absent
 */
public record ClientCommand(String action, List<String> types, List<String> subjects) {}
