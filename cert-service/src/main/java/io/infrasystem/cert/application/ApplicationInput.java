package io.infrasystem.cert.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a caller sends to create or change an application.
 *
 * @param name 1–255 characters, unique (case-insensitive)
 * @param appType required
 * @param owner at most 255 characters
 * @param notes at most 4000 characters
 */
public record ApplicationInput(
        @NotBlank @Size(max = 255) String name,
        @NotNull ApplicationType appType,
        @Size(max = 255) String owner,
        @Size(max = 4000) String notes) {}
