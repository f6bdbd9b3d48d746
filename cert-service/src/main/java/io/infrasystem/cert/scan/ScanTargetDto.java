package io.infrasystem.cert.scan;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * A scan target as the API shows it.
 *
 * @param id target id
 * @param host DNS name or IP address (lower-case)
 * @param port TCP port
 * @param sni server name sent in the handshake, or {@code null} (the host when it is a name)
 * @param starttls {@code none}, {@code smtp}, {@code imap} or {@code pop3}
 * @param scheduleMinutes scanned every so many minutes, or {@code null} for on demand only
 * @param profile name of a scanning profile (free text)
 * @param enabled whether scheduled and bulk scans include it
 * @param lastScannedAt the latest scan, or {@code null}
 * @param notes operator notes
 * @param version optimistic-locking version ({@code ETag})
 */
public record ScanTargetDto(
        long id,
        String host,
        int port,
        String sni,
        StartTls starttls,
        Integer scheduleMinutes,
        String profile,
        boolean enabled,
        Instant lastScannedAt,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
