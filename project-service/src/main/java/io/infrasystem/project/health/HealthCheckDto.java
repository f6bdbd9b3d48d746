package io.infrasystem.project.health;

import java.time.Instant;

/**
 * A probe as the API shows it.
 *
 * @param id probe id
 * @param instanceId the instance probed
 * @param checkedAt when, UTC
 * @param status {@code up} or {@code down}
 * @param httpStatus the HTTP status answered, {@code null} when none came (refused, timed out)
 * @param latencyMs time to the full answer, in milliseconds
 * @param serverVersion Odoo's {@code server_version}, e.g. {@code 17.0+e}, when up
 * @param error why it is down
 */
public record HealthCheckDto(
        long id,
        long instanceId,
        Instant checkedAt,
        HealthStatus status,
        Integer httpStatus,
        long latencyMs,
        String serverVersion,
        String error) {}
