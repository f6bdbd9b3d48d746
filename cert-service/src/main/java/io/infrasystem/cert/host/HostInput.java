package io.infrasystem.cert.host;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a caller sends to create or change a host.
 *
 * @param name 1–255 characters, unique (case-insensitive)
 * @param hostType required
 * @param environment required
 * @param ipAddresses IPv4 or IPv6 literals (no names), at most 100; the list replaces the host's addresses
 * @param notes at most 4000 characters
 */
public record HostInput(
        @NotBlank @Size(max = 255) String name,
        @NotNull HostType hostType,
        @NotNull HostEnvironment environment,
        @Size(max = 100) List<@NotBlank String> ipAddresses,
        @Size(max = 4000) String notes) {}
