package io.infrasystem.project.assignment;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * An assignment as the API shows it.
 *
 * @param id assignment id
 * @param projectId the project's id
 * @param projectName the project's name
 * @param username the user's Keycloak {@code preferred_username}
 * @param userSubject the user's Keycloak id, when known
 * @param assignedBy who assigned the user (user name)
 * @param assignedAt when, UTC
 * @param version optimistic-locking version ({@code ETag})
 * @param createdAt creation time, UTC
 * @param updatedAt last change, UTC
 */
public record AssignmentDto(
        long id,
        long projectId,
        String projectName,
        String username,
        String userSubject,
        String assignedBy,
        Instant assignedAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
