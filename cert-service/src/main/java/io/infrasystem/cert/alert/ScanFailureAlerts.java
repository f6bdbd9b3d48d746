package io.infrasystem.cert.alert;

import io.infrasystem.commons.outbox.EventsConfig;
import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alerts on scan failures: when a target's scan fails after a success (or on its first scan), a
 * {@code cert.scan_target.failed} event on {@code cert.events} and, with recipients configured
 * ({@code infra.cert.alerts.recipients}), a {@code notification.requested} message; a target that
 * keeps failing is not alerted again until a scan succeeds. Called inside the recording's transaction.
 */
@ApplicationScoped
public class ScanFailureAlerts {

    private final AlertConfig config;
    private final Outbox outbox;
    private final EventsConfig events;

    public ScanFailureAlerts(AlertConfig config, Outbox outbox, EventsConfig events) {
        this.config = config;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * @param targetId the scan target
     * @param address {@code host:port}
     * @param scanId the failed scan
     * @param error why it failed
     * @param at when
     */
    public void failed(long targetId, String address, long scanId, String error, Instant at) {
        String id = Long.toString(targetId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scan_target_id", targetId);
        data.put("target", address);
        data.put("scan_id", scanId);
        data.put("error", error);
        outbox.add(new OutboxMessage(
                UUID.randomUUID().toString(), events.topic(), "cert.scan_target.failed", id, id, data, at));
        List<String> to = config.recipients().orElse(List.of());
        if (to.isEmpty()) {
            return;
        }
        String key = "cert-scan-failure-" + scanId;
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("to", to);
        mail.put("subject", "Certificate scan of " + address + " failed");
        mail.put(
                "text",
                "The TLS scan of " + address + " (scan target " + targetId + ") failed at " + at + ":\n" + error);
        config.channel().ifPresent(channel -> mail.put("channel", channel));
        mail.put("idempotency_key", key);
        outbox.add(new OutboxMessage(
                UUID.randomUUID().toString(),
                ExpiryAlerts.NOTIFICATIONS,
                "notification.requested",
                key,
                key,
                mail,
                at));
    }
}
