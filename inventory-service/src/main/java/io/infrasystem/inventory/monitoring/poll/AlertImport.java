package io.infrasystem.inventory.monitoring.poll;

import io.infrasystem.inventory.monitoring.alert.Alert;
import io.infrasystem.inventory.monitoring.alert.AlertService;
import io.infrasystem.inventory.monitoring.alert.AlertSeverity;
import io.infrasystem.inventory.monitoring.alert.AlertSource;
import io.infrasystem.inventory.monitoring.alert.AlertStatus;
import io.infrasystem.inventory.monitoring.config.MonitoringConfig;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixHost;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixProblem;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database side of a poll: which Zabbix problems are known already, storing new ones as alerts
 * (keyed by connection and event id: never twice), and applying what Zabbix says of the unresolved
 * ones (resolved, acknowledged there). Each method is one transaction.
 */
@ApplicationScoped
public class AlertImport {

    private final AlertService alerts;

    public AlertImport(AlertService alerts) {
        this.alerts = alerts;
    }

    /** @return the source key of a Zabbix problem of a connection */
    static String key(long configId, long eventId) {
        return configId + ":" + eventId;
    }

    /** @return the event ids among {@code eventIds} that are stored as alerts of the connection */
    @Transactional
    Set<Long> known(long configId, List<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Alert.<Alert>list("config.id = ?1 and zabbixEventId in ?2", configId, eventIds).stream()
                .map(a -> a.zabbixEventId)
                .toList());
    }

    /**
     * Stores the problems not yet stored as open alerts, each recorded as {@code opened}.
     *
     * @param hostOfTrigger trigger id to the Zabbix host it belongs to
     * @param matches Zabbix host id to the suite entity it stands for
     * @return how many were stored
     */
    @Transactional
    int store(
            ConnectionSettings settings,
            List<ZabbixProblem> problems,
            Map<Long, ZabbixHost> hostOfTrigger,
            Map<Long, Optional<EntityMatch>> matches) {
        Set<Long> known = known(
                settings.configId(),
                problems.stream().map(ZabbixProblem::eventId).toList());
        MonitoringConfig config = MonitoringConfig.findById(settings.configId());
        if (config == null) {
            return 0;
        }
        int stored = 0;
        for (ZabbixProblem problem : problems) {
            if (!known.add(problem.eventId())) {
                continue;
            }
            Alert alert = new Alert();
            alert.source = AlertSource.ZABBIX;
            alert.sourceKey = key(settings.configId(), problem.eventId());
            alert.config = config;
            alert.site = Site.findById(settings.siteId());
            alert.severity = AlertSeverity.fromZabbix(problem.severity());
            alert.sourceSeverity = AlertSeverity.zabbixName(problem.severity());
            alert.message = problem.name().length() <= 1000
                    ? problem.name()
                    : problem.name().substring(0, 1000);
            alert.zabbixEventId = problem.eventId();
            alert.openedAt = problem.clock();
            ZabbixHost host = hostOfTrigger.get(problem.triggerId());
            if (host != null) {
                alert.zabbixHost = host.host();
                matches.getOrDefault(host.hostId(), Optional.empty()).ifPresent(m -> {
                    alert.entityRef = m.ref();
                    alert.entityMatch = m.how();
                });
            }
            alerts.open(alert);
            stored++;
        }
        return stored;
    }

    /** @return the unresolved Zabbix alerts of a connection: alert id to Zabbix event id */
    @Transactional
    Map<Long, Long> unresolved(long configId) {
        Map<Long, Long> ids = new java.util.LinkedHashMap<>();
        Alert.<Alert>list("config.id = ?1 and status <> ?2 order by id", configId, AlertStatus.RESOLVED)
                .forEach(a -> ids.put(a.id, a.zabbixEventId));
        return ids;
    }

    /**
     * Applies what Zabbix says now of unresolved alerts.
     *
     * @param resolvedAt alert id to the time Zabbix resolved it
     * @param acknowledgedThere ids of open alerts acknowledged in Zabbix
     */
    @Transactional
    void apply(Map<Long, Instant> resolvedAt, Set<Long> acknowledgedThere) {
        for (Long id : acknowledgedThere) {
            Alert alert = Alert.findById(id);
            if (alert != null && alert.status == AlertStatus.OPEN && !resolvedAt.containsKey(id)) {
                alerts.acknowledgedInZabbix(alert);
            }
        }
        resolvedAt.forEach((id, at) -> {
            Alert alert = Alert.findById(id);
            if (alert != null && alert.status != AlertStatus.RESOLVED) {
                alerts.resolve(alert, at);
            }
        });
    }

    /** @return the alerts of a connection whose acknowledgement Zabbix does not have yet: id to it */
    @Transactional
    List<PendingAck> pendingAcknowledgements(long configId) {
        return Alert.<Alert>list("config.id = ?1 and ackPending = true order by id", configId).stream()
                .map(a -> new PendingAck(a.id, a.zabbixEventId, a.ackComment))
                .toList();
    }

    /** Notes that Zabbix has the acknowledgements of these alerts (no event: delivery state). */
    @Transactional
    void acknowledgementsSent(List<Long> alertIds) {
        if (!alertIds.isEmpty()) {
            Alert.update("ackPending = false where id in ?1", alertIds);
        }
    }

    /**
     * An acknowledgement to send to Zabbix.
     *
     * @param alertId the alert
     * @param eventId its Zabbix event
     * @param comment the inbox comment, or {@code null}
     */
    record PendingAck(long alertId, long eventId, String comment) {}
}
