package io.infrasystem.inventory.monitoring.config;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * A site's Zabbix connection as the API returns it. The secrets are write-only: only whether
 * one is stored is shown.
 *
 * @param zabbixUrl URL of {@code api_jsonrpc.php}
 * @param apiTokenSet whether an API token is stored
 * @param passwordSet whether a password is stored
 * @param pollIntervalSeconds seconds between two polls
 */
public record MonitoringConfigDto(
        long id,
        long siteId,
        String siteName,
        String zabbixUrl,
        AuthMode authMode,
        boolean apiTokenSet,
        String username,
        boolean passwordSet,
        int pollIntervalSeconds,
        boolean enabled,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
