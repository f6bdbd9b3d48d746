package io.infrasystem.inventory.monitoring.poll;

import io.infrasystem.inventory.monitoring.config.AuthMode;
import io.infrasystem.inventory.monitoring.config.MonitoringConfig;
import java.net.URI;

/**
 * A connection's settings read out of the database (with the secrets in clear), so that Zabbix is
 * called outside any transaction.
 *
 * @param siteId the connection's site
 * @param url the API's URL
 */
record ConnectionSettings(
        long configId,
        long siteId,
        URI url,
        AuthMode authMode,
        String apiToken,
        String username,
        String password,
        int pollIntervalSeconds,
        boolean enabled) {

    static ConnectionSettings of(MonitoringConfig config) {
        return new ConnectionSettings(
                config.id,
                config.site.id,
                URI.create(config.zabbixUrl),
                config.authMode,
                config.apiToken,
                config.username,
                config.password,
                config.pollIntervalSeconds,
                config.enabled);
    }
}
