package io.infrasystem.vm.owner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a caller sends to create or change an owner.
 *
 * @param fullName 1–255 characters
 * @param email a valid address, at most 255 characters, unique (case-insensitive)
 * @param designation at most 100 characters
 * @param department at most 100 characters
 */
public record OwnerInput(
        @NotBlank @Size(max = 255) String fullName,
        @NotBlank @Email @Size(max = 255) String email,
        @Size(max = 100) String designation,
        @Size(max = 100) String department) {}
