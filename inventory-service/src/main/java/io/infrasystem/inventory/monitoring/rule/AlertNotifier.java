package io.infrasystem.inventory.monitoring.rule;

import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.maintenance.MaintenanceWindow;
import io.infrasystem.inventory.monitoring.alert.Alert;
import io.infrasystem.inventory.monitoring.alert.AlertStatus;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends alerts to the channels of the rules they match, as {@code notification.requested} events
 * on {@code notifications} (the contract in docs/architecture.md; mail-gateway sends the email and
 * copies it to the named Slack or webhook channel), through the outbox in the alert's own
 * transaction. An alert whose entity is covered by a maintenance window in progress when it opens
 * (a window on its asset, on the asset's rack, or on its whole site) is marked {@code suppressed}
 * and sent nowhere. While an alert stays open (not acknowledged, not resolved), a rule with a
 * repeat interval sends it again every {@code repeat_minutes} (checked every
 * {@code inventory.monitoring.repeat-tick}, 60 s).
 */
@ApplicationScoped
public class AlertNotifier {

    /** Topic that mail-gateway consumes. */
    public static final String TOPIC = "notifications";

    private final Outbox outbox;

    public AlertNotifier(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Suppresses or sends a new alert; call in the transaction that stores it.
     *
     * @param alert the alert, persisted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(Alert alert) {
        Instant now = Instant.now();
        if (inMaintenance(alert, now)) {
            alert.suppressed = true;
            return;
        }
        for (AlertRule rule : AlertRule.<AlertRule>list("enabled = true order by id")) {
            if (matches(rule, alert)) {
                AlertNotification sent = new AlertNotification();
                sent.alert = alert;
                sent.rule = rule;
                sent.sends = 0;
                send(sent, now);
                sent.persist();
            }
        }
    }

    /** Sends again the open alerts whose rule's repeat interval has passed. */
    @Scheduled(
            every = "${inventory.monitoring.repeat-tick:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void repeat() {
        Instant now = Instant.now();
        List<AlertNotification> due = AlertNotification.<AlertNotification>list(
                        "alert.status = ?1 and rule.enabled = true and rule.repeatMinutes > 0", AlertStatus.OPEN)
                .stream()
                .filter(n -> !n.lastSentAt
                        .plus(n.rule.repeatMinutes, ChronoUnit.MINUTES)
                        .isAfter(now))
                .toList();
        due.forEach(n -> send(n, now));
    }

    static boolean matches(AlertRule rule, Alert alert) {
        return alert.severity.ordinal() >= rule.minSeverity.ordinal()
                && (rule.source == null || rule.source == alert.source)
                && (rule.site == null || (alert.site != null && rule.site.id.equals(alert.site.id)))
                && (rule.entityType == null
                        || (alert.entityRef != null && alert.entityRef.startsWith(rule.entityType + ":")));
    }

    private static boolean inMaintenance(Alert alert, Instant now) {
        String assetPrefix = "inventory:asset:";
        Asset asset = null;
        if (alert.entityRef != null && alert.entityRef.startsWith(assetPrefix)) {
            asset = Asset.findById(Long.parseLong(alert.entityRef.substring(assetPrefix.length())));
        }
        Long siteId = asset != null && asset.site != null ? asset.site.id : alert.site == null ? null : alert.site.id;
        if (siteId == null) {
            return false;
        }
        Long rackId = asset != null && asset.rack != null ? asset.rack.id : null;
        Long assetId = asset != null ? asset.id : null;
        return MaintenanceWindow.count(
                        "site.id = ?1 and startsAt <= ?2 and endsAt > ?2 and ((rack is null and asset is null)"
                                + " or rack.id = ?3 or asset.id = ?4)",
                        siteId,
                        now,
                        rackId == null ? -1L : rackId,
                        assetId == null ? -1L : assetId)
                > 0;
    }

    private void send(AlertNotification notification, Instant now) {
        Alert alert = notification.alert;
        AlertRule rule = notification.rule;
        notification.sends++;
        notification.lastSentAt = now.truncatedTo(ChronoUnit.MICROS);
        List<String> to = new ArrayList<>();
        String channel = null;
        for (RuleChannel c : rule.channelList()) {
            if (ChannelType.EMAIL.wire().equals(c.type())) {
                to.addAll(c.to());
            } else {
                channel = c.name();
            }
        }
        String key = "alert-" + alert.id + "-rule-" + rule.id + "-" + notification.sends;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("to", to);
        data.put("cc", List.of());
        data.put("bcc", List.of());
        data.put(
                "subject",
                "[" + alert.severity.wire() + "] " + alert.message
                        + (alert.zabbixHost == null ? "" : " (" + alert.zabbixHost + ")"));
        data.put("text", text(alert, rule, notification.sends));
        if (channel != null) {
            data.put("channel", channel);
        }
        data.put("idempotency_key", key);
        outbox.add(
                new OutboxMessage(UUID.randomUUID().toString(), TOPIC, "notification.requested", key, key, data, now));
    }

    private static String text(Alert alert, AlertRule rule, int sends) {
        StringBuilder text = new StringBuilder();
        text.append("Alert ")
                .append(alert.id)
                .append(": ")
                .append(alert.message)
                .append('\n');
        text.append("Severity: ").append(alert.severity.wire());
        if (alert.sourceSeverity != null) {
            text.append(" (")
                    .append(alert.source.wire())
                    .append(": ")
                    .append(alert.sourceSeverity)
                    .append(')');
        }
        text.append('\n');
        if (alert.entityRef != null) {
            text.append("Entity: ").append(alert.entityRef).append('\n');
        }
        if (alert.zabbixHost != null) {
            text.append("Zabbix host: ").append(alert.zabbixHost).append('\n');
        }
        if (alert.site != null) {
            text.append("Site: ").append(alert.site.name).append('\n');
        }
        text.append("Opened: ").append(alert.openedAt).append('\n');
        text.append("Rule: ").append(rule.name);
        if (sends > 1) {
            text.append(" (reminder ").append(sends - 1).append(": still open)");
        }
        text.append('\n');
        return text.toString();
    }
}
