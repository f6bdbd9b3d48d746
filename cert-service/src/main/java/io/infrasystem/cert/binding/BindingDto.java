package io.infrasystem.cert.binding;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * A certificate binding as the API shows it (names of the related resources included for lists).
 *
 * @param id binding id
 * @param certificateId the certificate served
 * @param certificateCommonName its common name
 * @param hostId the host, or {@code null}
 * @param hostName its name
 * @param hostIpId the address, or {@code null}
 * @param ipAddress its text form
 * @param port TCP port, or {@code null}
 * @param applicationId the application, or {@code null}
 * @param applicationName its name
 * @param platform what serves it
 * @param parentBindingId the binding in front of this one in a flow, or {@code null}
 * @param sni the server name the certificate is served for, or {@code null}
 * @param firstSeenAt when first recorded or scanned
 * @param lastSeenAt when last confirmed by a scan (or recorded)
 * @param notes operator notes
 * @param version optimistic-locking version ({@code ETag})
 */
public record BindingDto(
        long id,
        long certificateId,
        String certificateCommonName,
        Long hostId,
        String hostName,
        Long hostIpId,
        String ipAddress,
        Integer port,
        Long applicationId,
        String applicationName,
        Platform platform,
        Long parentBindingId,
        String sni,
        Instant firstSeenAt,
        Instant lastSeenAt,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
