package io.infrasystem.inventory.monitoring.alert;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * An alert as the API returns it.
 *
 * @param sourceSeverity the source's own level (Zabbix: not_classified … disaster)
 * @param entityRef the suite reference of the entity it concerns ({@code inventory:asset:42}), or
 *     {@code null} when no entity matched
 * @param entityMatch how the reference was found: {@code name}, {@code ip} or {@code tag}
 * @param zabbixEventId the Zabbix problem event id (Zabbix alerts)
 * @param zabbixHost the Zabbix host's technical name (Zabbix alerts)
 * @param openedAt UTC, when the source raised it
 * @param ackPending whether the acknowledgement is still to be sent to Zabbix
 * @param resolvedAt UTC, when the source resolved it
 * @param suppressed whether a maintenance window covered its entity when it opened (sent nowhere)
 */
public record AlertDto(
        long id,
        AlertSource source,
        AlertSeverity severity,
        String sourceSeverity,
        AlertStatus status,
        String message,
        String entityRef,
        String entityMatch,
        Long siteId,
        Long configId,
        Long zabbixEventId,
        String zabbixHost,
        Instant openedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String ackComment,
        boolean ackPending,
        String assignee,
        Instant resolvedAt,
        boolean suppressed,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
