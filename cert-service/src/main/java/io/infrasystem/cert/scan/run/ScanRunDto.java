package io.infrasystem.cert.scan.run;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * A scan run as the API shows it (and as its progress events carry it).
 *
 * @param id run id
 * @param status {@code running} or {@code completed}
 * @param requestedBy who started it (user, API key or {@code system:<job>})
 * @param targetCount targets in the run
 * @param succeededCount targets whose chain was captured
 * @param failedCount targets refused, unreachable or failing the handshake
 * @param pendingCount targets not finished yet
 * @param startedAt start (UTC)
 * @param finishedAt end, or {@code null} while running
 * @param version optimistic-locking version ({@code ETag})
 */
public record ScanRunDto(
        long id,
        ScanRunStatus status,
        String requestedBy,
        int targetCount,
        int succeededCount,
        int failedCount,
        int pendingCount,
        Instant startedAt,
        Instant finishedAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
