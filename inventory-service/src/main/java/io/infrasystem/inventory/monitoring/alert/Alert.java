package io.infrasystem.inventory.monitoring.alert;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.monitoring.config.MonitoringConfig;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * An alert (table {@code alert}): a Zabbix problem, or a threshold crossed, about an entity of the
 * suite named by its reference ({@code inventory:asset:42}, {@code vm:vm:1234}). Unique by
 * {@code (source, source_key)}: a Zabbix problem is keyed by its connection and event id, so it is
 * imported once however often it is seen.
 */
@Entity
public class Alert extends Tracked {

    public AlertSource source;
    public String sourceKey;

    @ManyToOne(fetch = FetchType.LAZY)
    public MonitoringConfig config;

    @ManyToOne(fetch = FetchType.LAZY)
    public Site site;

    public AlertSeverity severity;
    public String sourceSeverity;
    public AlertStatus status;
    public String message;
    public String entityRef;
    public String entityMatch;
    public Long zabbixEventId;
    public String zabbixHost;
    public Instant openedAt;
    public Instant acknowledgedAt;
    public String acknowledgedBy;
    public String ackComment;
    public boolean ackPending;
    public String assignee;
    public Instant resolvedAt;

    /** Whether a maintenance window covered its entity when it opened (then it is sent nowhere). */
    public boolean suppressed;

    /** @return the API form */
    public AlertDto dto() {
        return new AlertDto(
                id,
                source,
                severity,
                sourceSeverity,
                status,
                message,
                entityRef,
                entityMatch,
                site == null ? null : site.id,
                config == null ? null : config.id,
                zabbixEventId,
                zabbixHost,
                openedAt,
                acknowledgedAt,
                acknowledgedBy,
                ackComment,
                ackPending,
                assignee,
                resolvedAt,
                suppressed,
                version,
                createdAt,
                updatedAt);
    }
}
