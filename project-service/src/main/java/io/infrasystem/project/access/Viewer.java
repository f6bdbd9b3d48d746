package io.infrasystem.project.access;

import java.util.Map;

/**
 * Who is reading, as far as project visibility goes: an administrator sees everything; anyone else
 * sees the projects assigned to {@link #username} (and what belongs to them), nothing when it is
 * {@code null} (an API key whose owner the gateway did not name).
 *
 * @param admin whether the caller holds the {@code admin} role
 * @param username the user whose assignments apply: the caller's {@code preferred_username}, or the
 *     owner an API key acts for; {@code null} for none
 */
public record Viewer(boolean admin, String username) {

    /** The HQL parameter that {@link #condition} binds. */
    public static final String PARAMETER = "viewer";

    /** The projects assigned to {@code :viewer}, as an HQL sub-query of project ids. */
    public static final String ASSIGNED_PROJECTS =
            "select va.project.id from Assignment va where va.username = :viewer";

    /**
     * @param projectId HQL expression of the project id of the row, e.g. {@code i.project.id}
     * @return the HQL condition that the row belongs to a project this viewer sees (always true for
     *     an administrator, always false without a user)
     */
    public String condition(String projectId) {
        if (admin) {
            return "1 = 1";
        }
        if (username == null) {
            return "1 = 0";
        }
        return projectId + " in (" + ASSIGNED_PROJECTS + ")";
    }

    /**
     * @param parameters the query's other parameters
     * @return them plus {@code viewer} when {@link #condition} needs it
     */
    public Map<String, Object> bind(Map<String, Object> parameters) {
        if (admin || username == null) {
            return parameters;
        }
        var all = new java.util.HashMap<>(parameters);
        all.put(PARAMETER, username);
        return all;
    }
}
