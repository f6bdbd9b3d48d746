package io.infrasystem.inventory.monitoring.zabbix;

import java.util.List;
import java.util.Map;

/**
 * A Zabbix host as {@code host.get} describes it.
 *
 * @param hostId Zabbix host id
 * @param host technical name
 * @param name visible name
 * @param ips the IP addresses of its interfaces
 * @param tags its tags, name to value (a repeated tag keeps its first value)
 */
public record ZabbixHost(long hostId, String host, String name, List<String> ips, Map<String, String> tags) {}
