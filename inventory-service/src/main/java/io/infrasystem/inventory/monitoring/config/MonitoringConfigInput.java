package io.infrasystem.inventory.monitoring.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The writable fields of a site's Zabbix connection.
 *
 * @param zabbixUrl {@code http(s)://…/api_jsonrpc.php}
 * @param authMode {@code token} (needs {@code api_token}) or {@code password} (needs {@code username}
 *     and {@code password})
 * @param apiToken write-only; {@code null} keeps the stored one
 * @param password write-only; {@code null} keeps the stored one
 * @param pollIntervalSeconds 5 … 86400
 * @param enabled {@code null} means true
 */
public record MonitoringConfigInput(
        @NotNull Long siteId,
        @NotBlank @Size(max = 500) String zabbixUrl,
        @NotNull AuthMode authMode,
        @Size(min = 1, max = 256) String apiToken,
        @Size(max = 100) String username,
        @Size(min = 1, max = 256) String password,
        @NotNull @Min(5) @Max(86400) Integer pollIntervalSeconds,
        Boolean enabled) {}
