package io.infrasystem.cert.alert;

import io.infrasystem.cert.binding.CertificateBinding;
import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.certificate.CertificateSan;
import io.infrasystem.cert.x509.SanType;
import io.infrasystem.commons.outbox.EventsConfig;
import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renewal-aware expiry alerts. A certificate that is not replaced and ends within a threshold
 * it has not been alerted for gets one alert — its own thresholds ({@code alert_threshold_days},
 * empty: never alerted) or, without them, the global {@code infra.cert.alerts.threshold-days} — for the
 * smallest threshold crossed (a certificate first seen 5 days before its end gets the 7-day alert,
 * not five at once), and every crossed threshold is marked sent. No alert when it is renewed: a
 * certificate with the same DNS names (the common name without SANs) that ends later is bound at
 * each of its places (host, port, SNI), or exists at all when it has no binding. An alert is a
 * {@code cert.certificate.expiring} event on {@code cert.events} and, when recipients are
 * configured, a {@code notification.requested} message to mail-gateway on {@code notifications},
 * both in the outbox of the same transaction as the {@code certificate_alert} rows.
 */
@ApplicationScoped
public class ExpiryAlerts {

    static final String NOTIFICATIONS = "notifications";

    private final AlertConfig config;
    private final Outbox outbox;
    private final EventsConfig events;

    public ExpiryAlerts(AlertConfig config, Outbox outbox, EventsConfig events) {
        this.config = config;
        this.outbox = outbox;
        this.events = events;
    }

    /** Checks every hour ({@code infra.cert.alerts.every}). */
    @Scheduled(
            every = "${infra.cert.alerts.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check(Instant.now());
    }

    /**
     * @param now the time to judge by
     * @return the ids of the certificates alerted
     */
    @Transactional
    public List<Long> check(Instant now) {
        List<Integer> global = config.thresholdDays();
        int widest = global.stream().mapToInt(Integer::intValue).max().orElse(0);
        // certificates with thresholds of their own are few: they are read whatever their end
        List<Certificate> candidates = Certificate.list(
                "replacedBy is null and notAfter > ?1 and (notAfter <= ?2 or alertThresholdDays is not null)"
                        + " order by notAfter, id",
                now,
                now.plus(Duration.ofDays(widest)));
        List<Long> alerted = new ArrayList<>();
        for (Certificate certificate : candidates) {
            Duration left = Duration.between(now, certificate.notAfter);
            List<Integer> thresholds = thresholds(certificate);
            if (thresholds.stream().noneMatch(days -> left.compareTo(Duration.ofDays(days)) <= 0)) {
                continue;
            }
            Set<Integer> sent = CertificateAlert.<CertificateAlert>list("certificate", certificate).stream()
                    .map(a -> a.thresholdDays)
                    .collect(Collectors.toSet());
            List<Integer> crossed = thresholds.stream()
                    .filter(days -> left.compareTo(Duration.ofDays(days)) <= 0 && !sent.contains(days))
                    .sorted()
                    .toList();
            if (crossed.isEmpty() || renewed(certificate)) {
                continue;
            }
            for (int days : crossed) {
                CertificateAlert alert = new CertificateAlert();
                alert.certificate = certificate;
                alert.thresholdDays = days;
                alert.persist();
            }
            publish(certificate, crossed.get(0), left, now);
            alerted.add(certificate.id);
        }
        return alerted;
    }

    /**
     * @return the certificate's own thresholds (days; empty: none) or, when it has none, the
     *     global {@code infra.cert.alerts.threshold-days}
     */
    List<Integer> thresholds(Certificate certificate) {
        return certificate.alertThresholdDays != null ? certificate.alertThresholdDays : config.thresholdDays();
    }

    /** @return whether a later certificate with the same names is bound at each of its places */
    boolean renewed(Certificate certificate) {
        Set<String> names = names(certificate);
        if (names.isEmpty()) {
            return false;
        }
        String first = names.iterator().next();
        List<Certificate> successors = CertificateSan.<CertificateSan>list(
                        "lower(value) = ?1 and sanType = ?2 and certificate.notAfter > ?3 and certificate.id <> ?4",
                        first,
                        SanType.DNS,
                        certificate.notAfter,
                        certificate.id)
                .stream()
                .map(san -> san.certificate)
                .filter(other -> names(other).equals(names))
                .toList();
        if (successors.isEmpty()) {
            return false;
        }
        List<CertificateBinding> places = CertificateBinding.list("certificate", certificate);
        if (places.isEmpty()) {
            return true;
        }
        List<CertificateBinding> renewedAt = CertificateBinding.list("certificate in ?1", successors);
        return places.stream()
                .allMatch(place -> renewedAt.stream()
                        .anyMatch(b -> Objects.equals(hostId(b), hostId(place))
                                && Objects.equals(b.port, place.port)
                                && Objects.equals(b.sni, place.sni)));
    }

    private static Long hostId(CertificateBinding binding) {
        return binding.host == null ? null : binding.host.id;
    }

    private static Set<String> names(Certificate certificate) {
        Set<String> names = certificate.sans.stream()
                .filter(san -> san.sanType == SanType.DNS)
                .map(san -> san.value.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        if (names.isEmpty() && certificate.commonName != null) {
            names.add(certificate.commonName.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private void publish(Certificate certificate, int threshold, Duration left, Instant now) {
        long days = left.toDays();
        String id = Long.toString(certificate.id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("certificate_id", certificate.id);
        data.put("common_name", certificate.commonName);
        data.put("sha256_thumbprint", certificate.sha256Thumbprint);
        data.put("not_after", certificate.notAfter.toString());
        data.put("days_remaining", days);
        data.put("threshold_days", threshold);
        data.put("dns_names", List.copyOf(names(certificate)));
        outbox.add(new OutboxMessage(
                UUID.randomUUID().toString(), events.topic(), "cert.certificate.expiring", id, id, data, now));
        List<String> to = config.recipients().orElse(List.of());
        if (to.isEmpty()) {
            return;
        }
        String key = "cert-expiry-" + certificate.id + "-" + threshold;
        String name = certificate.commonName == null ? certificate.subjectDn : certificate.commonName;
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("to", to);
        mail.put("subject", "Certificate " + name + " expires in " + days + " day(s), on " + certificate.notAfter);
        mail.put(
                "text",
                "The certificate " + name + " (SHA-256 " + certificate.sha256Thumbprint + ", issuer "
                        + certificate.issuerDn + ") expires on " + certificate.notAfter + ", in " + days
                        + " day(s) (threshold " + threshold + " days).\nNames: " + String.join(", ", names(certificate))
                        + "\nNo renewal was seen at its bindings.");
        config.channel().ifPresent(channel -> mail.put("channel", channel));
        mail.put("idempotency_key", key);
        outbox.add(new OutboxMessage(
                UUID.randomUUID().toString(), NOTIFICATIONS, "notification.requested", key, key, mail, now));
    }
}
