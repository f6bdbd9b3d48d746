package io.infrasystem.inventory.monitoring.poll;

import io.infrasystem.inventory.monitoring.config.AuthMode;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixApi;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixAuth;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixException;
import java.net.URI;

/**
 * The credential of one connection: its API token, or a {@code user.login} session cached
 * (encrypted) in the poll state and renewed when Zabbix ends it.
 */
final class ConfigAuth implements ZabbixAuth {

    private final long configId;
    private final URI url;
    private final AuthMode mode;
    private final String apiToken;
    private final String username;
    private final String password;
    private final ZabbixApi api;
    private final PollStates states;
    private String session;

    /**
     * @param cachedSession the session cached in the poll state, or {@code null}
     */
    ConfigAuth(ConnectionSettings settings, String cachedSession, ZabbixApi api, PollStates states) {
        this.configId = settings.configId();
        this.url = settings.url();
        this.mode = settings.authMode();
        this.apiToken = settings.apiToken();
        this.username = settings.username();
        this.password = settings.password();
        this.api = api;
        this.states = states;
        this.session = cachedSession;
    }

    @Override
    public String token() {
        if (mode == AuthMode.TOKEN) {
            return apiToken;
        }
        return session != null ? session : renew();
    }

    @Override
    public String renew() {
        if (mode == AuthMode.TOKEN) {
            throw new ZabbixException(ZabbixException.Kind.AUTH, "Zabbix refused the API token");
        }
        states.forgetSession(configId);
        session = null;
        session = api.login(url, username, password);
        states.rememberSession(configId, session);
        return session;
    }
}
