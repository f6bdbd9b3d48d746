package io.infrasystem.inventory.monitoring.zabbix;

import java.time.Instant;

/**
 * A Zabbix problem event (from {@code problem.get} or {@code event.get} with {@code value=1}).
 *
 * @param eventId Zabbix event id (increasing)
 * @param clock when the problem started
 * @param name the trigger's name as resolved for the event
 * @param severity Zabbix severity 0 (not classified) … 5 (disaster)
 * @param recoveryEventId id of the event that resolved it, 0 while unresolved
 * @param acknowledged whether someone acknowledged it in Zabbix
 * @param triggerId the trigger that raised it (the event's {@code objectid})
 */
public record ZabbixProblem(
        long eventId,
        Instant clock,
        String name,
        int severity,
        long recoveryEventId,
        boolean acknowledged,
        long triggerId) {}
