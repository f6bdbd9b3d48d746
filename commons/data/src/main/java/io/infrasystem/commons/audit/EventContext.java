package io.infrasystem.commons.audit;

import java.util.Map;

/**
 * Optional fields a service adds to the data of its change events, next to {@code entity},
 * {@code changes} and {@code actor} (e.g. project-service's {@code project_id}, which lets the
 * realtime service deliver an event only to the project's members). A service declares at most one
 * bean of this type; {@link ChangeRecorder} calls it for every change it records.
 */
@FunctionalInterface
public interface EventContext {

    /**
     * @param change the change being recorded (its {@code before}/{@code after} are the DTOs)
     * @return fields to add to the event's data, snake_case names, JSON-serializable values; empty
     *     for none (the three standard fields cannot be replaced)
     */
    Map<String, Object> of(Change change);
}
