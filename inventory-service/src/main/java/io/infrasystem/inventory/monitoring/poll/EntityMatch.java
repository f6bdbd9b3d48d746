package io.infrasystem.inventory.monitoring.poll;

/**
 * The suite entity a Zabbix host stands for.
 *
 * @param ref suite reference, e.g. {@code inventory:asset:42}
 * @param how {@code name}, {@code ip} or {@code tag}
 */
record EntityMatch(String ref, String how) {}
