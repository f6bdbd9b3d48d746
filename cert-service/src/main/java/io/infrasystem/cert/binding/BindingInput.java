package io.infrasystem.cert.binding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a caller sends to create or change a binding. At least one of {@code host_id},
 * {@code host_ip_id} and {@code application_id} is given; an address must belong to the host
 * given with it (the host defaults to the address's).
 *
 * @param certificateId required, an existing certificate
 * @param hostId an existing host
 * @param hostIpId an existing host address
 * @param port 1–65535
 * @param applicationId an existing application
 * @param platform required
 * @param parentBindingId an existing binding that is not this one nor one behind it
 * @param sni at most 255 characters
 * @param notes at most 4000 characters
 */
public record BindingInput(
        @NotNull Long certificateId,
        Long hostId,
        Long hostIpId,
        @Min(1) @Max(65535) Integer port,
        Long applicationId,
        @NotNull Platform platform,
        Long parentBindingId,
        @Size(max = 255) String sni,
        @Size(max = 4000) String notes) {}
