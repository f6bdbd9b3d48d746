package io.infrasystem.inventory.eos;

import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes the End-of-Support report as a {@code notification.requested} event on the
 * {@code notifications} topic (contract in docs/architecture.md: subject and text rendered here,
 * key and {@code idempotency_key} {@code eos-report-<as_of>}), through the outbox, on the cron
 * {@code inventory.eos-report.cron} and on demand.
 */
@ApplicationScoped
public class EosNotifier {

    /** Topic that mail-gateway consumes. */
    public static final String TOPIC = "notifications";

    private static final Logger LOG = Logger.getLogger(EosNotifier.class);

    private final EosReportService reports;
    private final EosReportConfig config;
    private final Outbox outbox;

    public EosNotifier(EosReportService reports, EosReportConfig config, Outbox outbox) {
        this.reports = reports;
        this.config = config;
        this.outbox = outbox;
    }

    /** The scheduled run: today's report (UTC) over the configured horizon. */
    @Scheduled(
            cron = "${inventory.eos-report.cron:0 0 6 1 * ?}",
            identity = "eos-report",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Notice notice = publish(LocalDate.now(ZoneOffset.UTC), config.withinDays());
        LOG.infof("End-of-support report: %s", notice);
    }

    /**
     * What a run published.
     *
     * @param eventId CloudEvents id, {@code null} when nothing was published (no recipients)
     * @param key Kafka key and idempotency key
     */
    public record Notice(
            String eventId, String key, List<String> recipients, int models, int assets, int unknownModels) {}

    /**
     * @param asOf report date
     * @param withinDays horizon in days
     * @return what was published; nothing when no recipient is configured
     */
    @Transactional
    public Notice publish(LocalDate asOf, int withinDays) {
        EosReport report = reports.report(asOf, withinDays);
        String key = "eos-report-" + asOf;
        List<String> to = config.recipients().orElse(List.of());
        if (to.isEmpty()) {
            return new Notice(
                    null,
                    key,
                    to,
                    report.totals().models(),
                    report.totals().assets(),
                    report.totals().unknownModels());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("to", to);
        data.put("cc", List.of());
        data.put("bcc", List.of());
        data.put(
                "subject",
                "End-of-support report " + asOf + ": " + report.totals().models() + " model(s), "
                        + report.totals().assets() + " asset(s)");
        data.put("text", reports.text(report));
        config.channel().ifPresent(channel -> data.put("channel", channel));
        data.put("idempotency_key", key);
        String id = UUID.randomUUID().toString();
        outbox.add(new OutboxMessage(id, TOPIC, "notification.requested", key, key, data, Instant.now()));
        return new Notice(
                id,
                key,
                to,
                report.totals().models(),
                report.totals().assets(),
                report.totals().unknownModels());
    }
}
