package io.infrasystem.project.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What an administrator sends to create or change a project.
 *
 * @param clientId the client (400 when it does not exist)
 * @param name 1–200 characters, unique within the client (case-insensitive)
 * @param code optional, 1–50 letters, digits, {@code -}, {@code _} or {@code .}, unique (case-insensitive)
 * @param status {@code active} when absent
 * @param description at most 4000 characters
 * @param startDate optional ISO-8601 date
 * @param endDate optional ISO-8601 date, not before {@code start_date}
 */
public record ProjectInput(
        @NotNull Long clientId,
        @NotBlank @Size(max = 200) String name,

        @Size(min = 1, max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+")
        String code,

        ProjectStatus status,
        @Size(max = 4000) String description,
        LocalDate startDate,
        LocalDate endDate) {}
