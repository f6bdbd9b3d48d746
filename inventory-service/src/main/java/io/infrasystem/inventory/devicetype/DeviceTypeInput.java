package io.infrasystem.inventory.devicetype;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The writable fields of a device type. */
public record DeviceTypeInput(
        @NotBlank @Size(max = 100) String name,
        @NotNull DeviceCategory category,
        @Size(max = 1000) String description) {}
