package io.infrasystem.inventory.monitoring.zabbix;

import java.net.URI;

/**
 * One Zabbix API to call and how to authenticate there.
 *
 * @param url the API's URL ({@code …/api_jsonrpc.php})
 * @param auth the credential
 */
public record ZabbixTarget(URI url, ZabbixAuth auth) {}
