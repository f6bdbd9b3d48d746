package io.infrasystem.mail.notification;

import java.util.List;
import java.util.Map;

/**
 * Data of a {@code notification.requested} CloudEvent (docs/architecture.md, "Notification
 * requests"): recipients as addresses, direct content or a template with variables, an optional
 * channel and idempotency key.
 */
public record NotificationRequest(
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String text,
        String html,
        String template,
        Map<String, Object> variables,
        String channel,
        String idempotencyKey) {}
