package io.infrasystem.inventory.monitoring.rule;

import io.infrasystem.commons.crud.Versioned;
import io.infrasystem.inventory.monitoring.alert.AlertSeverity;
import io.infrasystem.inventory.monitoring.alert.AlertSource;
import java.time.Instant;
import java.util.List;

/**
 * An alert rule as the API returns it.
 *
 * @param minSeverity alerts of this severity or higher match
 * @param source {@code zabbix}, {@code threshold}, or {@code null} for any
 * @param entityType reference prefix ({@code inventory:asset}), {@code null} for any
 * @param siteId {@code null} for any site
 * @param repeatMinutes minutes between sends while the alert stays open; 0 sends once
 */
public record AlertRuleDto(
        long id,
        String name,
        boolean enabled,
        AlertSeverity minSeverity,
        AlertSource source,
        String entityType,
        Long siteId,
        List<RuleChannel> channels,
        int repeatMinutes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
