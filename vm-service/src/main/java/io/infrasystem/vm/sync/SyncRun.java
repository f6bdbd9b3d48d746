package io.infrasystem.vm.sync;

import io.infrasystem.vm.facts.Platform;
import java.time.Instant;

/**
 * A sync run as the API shows it ({@code vm_sync_run}).
 *
 * @param id run id
 * @param platform the platform
 * @param source the vCenter / Prism Central (or other system) the payloads came from
 * @param mode whether it deletes what it did not see
 * @param status where it is in its lifecycle
 * @param chunked whether payloads arrive in chunks and deletion waits for {@code finish}
 * @param chunkCount chunks received
 * @param vmCountSeen VMs in the payloads
 * @param createdCount VMs created
 * @param updatedCount VMs whose tracked facts changed
 * @param unchangedCount VMs identical to what was stored
 * @param deletedCount VMs soft-deleted because the full sync did not see them
 * @param restoredCount deleted VMs that reappeared
 * @param error why it failed or expired, or null
 * @param startedAt when it opened (UTC)
 * @param finishedAt when it completed, failed or expired, or null
 * @param expiresAt when an unfinished chunked run expires, or null
 * @param durationMs processing time of a single-payload run, or from open to finish
 */
public record SyncRun(
        long id,
        Platform platform,
        String source,
        SyncMode mode,
        SyncRunStatus status,
        boolean chunked,
        int chunkCount,
        int vmCountSeen,
        int createdCount,
        int updatedCount,
        int unchangedCount,
        int deletedCount,
        int restoredCount,
        String error,
        Instant startedAt,
        Instant finishedAt,
        Instant expiresAt,
        Long durationMs) {}
