package io.infrasystem.cert.domain.rdap;

import io.infrasystem.cert.alert.AlertConfig;
import io.infrasystem.cert.domain.Domain;
import io.infrasystem.commons.outbox.EventsConfig;
import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Registration expiry alerts, with the certificates' thresholds ({@code infra.cert.alerts.threshold-days},
 * recipients and channel): a registrable domain whose RDAP expiry lies within a threshold it was not
 * alerted for (for that expiry date) gets one alert, for the smallest threshold crossed, and every
 * crossed threshold is marked sent in {@code domain_alert}, in the transaction that adds the outbox
 * messages: {@code cert.domain.expiring} on {@code cert.events} (subject the domain id; data
 * {@code domain_id}, {@code name}, {@code expires_at}, {@code days_remaining}, {@code threshold_days},
 * {@code registrar}, {@code registration_status}) and, with recipients, {@code notification.requested}
 * on {@code notifications} (key and {@code idempotency_key}
 * {@code cert-domain-expiry-<id>-<expiry date>-<threshold>}).
 */
@ApplicationScoped
public class RegistrationAlerts {

    static final String NOTIFICATIONS = "notifications";

    private final AlertConfig config;
    private final Outbox outbox;
    private final EventsConfig events;

    public RegistrationAlerts(AlertConfig config, Outbox outbox, EventsConfig events) {
        this.config = config;
        this.outbox = outbox;
        this.events = events;
    }

    /** Checks with the certificates' period ({@code infra.cert.alerts.every}). */
    @Scheduled(
            every = "${infra.cert.alerts.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check(Instant.now());
    }

    /**
     * @param now the time to judge by
     * @return the ids of the domains alerted
     */
    @Transactional
    public List<Long> check(Instant now) {
        List<Integer> thresholds = config.thresholdDays();
        int widest = thresholds.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Domain> candidates = Domain.list(
                "parent is null and registration.expiresAt > ?1 and registration.expiresAt <= ?2"
                        + " order by registration.expiresAt, id",
                now,
                now.plus(Duration.ofDays(widest)));
        List<Long> alerted = new ArrayList<>();
        for (Domain domain : candidates) {
            Instant expires = domain.registration.expiresAt;
            Duration left = Duration.between(now, expires);
            Set<Integer> sent =
                    DomainAlert.<DomainAlert>list("domain = ?1 and expiresAt = ?2", domain, expires).stream()
                            .map(a -> a.thresholdDays)
                            .collect(Collectors.toSet());
            List<Integer> crossed = thresholds.stream()
                    .filter(days -> left.compareTo(Duration.ofDays(days)) <= 0 && !sent.contains(days))
                    .sorted()
                    .toList();
            if (crossed.isEmpty()) {
                continue;
            }
            for (int days : crossed) {
                DomainAlert alert = new DomainAlert();
                alert.domain = domain;
                alert.expiresAt = expires;
                alert.thresholdDays = days;
                alert.persist();
            }
            publish(domain, crossed.get(0), left, now);
            alerted.add(domain.id);
        }
        return alerted;
    }

    private void publish(Domain domain, int threshold, Duration left, Instant now) {
        Registration registration = domain.registration;
        long days = left.toDays();
        String id = Long.toString(domain.id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domain_id", domain.id);
        data.put("name", domain.name);
        data.put("expires_at", registration.expiresAt.toString());
        data.put("days_remaining", days);
        data.put("threshold_days", threshold);
        data.put("registrar", registration.registrar);
        data.put("registration_status", registration.statuses == null ? List.of() : List.copyOf(registration.statuses));
        outbox.add(new OutboxMessage(
                UUID.randomUUID().toString(), events.topic(), "cert.domain.expiring", id, id, data, now));
        List<String> to = config.recipients().orElse(List.of());
        if (to.isEmpty()) {
            return;
        }
        String key = "cert-domain-expiry-" + domain.id + "-"
                + registration.expiresAt.atOffset(ZoneOffset.UTC).toLocalDate() + "-" + threshold;
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("to", to);
        mail.put(
                "subject",
                "Domain " + domain.name + " registration expires in " + days + " day(s), on " + registration.expiresAt);
        mail.put(
                "text",
                "The registration of " + domain.name + " expires on " + registration.expiresAt + ", in " + days
                        + " day(s) (threshold " + threshold + " days).\nRegistrar: "
                        + (registration.registrar == null ? "unknown" : registration.registrar)
                        + "\nStatus: " + (registration.statuses == null ? "" : String.join(", ", registration.statuses))
                        + "\nSource: " + registration.rdapUrl + " (checked " + registration.checkedAt + ")");
        config.channel().ifPresent(channel -> mail.put("channel", channel));
        mail.put("idempotency_key", key);
        outbox.add(new OutboxMessage(
                UUID.randomUUID().toString(), NOTIFICATIONS, "notification.requested", key, key, mail, now));
    }
}
