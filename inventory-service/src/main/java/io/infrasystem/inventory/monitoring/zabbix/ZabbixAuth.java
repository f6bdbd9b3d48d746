package io.infrasystem.inventory.monitoring.zabbix;

/**
 * The credential a Zabbix call carries in its {@code auth} field: an API token, or a
 * {@code user.login} session that can be renewed when Zabbix ends it.
 */
public interface ZabbixAuth {

    /**
     * @return the token or session id to send (logging in first if no session is cached)
     * @throws ZabbixException as {@link ZabbixRpc#call}
     */
    String token();

    /**
     * Forgets the current session and logs in again.
     *
     * @return the new session id
     * @throws ZabbixException {@link ZabbixException.Kind#AUTH} when the credential cannot be
     *     renewed (an API token) or the login is refused
     */
    String renew();
}
