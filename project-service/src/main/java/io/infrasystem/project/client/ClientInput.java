package io.infrasystem.project.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an administrator sends to create or change a client.
 *
 * @param name 1–200 characters, unique (case-insensitive)
 * @param contactName at most 200 characters
 * @param contactEmail a valid address, at most 255 characters
 * @param contactPhone at most 50 characters
 * @param notes at most 4000 characters
 */
public record ClientInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String contactName,
        @Email @Size(max = 255) String contactEmail,
        @Size(max = 50) String contactPhone,
        @Size(max = 4000) String notes) {}
