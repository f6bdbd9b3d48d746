package io.infrasystem.realtime.project;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is assigned to which project, learnt from project-service's {@code project.assignment.*}
 * events (their data carries {@code project_id} and {@code username}, and the assignment as
 * {@code entity} with its {@code version}); used to deliver {@code project.*} events only to the
 * project's members (DESIGN.md §10). Events may arrive twice and out of order (the start-up load
 * from the beginning of the topic overlaps the live consumer's replay window): an event is applied
 * only when it is newer than what is known of its assignment, by entity version, a deletion of a
 * version being newer than that version; deletions are remembered, so a late creation does not
 * bring a removed member back. An assignment is known by its id and creation time
 * ({@code entity.created_at}), since ids repeat across databases that share the topic.
 */
@ApplicationScoped
public class ProjectMembers {

    /** The type prefix of assignment events. */
    public static final String ASSIGNMENT_EVENTS = "project.assignment.";

    private record Known(long projectId, String username, long version, boolean deleted) {

        boolean newerThan(Known other) {
            return other == null || version > other.version || (version == other.version && deleted && !other.deleted);
        }
    }

    private final Map<String, Known> assignments = new HashMap<>();
    private final Map<Long, Set<String>> members = new HashMap<>();

    /**
     * Applies an assignment event; any other event is ignored, as is one without the fields.
     *
     * @param type CloudEvents type, e.g. {@code project.assignment.created}
     * @param subject the assignment id
     * @param data the event data
     */
    public synchronized void observe(String type, String subject, JsonNode data) {
        if (type == null || !type.startsWith(ASSIGNMENT_EVENTS) || subject == null || data == null) {
            return;
        }
        JsonNode entity = data.path("entity");
        JsonNode projectId = data.has("project_id") ? data.path("project_id") : entity.path("project_id");
        String username = data.has("username")
                ? data.path("username").asText()
                : entity.path("username").asText(null);
        if (!projectId.canConvertToLong()
                || username == null
                || !entity.path("version").canConvertToLong()) {
            return;
        }
        Known next =
                new Known(projectId.asLong(), username, entity.path("version").asLong(), type.endsWith(".deleted"));
        // An id names one assignment only within one database: a database made anew (an
        // end-to-end run after the module tests, a restored backup) reuses ids on the same topic,
        // so the assignment's creation time is part of its identity.
        String key = subject + "@" + entity.path("created_at").asText("");
        Known known = assignments.get(key);
        if (!next.newerThan(known)) {
            return;
        }
        if (known != null && !known.deleted()) {
            Set<String> users = members.get(known.projectId());
            if (users != null) {
                users.remove(known.username());
            }
        }
        if (!next.deleted()) {
            members.computeIfAbsent(next.projectId(), id -> new HashSet<>()).add(next.username());
        }
        assignments.put(key, next);
    }

    /**
     * @param projectId a project id
     * @param username a user name ({@code preferred_username})
     * @return whether the user is assigned to the project, as far as the events told
     */
    public synchronized boolean isMember(long projectId, String username) {
        Set<String> users = members.get(projectId);
        return users != null && username != null && users.contains(username);
    }
}
