package io.infrasystem.project.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator sends to assign a user to a project.
 *
 * @param projectId the project (400 when it does not exist)
 * @param username the user's Keycloak {@code preferred_username}, 1–255 characters
 * @param userSubject the user's Keycloak id (optional, at most 64 characters)
 */
public record AssignmentInput(
        @NotNull Long projectId,
        @NotBlank @Size(max = 255) String username,
        @Size(max = 64) String userSubject) {}
