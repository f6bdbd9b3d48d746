package io.infrasystem.inventory.monitoring.poll;

import java.time.Instant;

/**
 * The state of a Zabbix connection as the API shows it.
 *
 * @param status unknown, up, down, auth_failed, error
 * @param detail what the last failure was, {@code null} when up
 * @param apiVersion the Zabbix API version last seen
 * @param lastPollAt UTC, last attempt
 * @param lastSuccessAt UTC, last successful poll
 * @param failures consecutive failed polls
 * @param eventCursor highest Zabbix problem event id imported
 * @param sessionObtainedAt UTC, when the cached login session was obtained (password mode)
 */
public record PollStatusDto(
        long configId,
        ConnectionStatus status,
        String detail,
        String apiVersion,
        Instant lastPollAt,
        Instant lastSuccessAt,
        int failures,
        Long eventCursor,
        Instant sessionObtainedAt) {}
