package io.infrasystem.project.events;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.EventContext;
import io.infrasystem.project.assignment.AssignmentDto;
import io.infrasystem.project.instance.InstanceDto;
import io.infrasystem.project.project.ProjectDto;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Adds {@code project_id} to the data of every {@code project.project.*}, {@code project.instance.*}
 * and {@code project.assignment.*} event (and {@code username} to assignment events), so that a
 * consumer (realtime-service) can deliver each event only to the project's members and learn the
 * assignments without reading this service's database. Client events carry no project: they reach
 * administrators only.
 */
@ApplicationScoped
public class ProjectEventContext implements EventContext {

    @Override
    public Map<String, Object> of(Change change) {
        Object entity = change.after() != null ? change.after() : change.before();
        return switch (entity) {
            case ProjectDto project -> Map.of("project_id", project.id());
            case InstanceDto instance -> Map.of("project_id", instance.projectId());
            case AssignmentDto assignment ->
                Map.of("project_id", assignment.projectId(), "username", assignment.username());
            case null, default -> Map.of();
        };
    }
}
