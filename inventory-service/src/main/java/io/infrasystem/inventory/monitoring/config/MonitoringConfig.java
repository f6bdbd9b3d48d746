package io.infrasystem.inventory.monitoring.config;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.commons.crypto.EncryptedText;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * The Zabbix connection of a site (table {@code monitoring_config}, one per site). The API token
 * and the password are stored AES-256-GCM encrypted ({@link EncryptedText}) and never leave the
 * service except towards Zabbix.
 */
@Entity
public class MonitoringConfig extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site site;

    /** URL of Zabbix's {@code api_jsonrpc.php}. */
    public String zabbixUrl;

    public AuthMode authMode;

    @Convert(converter = EncryptedText.class)
    public String apiToken;

    public String username;

    @Convert(converter = EncryptedText.class)
    public String password;

    /** Seconds between two polls (5 … 86400). */
    public int pollIntervalSeconds;

    /** Whether the poller polls it on its own (a manual poll works either way). */
    public boolean enabled;

    /** @return the API form (secrets only as "set or not") */
    public MonitoringConfigDto dto() {
        return new MonitoringConfigDto(
                id,
                site.id,
                site.name,
                zabbixUrl,
                authMode,
                apiToken != null,
                username,
                password != null,
                pollIntervalSeconds,
                enabled,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input; the secrets as {@code null} ("keep") */
    public MonitoringConfigInput input() {
        return new MonitoringConfigInput(
                site.id, zabbixUrl, authMode, null, username, null, pollIntervalSeconds, enabled);
    }
}
