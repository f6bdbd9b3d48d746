package io.infrasystem.project.assignment;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.project.project.Project;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * A user assigned to a project ({@code assignment}): what a non-administrator may see. The user is
 * named by Keycloak {@code preferred_username} (the subject of the gateway's internal token) and,
 * when the assigner knew it, the Keycloak user id. One assignment per project and user.
 */
@Entity
public class Assignment extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Project project;

    public String username;
    public String userSubject;
    public String assignedBy;

    /** @return the API view */
    public AssignmentDto dto() {
        return new AssignmentDto(
                id,
                project.id,
                project.name,
                username,
                userSubject,
                assignedBy,
                createdAt,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public AssignmentInput input() {
        return new AssignmentInput(project.id, username, userSubject);
    }
}
